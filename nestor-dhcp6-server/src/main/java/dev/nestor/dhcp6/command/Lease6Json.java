package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.dhcp.commands.LeaseSupport;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseType6;

/** A DHCPv6 lease as Kea's lease_cmds show it ({@code ip-address}, {@code duid}, {@code iaid}, {@code type}, ...). */
public final class Lease6Json {
    private Lease6Json() {}

    public static ObjectNode toJson(Lease6 l) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("cltt", l.cltt());
        n.put("duid", l.duid().toHexColon());
        n.put("fqdn-fwd", l.fqdnFwd());
        n.put("fqdn-rev", l.fqdnRev());
        n.put("hostname", l.hostname());
        if (l.hwAddress() != null) n.put("hw-address", l.hwAddress().toString());
        n.put("iaid", l.iaid());
        n.put("ip-address", l.addressText());
        if (l.poolId() != 0) n.put("pool-id", l.poolId());
        n.put("preferred-lft", l.preferredLifetime());
        if (l.type() == LeaseType6.PD) n.put("prefix-len", l.prefixLength());
        n.put("state", l.state().code());
        n.put("subnet-id", l.subnetId());
        n.put("type", typeName(l.type()));
        n.put("valid-lft", l.validLifetime());
        if (l.userContext() != null) n.set("user-context", LeaseSupport.userContextJson(l.userContext()));
        return n;
    }

    /** Kea's lease type names. */
    public static String typeName(LeaseType6 t) {
        return switch (t) {
            case NA -> "IA_NA";
            case TA -> "IA_TA";
            case PD -> "IA_PD";
        };
    }

}
