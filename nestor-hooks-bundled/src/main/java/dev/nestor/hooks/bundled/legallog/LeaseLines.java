package dev.nestor.hooks.bundled.legallog;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.Dhcp6RelayMessage;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.hooks.bundled.KeaText;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseType6;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Kea's default forensic log entries (lease4_callouts.cc / lease6_callouts.cc genLease*Entry). */
final class LeaseLines {
    private LeaseLines() {}

    /** "Address: 192.0.2.100 has been assigned for 0 hrs 10 mins 0 secs to a device with hardware address: ..." */
    static String lease4(Dhcp4Packet query, Lease4 lease, boolean assigned) {
        StringBuilder s = new StringBuilder("Address: ").append(Ipv4.toString(lease.address())).append(" has been ")
                .append(assigned ? "assigned" : "released");
        if (assigned) s.append(" for ").append(KeaText.duration(lease.validLifetime())).append(" to");
        else s.append(" from");
        s.append(" a device with hardware address: ").append(KeaText.hwAddress(lease.hwAddress()));
        if (lease.clientId() != null) {
            s.append(", client-id: ").append(lease.clientId().toHexColon());
            printable(s, lease.clientId().toArray());
        }
        if (query != null && query.giaddr() != 0) {
            s.append(" connected via relay at address: ").append(Ipv4.toString(query.giaddr()));
            Optional<Options> rai = query.relayAgentInfo();
            if (rai.isPresent()) {
                StringBuilder ids = new StringBuilder();
                id(ids, "circuit-id", rai.get().get(OptionCodes4.RAI_CIRCUIT_ID));
                id(ids, "remote-id", rai.get().get(OptionCodes4.RAI_REMOTE_ID));
                id(ids, "subscriber-id", rai.get().get(OptionCodes4.RAI_SUBSCRIBER_ID));
                if (!ids.isEmpty()) s.append(", identified by ").append(ids);
            }
        }
        if (lease.userContext() != null) s.append(", context: ").append(KeaJson.str(lease.userContext()));
        return s.toString();
    }

    /** "Address: 2001:db8::100 has been assigned for ... to a device with DUID: ..." ("Prefix: p/len" for IA_PD). */
    static String lease6(Dhcp6Packet query, Lease6 lease, boolean assigned) {
        StringBuilder s = new StringBuilder(lease.type() == LeaseType6.PD
                ? "Prefix: " + lease.addressText() + "/" + lease.prefixLength() : "Address: " + lease.addressText());
        s.append(" has been ").append(assigned ? "assigned" : "released");
        if (assigned) s.append(" for ").append(KeaText.duration(lease.validLifetime())).append(" to");
        else s.append(" from");
        s.append(" a device with DUID: ").append(lease.duid().toHexColon());
        if (lease.hwAddress() != null) {
            s.append(" and hardware address: ").append(KeaText.hwAddress(lease.hwAddress())).append(" (from DUID)");
        }
        List<Dhcp6RelayMessage> relays = relays(query);
        if (!relays.isEmpty()) {
            Dhcp6RelayMessage server = relays.getFirst();
            s.append(" connected via relay at address: ").append(dev.nestor.codec.net.Ipv6.toString(server.peerAddress()))
                    .append(" for client on link address: ").append(dev.nestor.codec.net.Ipv6.toString(server.linkAddress()))
                    .append(", hop count: ").append(server.hopCount());
            StringBuilder ids = new StringBuilder();
            id(ids, "remote-id", fromClient(relays, 37));
            id(ids, "subscriber-id", fromClient(relays, 38));
            if (!ids.isEmpty()) s.append(", identified by ").append(ids);
            Optional<Bytes> iface = fromClient(relays, 18);
            if (iface.isPresent() && !iface.get().isEmpty()) {
                StringBuilder loc = new StringBuilder();
                id(loc, "interface-id", iface);
                s.append(", connected at location ").append(loc);
            }
        }
        if (lease.userContext() != null) s.append(", context: ").append(KeaJson.str(lease.userContext()));
        return s.toString();
    }

    private static List<Dhcp6RelayMessage> relays(Dhcp6Packet query) {
        try {
            return query == null ? List.of() : RelayChain.unwrap(query).relays();
        } catch (WireFormatException e) {
            return List.of();
        }
    }

    /** Kea's RELAY_SEARCH_FROM_CLIENT: the relay closest to the client first. */
    private static Optional<Bytes> fromClient(List<Dhcp6RelayMessage> relays, int code) {
        for (int i = relays.size() - 1; i >= 0; i--) {
            Optional<Bytes> v = relays.get(i).option(code);
            if (v.isPresent()) return v;
        }
        return Optional.empty();
    }

    private static void id(StringBuilder out, String name, Optional<Bytes> value) {
        if (value.isEmpty() || value.get().isEmpty()) return;
        if (!out.isEmpty()) out.append(" and ");
        out.append(name).append(": ").append(value.get().toHexColon());
        printable(out, value.get().toArray());
    }

    private static void printable(StringBuilder s, byte[] b) {
        if (KeaText.printable(b)) s.append(" (").append(new String(b, StandardCharsets.US_ASCII)).append(")");
    }
}
