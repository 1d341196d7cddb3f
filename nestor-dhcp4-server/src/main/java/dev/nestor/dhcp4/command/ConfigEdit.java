package dev.nestor.dhcp4.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.dhcp4.Dhcp4Server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Run-time config changes the way a config file change is made: copy the JSON document of the running config,
 * edit the copy, parse and validate the whole of it, then hand it to the {@link ConfigApplier}, which swaps it in
 * atomically. Nothing live is mutated; a change that does not validate leaves the running config in place.
 * Changes are serialised on the server (its reconfiguration is too), so two commands never lose each other's edit.
 */
final class ConfigEdit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dhcp4Server server;
    private final ConfigApplier applier;
    private final RuntimeChanges changes;

    ConfigEdit(Dhcp4Server server, ConfigApplier applier, RuntimeChanges changes) {
        this.server = Objects.requireNonNull(server);
        this.applier = Objects.requireNonNull(applier);
        this.changes = Objects.requireNonNull(changes);
    }

    /** One edit of the {@code Dhcp4} document; may throw a {@link KeaError} to refuse the change. */
    @FunctionalInterface
    interface Edit<T> {
        T apply(ObjectNode dhcp4, Dhcp4Config current) throws Exception;
    }

    Dhcp4Server server() {
        return server;
    }

    /** The running config. */
    Dhcp4Config config() {
        return server.runtime().config();
    }

    /** A fresh, editable copy of the running {@code Dhcp4} document. */
    static ObjectNode document(Dhcp4Config config) {
        try {
            JsonNode n = JSON.readTree(config.json());
            return n instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("running config JSON is unreadable", e);
        }
    }

    /**
     * Applies {@code edit} to a copy of the running document; if the copy changed, parses it and swaps it in,
     * marking the runtime dirty. {@return the edit's result}
     */
    <T> T change(Edit<T> edit) throws Exception {
        synchronized (server) {
            Dhcp4Config current = config();
            ObjectNode before = document(current);
            ObjectNode after = before.deepCopy();
            T result = edit.apply(after, current);
            if (!after.equals(before)) {
                ObjectNode root = JSON.createObjectNode();
                root.set("Dhcp4", after);
                Dhcp4Config next = Dhcp4ConfigParser.parse(root);
                applier.apply(next);
                changes.markDirty();
            }
            return result;
        }
    }

    // ---- subnets in the document ------------------------------------------------------------------------

    /** Where a subnet's map sits in the document: a {@code subnet4} list at the top level or in a network. */
    record SubnetSlot(ArrayNode list, int index, ObjectNode network) {
        ObjectNode node() {
            return (ObjectNode) list.get(index);
        }

        long id() {
            return node().path("id").asLong(-1);
        }

        void remove() {
            list.remove(index);
        }
    }

    /** All subnets of the document, top-level first, then each shared network's, as the parser orders them. */
    static List<SubnetSlot> subnets(ObjectNode dhcp4) {
        List<SubnetSlot> out = new ArrayList<>();
        if (dhcp4.get("subnet4") instanceof ArrayNode top) collect(top, null, out);
        if (dhcp4.get("shared-networks") instanceof ArrayNode nets) {
            for (JsonNode n : nets) {
                if (n instanceof ObjectNode net && net.get("subnet4") instanceof ArrayNode list) collect(list, net, out);
            }
        }
        return out;
    }

    private static void collect(ArrayNode list, ObjectNode network, List<SubnetSlot> out) {
        for (int i = 0; i < list.size(); i++) if (list.get(i) instanceof ObjectNode) out.add(new SubnetSlot(list, i, network));
    }

    static Optional<SubnetSlot> subnet(ObjectNode dhcp4, long id) {
        return subnets(dhcp4).stream().filter(s -> s.id() == id).findFirst();
    }

    /** The shared network map named {@code name}, if any. */
    static Optional<ObjectNode> network(ObjectNode dhcp4, String name) {
        if (dhcp4.get("shared-networks") instanceof ArrayNode nets) {
            for (JsonNode n : nets) {
                if (n instanceof ObjectNode net && name.equals(net.path("name").asText(null))) return Optional.of(net);
            }
        }
        return Optional.empty();
    }
}
