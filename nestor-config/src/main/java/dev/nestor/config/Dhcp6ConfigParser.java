package dev.nestor.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.parse.Dhcp6Parser;

import java.nio.file.Path;
import java.util.List;

/**
 * Parses Kea's {@code Dhcp6} configuration (Kea 3.0 keywords, defaults and inheritance) into an immutable,
 * validated {@link Dhcp6Config}. Every problem is collected: a {@link ConfigException} lists all of them with
 * their JSON paths. Keywords Kea knows but Nestor does not implement yet are errors saying "not supported yet".
 */
public final class Dhcp6ConfigParser {
    private Dhcp6ConfigParser() {}

    /** A parsed config plus non-fatal notes (Kea would log them as warnings). */
    public record Result(Dhcp6Config config, List<ConfigError> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** {@code root} is the whole file, {@code {"Dhcp6": {...}}}; other daemons' objects are ignored. */
    public static Dhcp6Config parse(JsonNode root) throws ConfigException {
        return parseWithNotes(root).config();
    }

    public static Result parseWithNotes(JsonNode root) throws ConfigException {
        Dhcp6Parser.Outcome o = Dhcp6Parser.parse(root);
        return new Result(o.config(), o.notes());
    }

    /** Reads (with includes) and parses a file. */
    public static Dhcp6Config parseFile(Path file) throws ConfigException {
        return parse(ConfigText.read(file));
    }
}
