package dev.nestor.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads Kea's "extended JSON": {@code #}, {@code //} and {@code /* *}{@code /} comments, trailing commas,
 * leading-dot numbers ({@code .5}), and {@code <?include "file"?>} directives (relative to the including file).
 * Duplicate keys in one map are an error, as in Kea. Syntax errors carry {@code file:line:column}.
 */
public final class ConfigText {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ConfigText() {}

    /** Reads and parses a config file; includes are resolved against the file's directory. */
    public static JsonNode read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), "configuration file does not exist");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "cannot read configuration file: " + e.getMessage());
        }
        Path abs = file.toAbsolutePath().normalize();
        return parse(text, file.toString(), abs.getParent(), abs);
    }

    /** Parses config text; includes are resolved against {@code baseDir} (the working directory when null). */
    public static JsonNode parse(String text, Path baseDir) throws ConfigException {
        return parse(text, "<config>", baseDir, null);
    }

    private static JsonNode parse(String text, String name, Path baseDir, Path self) throws ConfigException {
        IncludeExpander.Result expanded = IncludeExpander.expand(text, name, baseDir, self);
        if (expanded.text().isBlank()) throw new ConfigException(name, "configuration is empty");
        try {
            JsonNode node = MAPPER.readTree(expanded.text());
            if (node == null || node.isMissingNode()) throw new ConfigException(name, "configuration is empty");
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? name : expanded.locate((int) Math.max(0, loc.getCharOffset()));
            throw new ConfigException(where, "syntax error: " + e.getOriginalMessage());
        }
    }

    /** Compact JSON text of a node (canonical form used for config-get and hook parameters). */
    public static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
