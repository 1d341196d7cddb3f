package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.control.server.RuntimeChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Run-time config changes the way a config file change is made: copy the JSON document of the running config,
 * edit the copy, parse and validate the whole of it, then hand it to the {@link ConfigApplier}, which swaps it in
 * atomically. Nothing live is mutated; a change that does not validate leaves the running config in place.
 * Changes are serialised on {@code lock} (the server: its reconfiguration is too), so two commands never lose
 * each other's edit.
 *
 * @param <C> the parsed config type
 */
public final class ConfigEdit<C> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DhcpFamily<C> family;
    private final Object lock;
    private final Supplier<C> running;
    private final ConfigApplier<C> applier;
    private final RuntimeChanges changes;
    private final StatsRegistry stats;

    /**
     * @param lock    what reconfigurations synchronise on (the server)
     * @param running the running config
     * @param stats   the server's statistics (deleted subnets lose theirs)
     */
    public ConfigEdit(DhcpFamily<C> family, Object lock, Supplier<C> running, ConfigApplier<C> applier,
                      RuntimeChanges changes, StatsRegistry stats) {
        this.family = Objects.requireNonNull(family);
        this.lock = Objects.requireNonNull(lock);
        this.running = Objects.requireNonNull(running);
        this.applier = Objects.requireNonNull(applier);
        this.changes = Objects.requireNonNull(changes);
        this.stats = Objects.requireNonNull(stats);
    }

    /** One edit of the root document ({@code Dhcp4} / {@code Dhcp6}); may throw a {@link KeaError} to refuse the change. */
    @FunctionalInterface
    public interface Edit<C, T> {
        T apply(ObjectNode root, C current) throws Exception;
    }

    public DhcpFamily<C> family() {
        return family;
    }

    public StatsRegistry stats() {
        return stats;
    }

    /** What reconfigurations synchronise on (the server). */
    public Object lock() {
        return lock;
    }

    /** The running config's mark of changes the config file does not have. */
    public RuntimeChanges changes() {
        return changes;
    }

    /** The running config. */
    public C config() {
        return running.get();
    }

    /** A fresh, editable copy of the running config's root document. */
    public ObjectNode document() {
        return document(family.json(config()));
    }

    /** A fresh, editable copy of a config's root document, given its JSON text. */
    public static ObjectNode document(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("running config JSON is unreadable", e);
        }
    }

    /**
     * Applies {@code edit} to a copy of the running document; if the copy changed, parses it and swaps it in,
     * marking the runtime dirty. {@return the edit's result}
     */
    public <T> T change(Edit<C, T> edit) throws Exception {
        synchronized (lock) {
            C current = config();
            ObjectNode before = document(family.json(current));
            ObjectNode after = before.deepCopy();
            T result = edit.apply(after, current);
            if (!after.equals(before)) {
                ObjectNode root = JSON.createObjectNode();
                root.set(family.root(), after);
                applier.apply(family.parse(root));
                changes.markDirty();
            }
            return result;
        }
    }

    /** Kea drops a deleted subnet's statistics (CfgSubnets4::removeStatistics). */
    public void removeStatistics(long subnetId) {
        String p = "subnet[" + subnetId + "].";
        for (String name : List.copyOf(stats.observations().keySet())) if (name.startsWith(p)) stats.remove(name);
    }

    // ---- subnets in the document ------------------------------------------------------------------------

    /** Where a subnet's map sits in the document: a subnet list at the top level or in a network. */
    public record SubnetSlot(ArrayNode list, int index, ObjectNode network) {
        public ObjectNode node() {
            return (ObjectNode) list.get(index);
        }

        public long id() {
            return node().path("id").asLong(-1);
        }

        public void remove() {
            list.remove(index);
        }
    }

    /** All subnets of the document, top-level first, then each shared network's, as the parser orders them. */
    public List<SubnetSlot> subnets(ObjectNode root) {
        String key = family.subnetKey();
        List<SubnetSlot> out = new ArrayList<>();
        if (root.get(key) instanceof ArrayNode top) collect(top, null, out);
        if (root.get("shared-networks") instanceof ArrayNode nets) {
            for (JsonNode n : nets) {
                if (n instanceof ObjectNode net && net.get(key) instanceof ArrayNode list) collect(list, net, out);
            }
        }
        return out;
    }

    private static void collect(ArrayNode list, ObjectNode network, List<SubnetSlot> out) {
        for (int i = 0; i < list.size(); i++) if (list.get(i) instanceof ObjectNode) out.add(new SubnetSlot(list, i, network));
    }

    public Optional<SubnetSlot> subnet(ObjectNode root, long id) {
        return subnets(root).stream().filter(s -> s.id() == id).findFirst();
    }

    /** The shared network map named {@code name}, if any. */
    public static Optional<ObjectNode> network(ObjectNode root, String name) {
        if (root.get("shared-networks") instanceof ArrayNode nets) {
            for (JsonNode n : nets) {
                if (n instanceof ObjectNode net && name.equals(net.path("name").asText(null))) return Optional.of(net);
            }
        }
        return Optional.empty();
    }
}
