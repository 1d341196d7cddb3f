package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.control.Answer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What subnet4-select-test and subnet6-select-test share: Kea's walk over the arguments in key order (the first
 * bad entry answers), the {@code interface} and {@code classes} entries, address entries with their texts, and the
 * answer naming the selected subnet. The protocol handles its own entries and runs the selection.
 */
public final class SelectTest {
    private SelectTest() {}

    /** The entries every select test takes. */
    public static final class Facts {
        private String iface = "";
        private final Set<String> classes = new HashSet<>();

        /** {@code interface}, "" when not given. */
        public String iface() {
            return iface;
        }

        /** {@code classes}, empty names left out. */
        public Set<String> classes() {
            return Set.copyOf(classes);
        }
    }

    /** Takes one protocol entry. */
    @FunctionalInterface
    public interface Entry {
        /** {@return false when {@code key} is no entry of this protocol} @throws KeaError for a bad value */
        boolean accept(String key, JsonNode value) throws KeaError;
    }

    /** Walks the arguments. {@return null when every entry was taken, else Kea's error answer} */
    public static Answer walk(JsonNode args, Facts facts, Entry entry) {
        if (args == null) return Answer.error("empty arguments");
        if (!args.isObject()) return Answer.error("arguments must be a map");
        // Kea walks the arguments in key order (std::map)
        Map<String, JsonNode> sorted = new TreeMap<>();
        args.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        try {
            for (var e : sorted.entrySet()) {
                String key = e.getKey();
                JsonNode v = e.getValue();
                switch (key) {
                    case "interface" -> {
                        if (!v.isTextual()) return Answer.error("'interface' entry must be a string");
                        facts.iface = v.textValue();
                    }
                    case "classes" -> {
                        if (!v.isArray()) return Answer.error("'classes' entry must be a list");
                        for (JsonNode item : v) {
                            if (!item.isTextual()) return Answer.error("'classes' entry must be a list of strings");
                            if (!item.textValue().isEmpty()) facts.classes.add(item.textValue());
                        }
                    }
                    default -> {
                        if (!entry.accept(key, v)) return Answer.error("unknown entry '" + key + "'");
                    }
                }
            }
        } catch (KeaError e) {
            return e.answer();
        }
        return null;
    }

    /** An address entry of IPv{@code version}, canonical, with Kea's texts. */
    public static String address(String key, JsonNode v, int version) throws KeaError {
        if (!v.isTextual()) throw KeaError.error("'" + key + "' entry must be a string");
        String text = v.textValue();
        String a = Addresses.canonical(text, version);
        if (a != null) return a;
        boolean other = version == 4 ? text.contains(":") : Ipv4.isValid(text);
        throw KeaError.error(other ? "bad '" + key + "' entry: not IPv" + version
                : "bad '" + key + "' entry: Failed to convert string to address '" + text + "': Invalid argument");
    }

    /** Kea's answer naming the selected subnet (and its shared network), or result 3 when none was. */
    public static Answer selected(String prefix, long id, String sharedNetwork) {
        if (prefix == null) return Answer.of(Answer.EMPTY, "no subnet selected");
        return Answer.success(sharedNetwork != null
                ? "selected shared network '" + sharedNetwork + "' starting with subnet '" + prefix + "' id " + id
                : "selected subnet '" + prefix + "' id " + id);
    }
}
