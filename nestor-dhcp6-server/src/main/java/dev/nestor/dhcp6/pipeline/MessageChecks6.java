package dev.nestor.dhcp6.pipeline;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.transport.InboundDatagram6;

import java.util.Optional;

/** Kea's per-message-type counters and the RFC 8415 section 16 checks a query must pass before it is processed. */
final class MessageChecks6 {
    private enum Need { MANDATORY, FORBIDDEN, OPTIONAL }

    private final StatsRegistry stats;

    MessageChecks6(StatsRegistry stats) {
        this.stats = stats;
    }

    void countReceived(MessageType6 type) {
        String name = switch (type.code()) {
            case 1 -> "pkt6-solicit-received";
            case 2 -> "pkt6-advertise-received";
            case 3 -> "pkt6-request-received";
            case 5 -> "pkt6-renew-received";
            case 6 -> "pkt6-rebind-received";
            case 7 -> "pkt6-reply-received";
            case 8 -> "pkt6-release-received";
            case 9 -> "pkt6-decline-received";
            case 11 -> "pkt6-infrequest-received";
            case 14 -> "pkt6-lease-query-received";
            case 20 -> "pkt6-dhcpv4-query-received";
            case 21 -> "pkt6-dhcpv4-response-received";
            default -> "pkt6-unknown-received";
        };
        stats.add(name, 1);
    }

    /**
     * Why the query must be dropped, if it must: CLIENTID and SERVERID presence per message type (Kea's
     * sanityCheck, counted as pkt6-rfc-violation), a SERVERID that is not ours (pkt6-not-for-us), or a message a
     * client must multicast that arrived by unicast (Kea's testUnicast).
     */
    Optional<String> sanity(Dhcp6Message q, Bytes ourId, boolean relayed, InboundDatagram6 in) {
        Need clientId, serverId;
        switch (q.type().code()) {
            case 1, 4, 6 -> { clientId = Need.MANDATORY; serverId = Need.FORBIDDEN; }
            case 3, 5, 8, 9 -> { clientId = Need.MANDATORY; serverId = Need.MANDATORY; }
            default -> { clientId = Need.OPTIONAL; serverId = Need.OPTIONAL; }
        }
        int cids = q.options().count(dev.nestor.codec.v6.OptionCodes6.CLIENTID);
        int sids = q.options().count(dev.nestor.codec.v6.OptionCodes6.SERVERID);
        String problem = check("client-id", cids, clientId);
        if (problem == null) problem = check("server-id", sids, serverId);
        if (problem == null && cids == 1) {
            int len = q.clientId().orElseThrow().length();
            if (len < 3 || len > 130) problem = "client-id of " + len + " bytes is not a DUID";
        }
        if (problem != null) {
            stats.add("pkt6-rfc-violation", 1);
            return Optional.of(q.type() + ": " + problem);
        }
        if (sids == 1 && !q.serverId().orElseThrow().equals(ourId)) {
            stats.add("pkt6-not-for-us", 1);
            return Optional.of(q.type() + " for another server " + q.serverId().orElseThrow());
        }
        boolean mustMulticast = q.type().code() == 1 || q.type().code() == 4 || q.type().code() == 6 || q.type().code() == 11;
        if (mustMulticast && !relayed && !Ipv6.isMulticast(Bytes.of(in.destinationAddress()))) {
            return Optional.of(q.type() + " sent by unicast to " + in.destinationText());
        }
        return Optional.empty();
    }

    private static String check(String what, int count, Need need) {
        return switch (need) {
            case MANDATORY -> count == 1 ? null : count == 0 ? "missing " + what : "more than one " + what;
            case FORBIDDEN -> count == 0 ? null : what + " not allowed";
            case OPTIONAL -> count <= 1 ? null : "more than one " + what;
        };
    }
}
