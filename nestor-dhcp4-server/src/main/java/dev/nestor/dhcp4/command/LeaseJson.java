package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.dhcp.commands.LeaseSupport;
import dev.nestor.lease.Lease4;

/** A lease as Kea's lease_cmds show it ({@code ip-address}, {@code hw-address}, {@code valid-lft}, ...). */
public final class LeaseJson {
    private LeaseJson() {}

    public static ObjectNode toJson(Lease4 l) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (l.clientId() != null) n.put("client-id", l.clientId().toHexColon());
        n.put("cltt", l.cltt());
        n.put("fqdn-fwd", l.fqdnFwd());
        n.put("fqdn-rev", l.fqdnRev());
        n.put("hostname", l.hostname());
        n.put("hw-address", l.hwAddress() == null ? "" : l.hwAddress().toString());
        n.put("ip-address", Ipv4.toString(l.address()));
        if (l.poolId() != 0) n.put("pool-id", l.poolId());
        n.put("state", l.state().code());
        n.put("subnet-id", l.subnetId());
        n.put("valid-lft", l.validLifetime());
        if (l.userContext() != null) n.set("user-context", LeaseSupport.userContextJson(l.userContext()));
        return n;
    }
}
