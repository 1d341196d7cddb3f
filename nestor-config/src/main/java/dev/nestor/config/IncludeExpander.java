package dev.nestor.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kea's {@code <?include "file"?>} directive, done as a text pre-pass before JSON parsing: each directive outside
 * strings and comments is replaced by the (recursively expanded) content of the file, resolved against the
 * directory of the including file. Keeps a map from output offsets back to file:line:column for error messages.
 */
final class IncludeExpander {
    private static final Pattern DIRECTIVE = Pattern.compile("<\\?include\\s*\"([^\"]*)\"\\s*\\?>");
    private static final int MAX_DEPTH = 32;

    /** A run of output copied verbatim from one source, starting at {@code srcStart} in that source. */
    private record Segment(int outStart, int outEnd, Source source, int srcStart) {}

    private record Source(String name, String text) {}

    private final StringBuilder out = new StringBuilder();
    private final List<Segment> segments = new ArrayList<>();
    private final Deque<Path> stack = new ArrayDeque<>();

    private IncludeExpander() {}

    /** Expanded text plus the offset map. */
    record Result(String text, IncludeExpander map) {
        String locate(int offset) { return map.locate(offset); }
    }

    static Result expand(String text, String name, Path baseDir, Path self) throws ConfigException {
        IncludeExpander e = new IncludeExpander();
        if (self != null) e.stack.push(self.toAbsolutePath().normalize());
        e.process(new Source(name, text), baseDir);
        return new Result(e.out.toString(), e);
    }

    private void process(Source src, Path baseDir) throws ConfigException {
        String t = src.text;
        int copyFrom = 0;
        int i = 0;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (c == '"') {
                i = skipString(t, i);
            } else if (c == '#' || (c == '/' && i + 1 < n && t.charAt(i + 1) == '/')) {
                while (i < n && t.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                int end = t.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '<' && t.startsWith("<?include", i)) {
                Matcher m = DIRECTIVE.matcher(t).region(i, n);
                if (!m.lookingAt())
                    throw new ConfigException(position(src, i), "malformed include directive, expected <?include \"file\"?>");
                append(src, copyFrom, i);
                include(src, i, m.group(1), baseDir);
                i = m.end();
                copyFrom = i;
            } else {
                i++;
            }
        }
        append(src, copyFrom, n);
    }

    private void include(Source src, int at, String file, Path baseDir) throws ConfigException {
        if (file.isBlank()) throw new ConfigException(position(src, at), "include directive with an empty file name");
        Path target = (baseDir == null ? Path.of(file) : baseDir.resolve(file)).toAbsolutePath().normalize();
        if (stack.contains(target))
            throw new ConfigException(position(src, at), "include loop: " + target + " is already being included");
        if (stack.size() >= MAX_DEPTH)
            throw new ConfigException(position(src, at), "includes nested deeper than " + MAX_DEPTH + " levels");
        String text;
        try {
            text = Files.readString(target, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(position(src, at), "included file " + target + " does not exist");
        } catch (IOException e) {
            throw new ConfigException(position(src, at), "cannot read included file " + target + ": " + e.getMessage());
        }
        stack.push(target);
        try {
            process(new Source(target.toString(), text), target.getParent());
        } finally {
            stack.pop();
        }
    }

    private void append(Source src, int from, int to) {
        if (to <= from) return;
        segments.add(new Segment(out.length(), out.length() + (to - from), src, from));
        out.append(src.text, from, to);
    }

    private static int skipString(String t, int i) {
        int n = t.length();
        i++;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '\\') i += 2;
            else if (c == '"') return i + 1;
            else if (c == '\n') return i; // unterminated: let the JSON parser report it
            else i++;
        }
        return n;
    }

    /** file:line:column of an offset in the expanded text (1-based line and column). */
    String locate(int offset) {
        Segment hit = null;
        for (Segment s : segments) {
            if (offset >= s.outStart && offset < s.outEnd) { hit = s; break; }
            if (offset >= s.outStart) hit = s;
        }
        if (hit == null) return "<empty>:1:1";
        int srcOffset = Math.min(hit.srcStart + (offset - hit.outStart), hit.source.text.length());
        return position(hit.source, srcOffset);
    }

    private static String position(Source src, int offset) {
        int line = 1, col = 1;
        for (int k = 0; k < offset && k < src.text.length(); k++) {
            if (src.text.charAt(k) == '\n') { line++; col = 1; } else col++;
        }
        return src.name + ":" + line + ":" + col;
    }
}
