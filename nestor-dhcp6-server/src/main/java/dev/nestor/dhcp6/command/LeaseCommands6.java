package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Subnet6;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.dhcp.commands.Args;
import dev.nestor.dhcp.commands.KeaError;
import dev.nestor.dhcp.commands.LeaseCsvWriter;
import dev.nestor.dhcp.commands.LeaseQuery;
import dev.nestor.dhcp.commands.LeaseSupport;
import dev.nestor.dhcp6.Dhcp6Server;
import dev.nestor.dhcp6.ddns.DnsUpdates6;
import dev.nestor.engine.v6.LeaseCounters6;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseType6;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kea's lease_cmds hook library for DHCPv6 (src/hooks/dhcp/lease_cmds/lease_cmds.cc): lease6-add, -update, -del,
 * -get, -get-all, -get-page, -get-by-duid, -get-by-hw-address, -get-by-hostname, -wipe, -write and -bulk-apply,
 * with Kea's argument names, texts and result codes. Writes go through the store's compare-and-set primitives, so
 * a lease a client changed in between is never overwritten blindly (the command answers with a conflict
 * instead); the lease statistics (global, subnet and pool) follow every change. What lease4-* and lease6-* share is
 * in {@link LeaseSupport}.
 */
public final class LeaseCommands6 {
    static final String HEADER = "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,prefix_len,"
            + "fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source,pool_id";

    private final Dhcp6Server server;

    private LeaseCommands6(Dhcp6Server server) {
        this.server = server;
    }

    public static void registerAll(CommandRegistry r, Dhcp6Server server) {
        LeaseCommands6 c = new LeaseCommands6(server);
        r.register("lease6-add", Args.handler(c::add));
        r.register("lease6-update", Args.handler(c::update));
        r.register("lease6-del", Args.handler(c::del));
        r.register("lease6-get", Args.handler(c::get));
        r.register("lease6-get-all", Args.handler(c::getAll));
        r.register("lease6-get-page", Args.handler(c::getPage));
        r.register("lease6-get-by-duid", Args.handler(c::getByDuid));
        r.register("lease6-get-by-hw-address", Args.handler(c::getByHwAddress));
        r.register("lease6-get-by-hostname", Args.handler(c::getByHostname));
        r.register("lease6-wipe", Args.handler(c::wipe));
        r.register("lease6-write", Args.handler(c::write));
        r.register("lease6-bulk-apply", Args.handler(c::bulkApply));
    }

    private LeaseStore6 store() {
        return server.runtime().store();
    }

    private Dhcp6Config config() {
        return server.runtime().config();
    }

    private LeaseParser6.Parsed parse(JsonNode args) throws KeaError {
        return LeaseParser6.parse(config(), args, server.clock().epochSeconds());
    }

    // ---- add / update / del ---------------------------------------------------------------------------

    private Answer add(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for the command");
        Lease6 lease = parse(args).lease();
        if (!store().add(lease)) throw KeaError.conflict("IPv6 lease already exists.");
        count(lease, 1);
        String what = lease.type() == LeaseType6.NA ? "address " + lease.addressText()
                : "prefix " + lease.addressText() + "/" + lease.prefixLength();
        return Answer.success("Lease for " + what + ", subnet-id " + lease.subnetId() + " added.");
    }

    private Answer update(JsonNode args) throws Exception {
        if (args == null) throw KeaError.error("no parameters specified for lease6-update command");
        LeaseParser6.Parsed p = parse(args);
        return Answer.success(addOrUpdate(p.lease(), p.forceCreate()) ? "IPv6 lease added." : "IPv6 lease updated.");
    }

    /** Kea's addOrUpdate6. {@return true when the lease was added} */
    private boolean addOrUpdate(Lease6 lease, boolean forceCreate) throws Exception {
        Optional<Lease6> existing = store().get(lease.type(), lease.address());
        if (existing.isEmpty() && forceCreate) {
            if (!store().add(lease)) throw KeaError.conflict("lost race between calls to get and add");
            count(lease, 1);
            return true;
        }
        if (existing.isPresent()) {
            boolean wasRegistered = existing.get().state() == LeaseState.REGISTERED;
            boolean registered = lease.state() == LeaseState.REGISTERED;
            if (wasRegistered && !registered) throw KeaError.error("illegal reuse of registered address " + lease.addressText());
            if (!wasRegistered && registered) throw KeaError.error("address in use: " + lease.addressText() + " can't be registered");
        }
        if (existing.isEmpty() || !store().replace(existing.get(), lease)) {
            throw KeaError.conflict("failed to update the lease with address " + lease.addressText()
                    + " either because the lease has been deleted or it has changed in the database, in both cases"
                    + " a retry might succeed");
        }
        count(existing.get(), -1);
        count(lease, 1);
        return false;
    }

