package dev.nestor.config.model;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;

import java.util.List;
import java.util.Objects;

/**
 * A DHCPv6 host reservation. Exactly one identifier is set; the others are null.
 *
 * @param ipAddresses reserved addresses (IA_NA), 16-byte {@link Bytes}; empty when none
 * @param prefixes    reserved prefixes (IA_PD), each with its optional excluded prefix; empty when none
 * @param hostname    "" when none
 * @param subnetId    the subnet the reservation belongs to, 0 for a global reservation
 */
public record Reservation6(HwAddress hwAddress, Bytes duid, Bytes flexId, List<Bytes> ipAddresses,
                           List<PrefixReservation> prefixes, String hostname, List<String> clientClasses,
                           List<OptionData> options, long subnetId, String path) {

    /** Kea's DHCPv6 host identifier types, with their config keyword. */
    public enum IdentifierType {
        HW_ADDRESS("hw-address"), DUID("duid"), FLEX_ID("flex-id");

        private final String keaName;

        IdentifierType(String keaName) { this.keaName = keaName; }

        public String keaName() { return keaName; }

        /** Null when the name is not a DHCPv6 identifier keyword. */
        public static IdentifierType fromKeaName(String name) {
            for (IdentifierType t : values()) if (t.keaName.equals(name)) return t;
            return null;
        }
    }

    /**
     * One reserved prefix.
     *
     * @param excluded RFC 6603 excluded prefix inside {@code prefix}, null when none
     */
    public record PrefixReservation(Ipv6Prefix prefix, Ipv6Prefix excluded) {
        public PrefixReservation {
            Objects.requireNonNull(prefix, "prefix");
            if (excluded != null && (excluded.length() <= prefix.length() || !prefix.contains(excluded)))
                throw new IllegalArgumentException("excluded prefix " + excluded + " is not inside " + prefix);
        }

        @Override
        public String toString() { return excluded == null ? prefix.toString() : prefix + " excluding " + excluded; }
    }

    public Reservation6 {
        int n = (hwAddress != null ? 1 : 0) + (duid != null ? 1 : 0) + (flexId != null ? 1 : 0);
        if (n != 1) throw new IllegalArgumentException("a reservation needs exactly one identifier, found " + n);
        ipAddresses = List.copyOf(ipAddresses);
        ipAddresses.forEach(a -> Ipv6.require(a, "reserved address"));
        prefixes = List.copyOf(prefixes);
        hostname = hostname == null ? "" : hostname;
        clientClasses = List.copyOf(clientClasses);
        options = List.copyOf(options);
        path = path == null ? "" : path;
        if (subnetId < 0) throw new IllegalArgumentException("negative subnet id");
    }

    public IdentifierType identifierType() {
        if (hwAddress != null) return IdentifierType.HW_ADDRESS;
        if (duid != null) return IdentifierType.DUID;
        return IdentifierType.FLEX_ID;
    }

    /** The identifier value; for a hardware address, its bytes without the htype. */
    public Bytes identifier() {
        return switch (identifierType()) {
            case HW_ADDRESS -> Bytes.of(hwAddress.bytes());
            case DUID -> duid;
            case FLEX_ID -> flexId;
        };
    }

    public boolean isGlobal() { return subnetId == 0; }
}
