package dev.nestor.config.model;

import java.util.Objects;

/**
 * One {@code hooks-libraries} entry, recorded as written; the server decides whether it can load it.
 *
 * @param parametersJson the "parameters" map as compact JSON text, "{}" when absent
 */
public record HooksLibrarySpec(String library, String parametersJson, String path) {
    public HooksLibrarySpec {
        Objects.requireNonNull(library, "library");
        parametersJson = parametersJson == null ? "{}" : parametersJson;
        path = path == null ? "" : path;
    }
}