    private Answer del(JsonNode args) throws Exception {
        LeaseQuery q = LeaseQuery.of(args, 6);
        Optional<Lease6> lease = find(q, "Delete");
        if (lease.isEmpty() || !store().delete(lease.get())) throw KeaError.empty("IPv6 lease not found.");
        count(lease.get(), -1);
        // Kea's update-ddns: the lease's DNS records go too (when it had some and DDNS is enabled)
        if (q.updateDdns()) DnsUpdates6.removed(server.ddns(), config(), lease.get());
        return Answer.success("IPv6 lease deleted.");
    }

    /** Kea's {@code LeaseMgr::updateStatsOn*}: assigned and declined leases count, in every level. */
    private void count(Lease6 l, int delta) {
        boolean declined = l.state() == LeaseState.DECLINED;
        if (l.state() != LeaseState.DEFAULT && !declined) return;
        LeaseCounters6 counters = LeaseCounters6.of(server.stats(), config());
        counters.assigned(l, delta);
        if (declined) counters.declined(l, delta);
    }

    // ---- queries ----------------------------------------------------------------------------------------

    private Answer get(JsonNode args) throws Exception {
        Optional<Lease6> lease = find(LeaseQuery.of(args, 6), "Query");
        if (lease.isEmpty()) throw KeaError.empty("Lease not found.");
        return Answer.success("IPv6 lease found.", Lease6Json.toJson(lease.get()));
    }

    /** The lease of lease6-get / lease6-del; {@code verb} is "Query" or "Delete" for Kea's refusals. */
    private Optional<Lease6> find(LeaseQuery q, String verb) throws KeaError {
        LeaseType6 type = switch (q.leaseType()) {
            case "IA_NA" -> LeaseType6.NA;
            case "IA_PD" -> LeaseType6.PD;
            default -> null; // "V4": no DHCPv6 lease has that type
        };
        if (q.byAddress()) return type == null ? Optional.empty() : store().get(type, Ipv6.parse(q.address()));
        return switch (q.identifierType()) {
            case "hw-address" -> throw KeaError.error(verb + " by hw-address is not allowed in v6.");
            case "client-id" -> throw KeaError.error(verb + " by client-id is not allowed in v6.");
            default -> {
                Bytes duid;
                try {
                    duid = LeaseQuery.identifier(q.identifier(), 3, 130);
                } catch (KeaError e) {
                    throw KeaError.error("Bad 'duid' identifier: " + e.getMessage());
                }
                yield type == null ? Optional.empty()
                        : store().getByDuidIaid(duid, q.iaid(), type, q.subnetId()).stream().findFirst();
            }
        };
    }

    private Answer getAll(JsonNode args) throws Exception {
        List<Long> subnets = LeaseSupport.subnets(args);
        List<Lease6> leases = new ArrayList<>();
        if (subnets == null) leases.addAll(store().getAll());
        else for (long id : subnets) leases.addAll(store().getBySubnet(id));
        return leaseList(leases, false);
    }

    private Answer getPage(JsonNode args) throws Exception {
        String from = LeaseSupport.pageFrom(args, 6);
        Bytes start = from == null ? Ipv6.UNSPECIFIED : Ipv6.parse(from);
        return leaseList(store().getPage(start, LeaseSupport.pageLimit(args)), true);
    }

    private Answer getByDuid(JsonNode args) throws Exception {
        JsonNode text = LeaseSupport.mapArgument(args, "duid");
        Bytes duid;
        try {
            duid = LeaseQuery.identifier(text.textValue(), 3, 130);
        } catch (KeaError e) {
            throw KeaError.error("bad 'duid' parameter: " + e.getMessage());
        }
        return leaseList(store().getByDuid(duid), false);
    }

    private Answer getByHwAddress(JsonNode args) throws Exception {
        HwAddress address = LeaseSupport.hwAddress(args);
        // the lease store has no hardware-address index for DHCPv6 (Kea's memfile has none either)
        return leaseList(store().getAll().stream().filter(l -> address.equals(l.hwAddress())).toList(), false);
    }

    private Answer getByHostname(JsonNode args) throws Exception {
        return leaseList(store().getByHostname(LeaseSupport.hostname(args)), false);
    }

    private static Answer leaseList(List<Lease6> leases, boolean withCount) {
        return LeaseSupport.leaseList(leases.stream().map(Lease6Json::toJson).toList(), "IPv6", withCount);
    }

    // ---- wipe / write -----------------------------------------------------------------------------------

    private Answer wipe(JsonNode args) throws Exception {
        List<Long> all = config().subnets().stream().map(Subnet6::id).toList();
        return LeaseSupport.wipe(args, all, store()::wipe, server.stats(),
                List.of("assigned-nas", "assigned-pds", "declined-addresses"), "IPv6");
    }

    private Answer write(JsonNode args) throws Exception {
        Path dataDir = server.options().dataDirectory();
        Path own = LeaseSupport.ownLeaseFile(config().leaseDatabase(), dataDir, Dhcp6Config.DEFAULT_LEASE_FILE);
        return LeaseSupport.write(args, dataDir, own, store()::flush,
                file -> LeaseCsvWriter.write(file, HEADER, store().getAll(), LeaseCommands6::row), "IPv6");
    }

