package dev.nestor.ddns.client;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.ddns.ncr.Dhcid;

import java.util.Objects;

/** What identifies a client in its DHCID record (RFC 4701): the DHCPv4 client identifier, else chaddr; the DUID. */
public sealed interface ClientIdentity {
    /** The DHCID RDATA for this client and name. @throws IllegalArgumentException for an unusable identifier or name */
    Dhcid dhcid(String fqdn);

    /** DHCPv4 option 61 (an RFC 4361 identifier yields the DUID's DHCID, as in Kea). */
    record ClientId(Bytes id) implements ClientIdentity {
        public ClientId { Objects.requireNonNull(id, "id"); }

        @Override public Dhcid dhcid(String fqdn) { return Dhcid.fromClientId(id, fqdn); }
    }

    /** DHCPv4 htype + chaddr, for clients without a client identifier. */
    record Hardware(HwAddress hw) implements ClientIdentity {
        public Hardware { Objects.requireNonNull(hw, "hw"); }

        @Override public Dhcid dhcid(String fqdn) { return Dhcid.fromHwAddress(hw, fqdn); }
    }

    /** DHCPv6 DUID. */
    record Duid(Bytes duid) implements ClientIdentity {
        public Duid { Objects.requireNonNull(duid, "duid"); }

        @Override public Dhcid dhcid(String fqdn) { return Dhcid.fromDuid(duid, fqdn); }
    }

    /** Kea's choice for a DHCPv4 lease: the client identifier when the lease has one, else the hardware address. */
    static ClientIdentity v4(Bytes clientId, HwAddress hw) {
        if (clientId != null && !clientId.isEmpty()) return new ClientId(clientId);
        return hw == null ? null : new Hardware(hw);
    }
}
