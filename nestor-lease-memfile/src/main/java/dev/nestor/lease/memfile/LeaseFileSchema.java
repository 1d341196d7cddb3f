package dev.nestor.lease.memfile;

import java.util.List;

/**
 * The layout of one lease file, from its header line, and the row-width rules of Kea's VersionedCSVFile: a file
 * in the current schema needs rows of exactly its width; an older one (fewer columns) has short rows padded with
 * the codec's defaults; a newer one (extra trailing columns) has the extra values ignored.
 *
 * @param width         number of columns of the current schema
 * @param headerColumns number of columns in the file's header
 * @param validColumns  how many of them are known columns (a prefix of the current schema)
 */
record LeaseFileSchema(int width, int headerColumns, int validColumns) {

    /** Whether Kea would report this file as needing an upgrade or downgrade (and run LFC to convert). */
    boolean needsConversion() {
        return headerColumns != width;
    }

    /** Whether the file is in exactly the current schema (rows must have exactly its width). */
    boolean current() {
        return headerColumns == width && validColumns == width;
    }

    /**
     * Checks a header line against the codec's schema.
     *
     * @throws IllegalArgumentException with Kea's reason if the header is not acceptable
     */
    static LeaseFileSchema of(LeaseRowCodec<?, ?> codec, String headerLine) {
        List<String> columns = codec.columns();
        List<String> names = KeaCsv.split(stripCr(headerLine));
        int i = 0;
        for (; i < names.size() && i < columns.size(); i++) {
            if (!columns.get(i).equals(names.get(i)))
                throw new IllegalArgumentException("header contains an invalid column: '" + names.get(i) + "'");
        }
        if (i < codec.minimumColumns())
            throw new IllegalArgumentException("header has only " + i + " valid column(s), it must have at least "
                    + codec.minimumColumns());
        return new LeaseFileSchema(columns.size(), names.size(), i);
    }

    /**
     * The values of one row brought to the current width.
     *
     * @throws IllegalArgumentException if Kea would reject the row for its number of values
     */
    List<String> values(String line, List<String> defaults) {
        List<String> v = KeaCsv.split(stripCr(line));
        int n = v.size();
        if (validColumns == width) {
            // current or newer schema: Kea requires the header's count exactly (newer: at most the header's)
            if (headerColumns == width ? n != width : (n < width || n > headerColumns))
                throw new IllegalArgumentException("invalid number of columns: " + n);
            return n == width ? v : v.subList(0, width);
        }
        if (n < validColumns) throw new IllegalArgumentException("too few columns to upgrade: " + n);
        if (n > width) throw new IllegalArgumentException("too many columns to upgrade: " + n);
        for (int i = n; i < width; i++) v.add(defaults.get(i));
        return v;
    }

    static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
