package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Subnet4;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.dhcp.commands.Args;
import dev.nestor.dhcp.commands.KeaError;
import dev.nestor.dhcp.commands.KeaHex;
import dev.nestor.dhcp.commands.LeaseCsvWriter;
import dev.nestor.dhcp.commands.LeaseQuery;
import dev.nestor.dhcp4.ddns.DnsUpdates4;
import dev.nestor.dhcp.commands.LeaseSupport;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStore4;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kea's lease_cmds hook library for DHCPv4 (src/hooks/dhcp/lease_cmds/lease_cmds.cc): lease4-add, -update, -del,
 * -get, -get-all, -get-page, -get-by-hw-address, -get-by-client-id, -get-by-hostname, -wipe and -write, with Kea's
 * argument names, texts and result codes. Writes go through the store's compare-and-set primitives, so a lease a
 * client changed in between is never overwritten blindly (the command answers with a conflict instead); the
 * lease statistics follow every change. Needs only the server's runtime, store, clock and statistics. What
 * lease4-* and lease6-* share is in {@link LeaseSupport}.
 */
public final class LeaseCommands4 {
    private final Dhcp4Server server;

    private LeaseCommands4(Dhcp4Server server) {
        this.server = server;
    }

    public static void registerAll(CommandRegistry r, Dhcp4Server server) {
        LeaseCommands4 c = new LeaseCommands4(server);
        r.register("lease4-add", Args.handler(c::add));
        r.register("lease4-update", Args.handler(c::update));
        r.register("lease4-del", Args.handler(c::del));
        r.register("lease4-get", Args.handler(c::get));
        r.register("lease4-get-all", Args.handler(c::getAll));
        r.register("lease4-get-page", Args.handler(c::getPage));
        r.register("lease4-get-by-hw-address", Args.handler(c::getByHwAddress));
        r.register("lease4-get-by-client-id", Args.handler(c::getByClientId));
        r.register("lease4-get-by-hostname", Args.handler(c::getByHostname));
        r.register("lease4-wipe", Args.handler(c::wipe));
        r.register("lease4-write", Args.handler(c::write));
    }

    private LeaseStore4 store() {
        return server.runtime().store();
    }

    private Dhcp4Config config() {
        return server.runtime().config();
    }

    // ---- add / update / del ---------------------------------------------------------------------------

    private Answer add(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for the command");
        Lease4 lease = LeaseParser4.parse(config(), args, server.clock().epochSeconds()).lease();
        if (!store().add(lease)) throw KeaError.conflict("IPv4 lease already exists.");
        LeaseStats4.change(server.stats(), null, lease);
        return Answer.success("Lease for address " + Ipv4.toString(lease.address()) + ", subnet-id "
                + lease.subnetId() + " added.");
    }

    private Answer update(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for lease4-update command");
        LeaseParser4.Parsed p = LeaseParser4.parse(config(), args, server.clock().epochSeconds());
        Lease4 lease = p.lease();
        Optional<Lease4> existing = store().get(lease.address());
        if (existing.isEmpty() && p.forceCreate()) {
            if (!store().add(lease)) throw KeaError.conflict("lost race between calls to get and add");
            LeaseStats4.change(server.stats(), null, lease);
            return Answer.success("IPv4 lease added.");
        }
        if (existing.isEmpty() || !store().replace(existing.get(), lease)) {
            throw KeaError.conflict("failed to update the lease with address " + Ipv4.toString(lease.address())
                    + " either because the lease has been deleted or it has changed in the database, in both cases"
                    + " a retry might succeed");
        }
        LeaseStats4.change(server.stats(), existing.get(), lease);
        return Answer.success("IPv4 lease updated.");
    }

    private Answer del(JsonNode args) throws Exception {
        Query q = Query.of(args);
        if (q.duid) throw KeaError.error("Delete by duid is not allowed in v4.");
        Optional<Lease4> lease = find(q);
        if (lease.isEmpty()) throw KeaError.empty("IPv4 lease not found.");
        if (!store().delete(lease.get())) throw KeaError.empty("IPv4 lease not found.");
        LeaseStats4.change(server.stats(), lease.get(), null);
        // Kea's update-ddns: the lease's DNS records go too (when it had some and DDNS is enabled)
        if (LeaseQuery.of(args, 4).updateDdns()) DnsUpdates4.removed(server.ddns(), config(), lease.get());
        return Answer.success("IPv4 lease deleted.");
    }

    // ---- queries ----------------------------------------------------------------------------------------

    private Answer get(JsonNode args) throws Exception {
        Query q = Query.of(args);
        if (q.duid) throw KeaError.error("Query by duid is not allowed in v4.");
        Optional<Lease4> lease = find(q);
        if (lease.isEmpty()) throw KeaError.empty("Lease not found.");
        return Answer.success("IPv4 lease found.", LeaseJson.toJson(lease.get()));
    }

