package dev.nestor.lease.memfile;

import java.util.Comparator;
import java.util.List;

/**
 * One kind of Kea lease file (v4 or v6): its columns, how a lease becomes a row and back, and how rows are keyed
 * when a file is replayed. The reader, writer and cleanup are written once against this interface.
 *
 * @param <K> the replay key: the lease's address (Kea keys both files by address alone)
 * @param <L> the lease type
 */
interface LeaseRowCodec<K, L> {

    /** One parsed row: a lease to store, or (valid lifetime 0) the removal of its address. */
    record Row<L>(L lease, boolean deletion) {}

    /**
     * Parses rows of the current schema straight from the file's bytes; one instance per thread. It may decline a
     * row (null), which then goes through {@link #parse(List)}; what it returns must be what that would return.
     */
    interface FastRows<L> {
        /** The row in {@code bytes[from, to)} (no line terminator), or null to leave it to the general parser. */
        Row<L> parse(byte[] bytes, int from, int to);
    }

    /** A new fast row parser, or null when the codec has none. */
    default FastRows<L> fastRows() {
        return null;
    }

    /** Column names of the current schema, in file order. */
    List<String> columns();

    /** The value each column takes when an older file's header lacks it (Kea's VersionedCSVFile defaults). */
    List<String> defaults();

    /** Kea refuses a file whose header has fewer known leading columns than this (everything up to "hostname"). */
    int minimumColumns();

    /** The header line of the current schema. */
    default String header() {
        return String.join(",", columns());
    }

    /** The replay key of a lease. */
    K key(L lease);

    /** The order the cleanup writes leases in (Kea's address index order). */
    Comparator<K> keyOrder();

    /** The row for a lease (no line terminator). */
    String row(L lease);

    /** The row Kea appends when it deletes a lease: the lease with its lifetimes set to 0. */
    String deletionRow(L lease);

    /**
     * Parses the values of one row, already brought to the current schema's width by {@link LeaseFileSchema}.
     *
     * @throws IllegalArgumentException with a reason when Kea would also reject the row
     */
    Row<L> parse(List<String> values);

    // ---- helpers shared by the codecs -------------------------------------------------------------------------

    static long parseUnsigned(String text, long max, String column) {
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0 || value > max) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + column + ": '" + text + "'");
        }
    }

    static boolean parseBool(String text, String column) {
        // Kea writes 0/1 (boost::lexical_cast<bool>); accept true/false leniently
        return switch (text.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("invalid " + column + ": '" + text + "'");
        };
    }
}
