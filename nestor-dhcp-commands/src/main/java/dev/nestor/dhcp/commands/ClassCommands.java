package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kea's class_cmds hook library (src/hooks/dhcp/class_cmds/class_cmds.cc), for DHCPv4 and DHCPv6 alike: class-add,
 * -update, -del, -get and -list, with Kea's texts and result codes. The class list lives in the config, so a change edits the
 * running config's JSON document and swaps in the re-parsed config ({@link ConfigEdit}); an updated class keeps
 * its place in the list, because a class test may only use classes defined before it.
 */
public final class ClassCommands<C> {
    private static final Pattern MEMBER = Pattern.compile("member\\s*\\(\\s*'([^']*)'\\s*\\)");

    private final ConfigEdit<C> edit;
    private final DhcpFamily<C> family;

    private ClassCommands(ConfigEdit<C> edit) {
        this.edit = edit;
        this.family = edit.family();
    }

    public static <C> void registerAll(CommandRegistry r, ConfigEdit<C> edit) {
        ClassCommands<C> c = new ClassCommands<>(edit);
        r.register("class-add", Args.handler(a -> c.add(a)));
        r.register("class-update", Args.handler(a -> c.update(a)));
        r.register("class-del", Args.handler(a -> c.del(a)));
        r.register("class-get", Args.handler(a -> c.get(a)));
        r.register("class-list", Args.handler(_ -> c.list()));
    }

    private Answer add(JsonNode args) throws Exception {
        ObjectNode def = received("class-add", args);
        edit.change((root, current) -> {
            JsonNode name = def.get("name");
            if (name != null && name.isTextual() && family.clientClass(current, name.textValue()).isPresent()) {
                throw KeaError.error("Client Class: " + name.textValue() + " has already been defined");
            }
            root.withArray("client-classes").add(def);
            return null;
        });
        return Answer.success("Class '" + def.path("name").asText() + "' added");
    }

    private Answer update(JsonNode args) throws Exception {
        ObjectNode def = received("class-update", args);
        if (!def.has("name")) throw KeaError.error("the first class definition is missing a mandatory 'name' parameter");
        String name = def.get("name").asText();
        edit.change((root, current) -> {
            ArrayNode classes = root.withArray("client-classes");
            int at = indexOf(classes, name);
            if (at < 0) throw KeaError.empty("Class '" + name + "' is not found");
            boolean before = dependsOnKnown(classes, name);
            classes.set(at, def);
            if (before != dependsOnKnown(classes, name)) {
                throw KeaError.error("modification of the class '" + name + "' would affect its dependency on the KNOWN"
                        + " and/or UNKNOWN built-in classes. Such modification is not allowed because there may be other"
                        + " classes depending on those built-ins via the updated class");
            }
            return null;
        });
        return Answer.success("Class '" + name + "' updated");
    }

    private Answer del(JsonNode args) throws Exception {
        String name = nameArgument("class-del", args);
        edit.change((root, current) -> {
            ArrayNode classes = root.withArray("client-classes");
            int at = indexOf(classes, name);
            if (at < 0) throw KeaError.empty("Class '" + name + "' not found");
            for (ClientClassDef c : family.clientClasses(current)) {
                if (!c.name().equals(name) && references(c.test()).contains(name)) {
                    throw KeaError.error("Class '" + name + "' is used by class '" + c.name() + "'");
                }
            }
            classes.remove(at);
            return null;
        });
        return Answer.success("Class '" + name + "' deleted");
    }

    private Answer get(JsonNode args) throws Exception {
        String name = nameArgument("class-get", args);
        ArrayNode classes = edit.document().withArray("client-classes");
        int at = indexOf(classes, name);
        if (at < 0) throw KeaError.empty("Class '" + name + "' not found");
        ObjectNode result = KeaJson.object();
        result.putArray("client-classes").add(classes.get(at));
        return Answer.success("Class '" + name + "' definition returned", result);
    }

    private Answer list() {
        List<JsonNode> classes = family.clientClasses(edit.config()).stream().map(c -> Args.named(c.name())).toList();
        return Args.listed("client-classes", classes, "class", "classes");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Kea's parseReceivedClass: {@code {"client-classes": [ {...} ]}} and nothing else. */
    private static ObjectNode received(String command, JsonNode args) throws KeaError {
        Args.mandatoryMap(command, args);
        if (args.size() != 1) {
            throw KeaError.error("invalid number of arguments " + args.size() + " for the '" + command
                    + "' command. Expecting 'client-classes' list");
        }
        JsonNode list = args.get("client-classes");
        if (list == null) throw KeaError.error("missing 'client-classes' argument for the '" + command + "' command");
        if (!list.isArray()) throw KeaError.error("'client-classes' argument specified for the '" + command + "' command is not a list");
        if (list.size() != 1) {
            throw KeaError.error("invalid number of classes specified for the '" + command + "' command. Expected one class");
        }
        if (!(list.get(0) instanceof ObjectNode def)) {
            throw KeaError.error("invalid class definition specified for the '" + command + "' command. Expected a map");
        }
        return def.deepCopy();
    }

    private static String nameArgument(String command, JsonNode args) throws KeaError {
        Args.mandatoryMap(command, args);
        if (args.size() != 1) {
            throw KeaError.error("invalid number of arguments " + args.size() + " for the '" + command
                    + "' command. Expecting 'name' string");
        }
        JsonNode name = args.get("name");
        if (name == null) throw KeaError.error("missing 'name' argument for the '" + command + "' command");
        if (!name.isTextual()) throw KeaError.error("'name' argument specified for the '" + command + "' command is not a string");
        return name.textValue();
    }

    private static int indexOf(ArrayNode classes, String name) {
        for (int i = 0; i < classes.size(); i++) if (name.equals(classes.get(i).path("name").asText(null))) return i;
        return -1;
    }

    /** The class names a test expression uses through {@code member('...')}. */
    private static Set<String> references(String test) {
        Set<String> names = new HashSet<>();
        if (test == null) return names;
        var m = MEMBER.matcher(test);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** Whether the class's test depends, directly or through other classes, on KNOWN or UNKNOWN. */
    private static boolean dependsOnKnown(ArrayNode classes, String name) {
        return dependsOnKnown(classes, name, new HashSet<>());
    }

    private static boolean dependsOnKnown(ArrayNode classes, String name, Set<String> seen) {
        if (name.equals("KNOWN") || name.equals("UNKNOWN")) return true;
        if (!seen.add(name)) return false;
        int at = indexOf(classes, name);
        if (at < 0) return false;
        for (String ref : references(classes.get(at).path("test").asText(""))) {
            if (dependsOnKnown(classes, ref, seen)) return true;
        }
        return false;
    }
}
