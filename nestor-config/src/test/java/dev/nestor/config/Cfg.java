package dev.nestor.config;

import dev.nestor.config.model.Dhcp4Config;

import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/** Test helpers: parse a Dhcp4 body, or collect the rendered errors of a bad one. */
final class Cfg {
    private Cfg() {}

    /** Parses {@code {"Dhcp4": {body}}}. */
    static Dhcp4Config dhcp4(String body) {
        try {
            return Dhcp4ConfigParser.parse(ConfigText.parse("{\"Dhcp4\": {" + body + "}}", null));
        } catch (ConfigException e) {
            return fail("unexpected config errors:\n" + e.getMessage());
        }
    }

    static Dhcp4ConfigParser.Result withNotes(String body) {
        try {
            return Dhcp4ConfigParser.parseWithNotes(ConfigText.parse("{\"Dhcp4\": {" + body + "}}", null));
        } catch (ConfigException e) {
            return fail("unexpected config errors:\n" + e.getMessage());
        }
    }

    /** The errors of a config that must fail, rendered "path: message". */
    static List<String> errors(String body) {
        try {
            Dhcp4ConfigParser.parse(ConfigText.parse("{\"Dhcp4\": {" + body + "}}", null));
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        return fail("config should have failed: " + body);
    }
}
