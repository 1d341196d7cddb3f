package dev.nestor.lease.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements the way the engine's command-line client would, so that the files
 * also run unchanged with {@code mysql < file} and {@code psql -f file}: MySQL scripts may switch the delimiter with
 * {@code DELIMITER $$} (for procedure and trigger bodies); PostgreSQL scripts put bodies between {@code $$} quotes.
 * Whole-line {@code --} comments are dropped.
 */
final class SqlScript {
    private SqlScript() {}

    static List<String> split(String text, DbEngine engine) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String delimiter = ";";
        boolean inDollarQuote = false;
        for (String line : text.split("\r?\n", -1)) {
            String trimmed = line.strip();
            if (!inDollarQuote && (trimmed.isEmpty() || trimmed.startsWith("--"))) continue;
            if (engine == DbEngine.MYSQL && trimmed.regionMatches(true, 0, "DELIMITER ", 0, 10)) {
                delimiter = trimmed.substring(10).strip();
                continue;
            }
            if (engine == DbEngine.POSTGRESQL && countDollarQuotes(line) % 2 == 1) inDollarQuote = !inDollarQuote;
            if (!inDollarQuote && trimmed.endsWith(delimiter)) {
                String last = line.substring(0, line.lastIndexOf(delimiter));
                current.append(last);
                String stmt = current.toString().strip();
                if (!stmt.isEmpty()) out.add(stmt);
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        String rest = current.toString().strip();
        if (!rest.isEmpty()) throw new IllegalArgumentException("script ends inside a statement: " + rest);
        return List.copyOf(out);
    }

    private static int countDollarQuotes(String line) {
        int n = 0;
        for (int i = line.indexOf("$$"); i >= 0; i = line.indexOf("$$", i + 2)) n++;
        return n;
    }
}
