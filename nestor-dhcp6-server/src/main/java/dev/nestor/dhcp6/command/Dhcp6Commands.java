package dev.nestor.dhcp6.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.server.ServerCommands;
import dev.nestor.dhcp6.Dhcp6Server;
import dev.nestor.dhcp6.Version;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseType6;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DHCPv6 server's commands: the set every Kea daemon answers ({@link ServerCommands}: status-get, version-get,
 * build-report, config-get, config-hash-get, config-reload, config-test, shutdown, leases-reclaim) plus lease6-get
 * and lease6-get-all with Kea's lease_cmds texts and argument shapes.
 */
public final class Dhcp6Commands {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Dhcp6Commands() {}

    public static void registerAll(CommandRegistry r, Dhcp6Server server, ServerCommands.Reload reload, Runnable shutdown) {
        ServerCommands.registerAll(r, server, Version.info(), reload, shutdown);
        r.register("lease6-get", c -> lease6Get(server.runtime().store(), c));
        r.register("lease6-get-all", c -> lease6GetAll(server.runtime().store(), c));
    }

    static Answer lease6Get(LeaseStore6 store, Command c) {
        JsonNode a = c.arguments();
        if (a == null) return new Answer(1, "no parameters specified for the command", null);
        LeaseType6 type = LeaseType6.NA;
        if (a.has("type")) {
            type = Lease6Json.type(a.get("type").asText());
            if (type == null) return new Answer(1, "Incorrect lease type: " + a.get("type").asText(), null);
        }
        Optional<Lease6> found;
        if (a.has("ip-address")) {
            String ip = a.get("ip-address").asText();
            Bytes address;
            try {
                address = Ipv6.parse(ip);
            } catch (IllegalArgumentException e) {
                return new Answer(1, "Invalid IPv6 address specified: " + ip, null);
            }
            found = store.get(type, address);
        } else if (a.has("identifier-type") && a.has("identifier") && a.has("subnet-id") && a.has("iaid")) {
            if (!"duid".equals(a.get("identifier-type").asText())) {
                return new Answer(1, "Identifier type " + a.get("identifier-type").asText() + " is not supported.", null);
            }
            Bytes duid = Bytes.fromHex(a.get("identifier").asText());
            found = store.getByDuidIaid(duid, a.get("iaid").asLong(), type, a.get("subnet-id").asLong()).stream().findFirst();
        } else {
            return new Answer(1, "Mandatory 'ip-address' or 'identifier-type', 'identifier', 'iaid' and 'subnet-id' parameters missing.", null);
        }
        if (found.isEmpty()) return new Answer(3, "Lease not found.", null);
        return new Answer(0, "IPv6 lease found.", Lease6Json.toJson(found.get()));
    }

    static Answer lease6GetAll(LeaseStore6 store, Command c) {
        JsonNode a = c.arguments();
        List<Lease6> leases;
        if (a != null && a.has("subnets")) {
            leases = new ArrayList<>();
            for (JsonNode id : a.get("subnets")) leases.addAll(store.getBySubnet(id.asLong()));
        } else {
            leases = store.getAll();
        }
        ArrayNode arr = F.arrayNode();
        for (Lease6 l : leases) arr.add(Lease6Json.toJson(l));
        ObjectNode args = F.objectNode();
        args.set("leases", arr);
        if (leases.isEmpty()) return new Answer(3, "0 IPv6 lease(s) found.", args);
        return new Answer(0, leases.size() + " IPv6 lease(s) found.", args);
    }
}
