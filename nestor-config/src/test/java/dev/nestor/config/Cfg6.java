package dev.nestor.config;

import dev.nestor.config.model.Dhcp6Config;

import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/** Test helpers: parse a Dhcp6 body, or collect the rendered errors of a bad one. */
final class Cfg6 {
    private Cfg6() {}

    /** Parses {@code {"Dhcp6": {body}}}. */
    static Dhcp6Config dhcp6(String body) {
        return withNotes(body).config();
    }

    static Dhcp6ConfigParser.Result withNotes(String body) {
        try {
            return Dhcp6ConfigParser.parseWithNotes(ConfigText.parse("{\"Dhcp6\": {" + body + "}}", null));
        } catch (ConfigException e) {
            return fail("unexpected config errors:\n" + e.getMessage());
        }
    }

    /** The errors of a config that must fail, rendered "path: message". */
    static List<String> errors(String body) {
        try {
            Dhcp6ConfigParser.parse(ConfigText.parse("{\"Dhcp6\": {" + body + "}}", null));
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        return fail("config should have failed: " + body);
    }
}
