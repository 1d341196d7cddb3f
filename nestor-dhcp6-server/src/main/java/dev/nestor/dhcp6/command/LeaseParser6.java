package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Subnet6;
import dev.nestor.dhcp.commands.Addresses;
import dev.nestor.dhcp.commands.Args;
import dev.nestor.dhcp.commands.KeaError;
import dev.nestor.dhcp.commands.KeaHex;
import dev.nestor.dhcp.commands.LeaseQuery;
import dev.nestor.dhcp.commands.LeaseSupport;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;


/**
 * Kea's {@code Lease6Parser} (lease_cmds/lease_parser.cc): a lease from lease6-add / lease6-update /
 * lease6-bulk-apply arguments, checked against the running config, with Kea's texts. Subnet problems are
 * conflicts (result 4), everything else is result 1. As in Kea, a missing {@code preferred-lft} defaults to the
 * subnet's valid lifetime.
 */
final class LeaseParser6 {
    private LeaseParser6() {}

    record Parsed(Lease6 lease, boolean forceCreate) {}

    static Parsed parse(Dhcp6Config config, JsonNode info, long now) throws KeaError {
        if (info == null || !info.isObject()) throw KeaError.error("lease information missing");
        Bytes address = address(Args.string(info, "ip-address"));
        String addressText = Ipv6.toString(address);
        Bytes duid = LeaseQuery.identifier(Args.string(info, "duid"), 3, 130);
        LeaseType6 type = LeaseType6.NA;
        int prefixLength = 128;
        if (info.has("type")) {
            String t = Args.string(info, "type");
            switch (t) {
                case "IA_NA" -> type = LeaseType6.NA;
                case "IA_PD" -> {
                    type = LeaseType6.PD;
                    prefixLength = (int) Args.unsigned(info, "prefix-len", 255);
                }
                default -> throw KeaError.error("Incorrect lease type: " + t + ", the only supported values are: IA_NA and IA_PD");
            }
        }
        long subnetId = info.has("subnet-id") ? Args.uint32(info, "subnet-id") : 0;
        long poolId = info.has("pool-id") ? Args.uint32(info, "pool-id") : 0;
        if (subnetId == 0 && type != LeaseType6.NA) {
            throw KeaError.error("Subnet-id is 0 or not specified. This is allowed for address leases only, not prefix leases.");
        }
        long id = LeaseSupport.leaseSubnet(Dhcp6Family.FAMILY, config, subnetId, addressText, type == LeaseType6.NA).id();
        Subnet6 subnet = config.subnet(id).orElseThrow();
        long iaid = Args.uint32(info, "iaid");
        HwAddress hw = null;
        if (info.has("hw-address")) {
            try {
                hw = new HwAddress(HwAddress.HTYPE_ETHERNET, KeaHex.colonSeparated(Args.string(info, "hw-address")).toArray());
            } catch (IllegalArgumentException e) {
                throw KeaError.error(e.getMessage());
            }
        }
        long subnetValid = subnet.params().validLifetime().defaultValue();
        long valid = info.has("valid-lft") ? Args.uint32(info, "valid-lft") : subnetValid;
        // Kea defaults the preferred lifetime to the subnet's valid lifetime
        long preferred = info.has("preferred-lft") ? Args.uint32(info, "preferred-lft") : subnetValid;
        LeaseSupport.LeaseFields f = LeaseSupport.leaseFields(info, valid, now, addressText);
        if (f.state() == LeaseState.DECLINED.code() && type == LeaseType6.PD) {
            throw KeaError.error("Invalid declined state for PD prefix.");
        }
        String context = LeaseSupport.userContext(info);
        if (prefixLength == 0 || prefixLength > 128) throw KeaError.error("Invalid prefix length: " + prefixLength);
        if (prefixLength != 128) {
            Bytes first = Ipv6.mask(address, prefixLength);
            if (!first.equals(address)) {
                throw KeaError.error("Prefix address: " + addressText + " exceeds prefix/prefix-len pair: "
                        + Ipv6.toString(first) + "/" + prefixLength);
            }
        }
        boolean force = info.has("force-create") && Args.bool(info, "force-create");
        Lease6 lease = new Lease6(address, type, prefixLength, duid, iaid, preferred, valid, f.cltt(), subnet.id(),
                f.fqdnFwd(), f.fqdnRev(), f.hostname(), hw, LeaseState.of6(f.state()), context, poolId);
        return new Parsed(lease, force);
    }

    static Bytes address(String text) throws KeaError {
        return Ipv6.parse(Addresses.leaseAddress(text, 6));
    }
}
