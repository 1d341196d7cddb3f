package dev.nestor.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration that cannot be used, with every problem found (not only the first). */
public final class ConfigException extends Exception {
    private final List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(render(errors));
        if (errors.isEmpty()) throw new IllegalArgumentException("a ConfigException needs at least one error");
        this.errors = List.copyOf(errors);
    }

    public ConfigException(String path, String message) { this(List.of(new ConfigError(path, message))); }

    public List<ConfigError> errors() { return errors; }

    private static String render(List<ConfigError> errors) {
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n"));
    }
}
