package dev.nestor.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.parse.Dhcp4Parser;

import java.nio.file.Path;
import java.util.List;

/**
 * Parses Kea's {@code Dhcp4} configuration (Kea 3.0 keywords, defaults and inheritance) into an immutable,
 * validated {@link Dhcp4Config}. Every problem is collected: a {@link ConfigException} lists all of them with
 * their JSON paths. Keywords Kea knows but Nestor does not implement yet are errors saying "not supported yet".
 */
public final class Dhcp4ConfigParser {
    private Dhcp4ConfigParser() {}

    /** A parsed config plus non-fatal notes (Kea would log them as warnings). */
    public record Result(Dhcp4Config config, List<ConfigError> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** {@code root} is the whole file, {@code {"Dhcp4": {...}}}; other daemons' objects are ignored. */
    public static Dhcp4Config parse(JsonNode root) throws ConfigException {
        return parseWithNotes(root).config();
    }

    public static Result parseWithNotes(JsonNode root) throws ConfigException {
        Dhcp4Parser.Outcome o = Dhcp4Parser.parse(root);
        return new Result(o.config(), o.notes());
    }

    /** Reads (with includes) and parses a file. */
    public static Dhcp4Config parseFile(Path file) throws ConfigException {
        return parse(ConfigText.read(file));
    }
}
