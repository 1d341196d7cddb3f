package dev.nestor.it.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The events our client scripts append: {@code === EVENT <reason>}, the environment, {@code === END}. */
public final class ScriptRecord {
    public record Event(String reason, Map<String, String> env) {}

    private final Path file;

    public ScriptRecord(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Copies a script template from the test resources, pointing it at {@code record}; returns its path. */
    public static Path installScript(String resource, Path target, Path record) {
        try (InputStream in = ScriptRecord.class.getResourceAsStream("/dev/nestor/it/scripts/" + resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@RECORD@", record.toString());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Complete events so far (an event still being written is left out). */
    public List<Event> events() {
        List<String> lines;
        try {
            if (!Files.exists(file)) return List.of();
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Event> events = new ArrayList<>();
        String reason = null;
        Map<String, String> env = null;
        for (String line : lines) {
            if (line.startsWith("=== EVENT")) {
                reason = line.substring("=== EVENT".length()).trim();
                env = new LinkedHashMap<>();
            } else if (line.equals("=== END") && env != null) {
                events.add(new Event(reason, Map.copyOf(env)));
                env = null;
            } else if (env != null) {
                int eq = line.indexOf('=');
                if (eq > 0) env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return events;
    }

    public String reasons() {
        return events().stream().map(Event::reason).toList().toString();
    }

    public String tail(int lines) {
        return ServerProcess.tail(file, lines);
    }
}
