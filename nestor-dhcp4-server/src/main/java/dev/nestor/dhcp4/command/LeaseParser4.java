package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Subnet4;
import dev.nestor.dhcp.commands.Addresses;
import dev.nestor.dhcp.commands.Args;
import dev.nestor.dhcp.commands.KeaError;
import dev.nestor.dhcp.commands.KeaHex;
import dev.nestor.dhcp.commands.LeaseQuery;
import dev.nestor.dhcp.commands.LeaseSupport;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;


/**
 * Kea's {@code Lease4Parser} (lease_cmds/lease_parser.cc): a lease from lease4-add / lease4-update arguments,
 * checked against the running config, with Kea's texts. Subnet problems are conflicts (result 4), everything
 * else is result 1.
 */
final class LeaseParser4 {
    private LeaseParser4() {}

    record Parsed(Lease4 lease, boolean forceCreate) {}

    static Parsed parse(Dhcp4Config config, JsonNode info, long now) throws KeaError {
        if (info == null || !info.isObject()) throw KeaError.error("lease information missing");
        String addrText = Args.string(info, "ip-address");
        int address = address(addrText);
        String hwText = Args.string(info, "hw-address");
        HwAddress hw;
        try {
            hw = new HwAddress(HwAddress.HTYPE_ETHERNET, KeaHex.colonSeparated(hwText).toArray());
        } catch (IllegalArgumentException e) {
            throw KeaError.error(e.getMessage());
        }
        long subnetId = info.has("subnet-id") ? Args.uint32(info, "subnet-id") : 0;
        long poolId = info.has("pool-id") ? Args.uint32(info, "pool-id") : 0;
        long id = LeaseSupport.leaseSubnet(Dhcp4Family.FAMILY, config, subnetId, Ipv4.toString(address), true).id();
        Subnet4 subnet = config.subnet(id).orElseThrow();
        Bytes clientId = null;
        if (info.has("client-id")) clientId = clientId(Args.string(info, "client-id"));
        long valid = info.has("valid-lft") ? Args.uint32(info, "valid-lft") : subnet.params().validLifetime().defaultValue();
        LeaseSupport.LeaseFields f = LeaseSupport.leaseFields(info, valid, now, Ipv4.toString(address));
        if (f.state() == LeaseState.REGISTERED.code()) throw KeaError.error("DHCPv4 leases do not support registered state");
        String context = LeaseSupport.userContext(info);
        boolean force = info.has("force-create") && Args.bool(info, "force-create");
        Lease4 lease = new Lease4(address, hw, clientId, valid, f.cltt(), subnet.id(), f.fqdnFwd(), f.fqdnRev(),
                f.hostname(), LeaseState.of(f.state()), context, poolId);
        return new Parsed(lease, force);
    }

    static int address(String text) throws KeaError {
        return Ipv4.parse(Addresses.leaseAddress(text, 4));
    }

    /** {@code ClientId::fromText}: formatted hex, 2 to 255 octets. */
    static Bytes clientId(String text) throws KeaError {
        return LeaseQuery.identifier(text, 2, 255);
    }
}