    private Optional<Lease4> find(Query q) {
        if (q.address != null) return store().get(q.address);
        List<Lease4> found = q.hw != null ? store().getByHwAddress(q.hw, q.subnetId) : store().getByClientId(q.clientId, q.subnetId);
        return found.stream().findFirst();
    }

    private Answer getAll(JsonNode args) throws Exception {
        List<Long> subnets = LeaseSupport.subnets(args);
        List<Lease4> leases = new ArrayList<>();
        if (subnets == null) leases.addAll(store().getAll());
        else for (long id : subnets) leases.addAll(store().getBySubnet(id));
        return leaseList(leases, false);
    }

    private Answer getPage(JsonNode args) throws Exception {
        String from = LeaseSupport.pageFrom(args, 4);
        int start = from == null ? 0 : Ipv4.parse(from);
        return leaseList(store().getPage(start, LeaseSupport.pageLimit(args)), true);
    }

    private Answer getByHwAddress(JsonNode args) throws Exception {
        return leaseList(store().getByHwAddress(LeaseSupport.hwAddress(args)), false);
    }

    private Answer getByClientId(JsonNode args) throws Exception {
        JsonNode id = LeaseSupport.mapArgument(args, "client-id");
        Bytes clientId;
        try {
            clientId = LeaseParser4.clientId(id.textValue());
        } catch (KeaError e) {
            throw KeaError.error("bad 'client-id' parameter: " + e.getMessage());
        }
        return leaseList(store().getByClientId(clientId), false);
    }

    private Answer getByHostname(JsonNode args) throws Exception {
        return leaseList(store().getByHostname(LeaseSupport.hostname(args)), false);
    }

    private static Answer leaseList(List<Lease4> leases, boolean withCount) {
        return LeaseSupport.leaseList(leases.stream().map(LeaseJson::toJson).toList(), "IPv4", withCount);
    }

    // ---- wipe / write -----------------------------------------------------------------------------------

    private Answer wipe(JsonNode args) throws Exception {
        List<Long> all = config().subnets().stream().map(Subnet4::id).toList();
        return LeaseSupport.wipe(args, all, store()::wipe, server.stats(),
                List.of("assigned-addresses", "declined-addresses"), "IPv4");
    }

    private Answer write(JsonNode args) throws Exception {
        Path dataDir = server.options().dataDirectory();
        Path own = LeaseSupport.ownLeaseFile(config().leaseDatabase(), dataDir, "kea-leases4.csv");
        return LeaseSupport.write(args, dataDir, own, store()::flush,
                file -> LeaseCsvWriter.write(file, HEADER, store().getAll(), LeaseCommands4::row), "IPv4");
    }

    static final String HEADER = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,"
            + "hostname,state,user_context,pool_id";

    /** One row of kea-leases4.csv. */
    static String row(Lease4 l) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(Ipv4.toString(l.address())).append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress());
        sb.append(',');
        if (l.clientId() != null) sb.append(l.clientId().toHexColon());
        sb.append(',').append(l.validLifetime());
        sb.append(',').append(l.expire());
        sb.append(',').append(l.subnetId());
        sb.append(',').append(l.fqdnFwd() ? '1' : '0');
        sb.append(',').append(l.fqdnRev() ? '1' : '0');
        sb.append(',').append(LeaseCsvWriter.escape(l.hostname()));
        sb.append(',').append(l.state().code());
        sb.append(',');
        if (l.userContext() != null) sb.append(LeaseCsvWriter.escape(l.userContext()));
        sb.append(',').append(l.poolId());
        return sb.toString();
    }

    // ---- lease4-get / lease4-del parameters (Kea's LeaseCmdsImpl::getParameters) ---------------------------

    private record Query(Integer address, HwAddress hw, Bytes clientId, boolean duid, long subnetId) {
        static Query of(JsonNode p) throws KeaError {
            LeaseQuery q = LeaseQuery.of(p, 4);
            if (q.byAddress()) return new Query(Ipv4.parse(q.address()), null, null, false, 0);
            String text = q.identifier();
            return switch (q.identifierType()) {
                case "hw-address" -> {
                    try {
                        yield new Query(null, new HwAddress(HwAddress.HTYPE_ETHERNET, KeaHex.colonSeparated(text).toArray()),
                                null, false, q.subnetId());
                    } catch (IllegalArgumentException e) {
                        throw KeaError.error("Bad 'hw-address' identifier: " + e.getMessage());
                    }
                }
                case "client-id" -> {
                    try {
                        yield new Query(null, null, LeaseParser4.clientId(text), false, q.subnetId());
                    } catch (KeaError e) {
                        throw KeaError.error("Bad 'client-id' identifier: " + e.getMessage());
                    }
                }
                default -> new Query(null, null, null, true, q.subnetId());
            };
        }
    }
}
