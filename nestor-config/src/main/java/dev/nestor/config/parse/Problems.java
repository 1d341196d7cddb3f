package dev.nestor.config.parse;

import dev.nestor.config.ConfigError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every error (and non-fatal note) found while parsing, so one run reports all problems. Identical
 * errors are kept once: an inherited bad value would otherwise be reported by every subnet that inherits it.
 */
public final class Problems {
    private final Set<ConfigError> errors = new LinkedHashSet<>();
    private final Set<ConfigError> notes = new LinkedHashSet<>();

    public void error(String path, String message) { errors.add(new ConfigError(path, message)); }

    /** A warning or deprecation that does not stop the configuration (Kea logs these as warnings). */
    public void note(String path, String message) { notes.add(new ConfigError(path, message)); }

    public boolean hasErrors() { return !errors.isEmpty(); }

    public int errorCount() { return errors.size(); }

    public List<ConfigError> errors() { return new ArrayList<>(errors); }

    public List<ConfigError> notes() { return new ArrayList<>(notes); }
}
