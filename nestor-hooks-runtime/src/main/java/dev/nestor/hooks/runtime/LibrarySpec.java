package dev.nestor.hooks.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * One {@code hooks-libraries} entry: {@code library} as written (a .jar path, or a Kea library file name),
 * its {@code parameters} (an object; empty when absent), and the JSON path for error messages.
 */
public record LibrarySpec(String library, JsonNode parameters, String path) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LibrarySpec {
        Objects.requireNonNull(library, "library");
        parameters = parameters == null || parameters.isNull() ? JSON.createObjectNode() : parameters.deepCopy();
        path = path == null ? "" : path;
    }

    /** From the config model's text form of the parameters. @throws IllegalArgumentException on bad JSON */
    public static LibrarySpec of(String library, String parametersJson, String path) {
        try {
            return new LibrarySpec(library, parametersJson == null ? null : JSON.readTree(parametersJson), path);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters of hook library '" + library + "': " + e.getOriginalMessage(), e);
        }
    }

    @Override public JsonNode parameters() { return parameters.deepCopy(); }

    /** {@return the file name part of {@code library}: how the library is named in messages and logs} */
    public String fileName() {
        int slash = library.lastIndexOf('/');
        return slash >= 0 ? library.substring(slash + 1) : library;
    }
}
