package dev.nestor.config.model;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;

import java.util.List;

/**
 * A host reservation. Exactly one identifier is set; the others are null.
 *
 * @param ipAddress   reserved address, null when the reservation only carries options/classes/hostname
 * @param hostname    "" when none
 * @param nextServer  null when not set
 * @param subnetId    the subnet the reservation belongs to, 0 for a global reservation
 */
public record Reservation4(HwAddress hwAddress, Bytes clientId, Bytes circuitId, Bytes duid, Bytes flexId,
                           Integer ipAddress, String hostname, List<String> clientClasses, List<OptionData> options,
                           Integer nextServer, String serverHostname, String bootFileName, long subnetId, String path) {

    /** Kea's host identifier types, with their config keyword. */
    public enum IdentifierType {
        HW_ADDRESS("hw-address"), DUID("duid"), CIRCUIT_ID("circuit-id"), CLIENT_ID("client-id"), FLEX_ID("flex-id");

        private final String keaName;

        IdentifierType(String keaName) { this.keaName = keaName; }

        public String keaName() { return keaName; }

        /** Null when the name is not a Kea identifier keyword. */
        public static IdentifierType fromKeaName(String name) {
            for (IdentifierType t : values()) if (t.keaName.equals(name)) return t;
            return null;
        }
    }

    public Reservation4 {
        int n = (hwAddress != null ? 1 : 0) + (clientId != null ? 1 : 0) + (circuitId != null ? 1 : 0)
                + (duid != null ? 1 : 0) + (flexId != null ? 1 : 0);
        if (n != 1) throw new IllegalArgumentException("a reservation needs exactly one identifier, found " + n);
        hostname = hostname == null ? "" : hostname;
        clientClasses = List.copyOf(clientClasses);
        options = List.copyOf(options);
        serverHostname = serverHostname == null ? "" : serverHostname;
        bootFileName = bootFileName == null ? "" : bootFileName;
        path = path == null ? "" : path;
        if (subnetId < 0) throw new IllegalArgumentException("negative subnet id");
    }

    public IdentifierType identifierType() {
        if (hwAddress != null) return IdentifierType.HW_ADDRESS;
        if (clientId != null) return IdentifierType.CLIENT_ID;
        if (circuitId != null) return IdentifierType.CIRCUIT_ID;
        if (duid != null) return IdentifierType.DUID;
        return IdentifierType.FLEX_ID;
    }

    /** The identifier value; for a hardware address, its bytes without the htype. */
    public Bytes identifier() {
        return switch (identifierType()) {
            case HW_ADDRESS -> Bytes.of(hwAddress.bytes());
            case CLIENT_ID -> clientId;
            case CIRCUIT_ID -> circuitId;
            case DUID -> duid;
            case FLEX_ID -> flexId;
        };
    }

    public boolean isGlobal() { return subnetId == 0; }

}