    /** One row of kea-leases6.csv (schema 5.0). */
    static String row(Lease6 l) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(l.addressText());
        sb.append(',').append(l.duid().toHexColon());
        sb.append(',').append(l.validLifetime());
        sb.append(',').append(l.expire());
        sb.append(',').append(l.subnetId());
        sb.append(',').append(l.preferredLifetime());
        sb.append(',').append(l.type().code());
        sb.append(',').append(l.iaid());
        sb.append(',').append(l.prefixLength());
        sb.append(',').append(l.fqdnFwd() ? '1' : '0');
        sb.append(',').append(l.fqdnRev() ? '1' : '0');
        sb.append(',').append(LeaseCsvWriter.escape(l.hostname()));
        sb.append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress());
        sb.append(',').append(l.state().code());
        sb.append(',');
        if (l.userContext() != null) sb.append(LeaseCsvWriter.escape(l.userContext()));
        sb.append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress().htype()).append(",0");
        else sb.append(',');
        sb.append(',').append(l.poolId());
        return sb.toString();
    }

    // ---- bulk apply ---------------------------------------------------------------------------------------

    /**
     * Kea's lease6-bulk-apply: every entry is parsed first (a malformed one fails the whole command and nothing
     * changes), then deletions and additions/updates are applied one by one; the ones that fail are listed with
     * their result code and text, the others count.
     */
    private Answer bulkApply(JsonNode args) throws Exception {
        if (args == null || !args.isObject()) throw KeaError.error("Command arguments missing or a not a map.");
        JsonNode deleted = args.get("deleted-leases");
        JsonNode leases = args.get("leases");
        if (deleted == null && leases == null) throw KeaError.error("neither 'deleted-leases' nor 'leases' parameter specified");
        if (deleted != null && !deleted.isArray()) throw KeaError.error("the 'deleted-leases' parameter must be a list");
        if (leases != null && !leases.isArray()) throw KeaError.error("the 'leases' parameter must be a list");
        List<LeaseQuery> deletions = new ArrayList<>();
        if (deleted != null) for (JsonNode d : deleted) deletions.add(LeaseQuery.of(d, 6));
        List<Lease6> updates = new ArrayList<>();
        if (leases != null) {
            for (JsonNode l : leases) {
                try {
                    updates.add(parse(l).lease());
                } catch (KeaError e) {
                    // Kea answers any malformed entry, a subnet conflict too, with result 1
                    throw KeaError.error(e.getMessage());
                }
            }
        }

        long success = 0;
        ArrayNode failedDeleted = KeaJson.array();
        for (LeaseQuery q : deletions) {
            try {
                Optional<Lease6> lease = find(q, "Delete");
                if (lease.isEmpty() && !q.byAddress()) continue; // Kea skips an identifier that matches nothing
                if (lease.isPresent() && store().delete(lease.get())) {
                    count(lease.get(), -1);
                    success++;
                } else {
                    failedDeleted.add(failed(q, Answer.EMPTY, "lease not found"));
                }
            } catch (Exception e) {
                failedDeleted.add(failed(q, Answer.ERROR, e.getMessage()));
            }
        }
        ArrayNode failedLeases = KeaJson.array();
        for (Lease6 lease : updates) {
            try {
                addOrUpdate(lease, true);
                success++;
            } catch (KeaError e) {
                failedLeases.add(failed(Lease6Json.typeName(lease.type()), lease.addressText(), null, e.answer().result(), e.getMessage()));
            } catch (Exception e) {
                failedLeases.add(failed(Lease6Json.typeName(lease.type()), lease.addressText(), null, Answer.ERROR, e.getMessage()));
            }
        }
        ObjectNode out = null;
        if (!failedDeleted.isEmpty() || !failedLeases.isEmpty()) {
            out = KeaJson.object();
            if (!failedDeleted.isEmpty()) out.set("failed-deleted-leases", failedDeleted);
            if (!failedLeases.isEmpty()) out.set("failed-leases", failedLeases);
        }
        return Answer.of(success > 0 ? Answer.SUCCESS : Answer.EMPTY, "Bulk apply of " + success + " IPv6 leases completed.", out);
    }

    private static ObjectNode failed(LeaseQuery q, int result, String text) {
        if (q.byAddress()) return failed(q.leaseType(), Ipv6.toString(Ipv6.parse(q.address())), null, result, text);
        String duid;
        try {
            duid = LeaseQuery.identifier(q.identifier(), 3, 130).toHexColon();
        } catch (KeaError e) {
            duid = q.identifier();
        }
        return failed(q.leaseType(), null, duid, result, text);
    }

    /** Kea's createFailedLeaseMap. */
    private static ObjectNode failed(String type, String address, String duid, int result, String text) {
        ObjectNode o = KeaJson.object();
        o.put("type", type);
        if (address != null) o.put("ip-address", address);
        else if (duid != null) o.put("duid", duid);
        o.put("result", result);
        o.put("error-message", text == null ? "" : text);
        return o;
    }
}
