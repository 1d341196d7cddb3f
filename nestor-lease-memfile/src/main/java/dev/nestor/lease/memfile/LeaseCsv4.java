package dev.nestor.lease.memfile;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import java.util.List;

/**
 * Rows of Kea's DHCPv4 lease file (dhcpsrv/csv_lease_file4.cc), schema 3.0. Older files have fewer columns
 * (no {@code pool_id}, no {@code user_context}, no {@code state}); missing columns take Kea's defaults, as
 * VersionedCSVFile upgrades them. Files from a newer schema with extra trailing columns are read with those
 * columns ignored.
 */
final class LeaseCsv4 {
    /** Column names of the current schema, in file order. */
    static final List<String> COLUMNS = List.of("address", "hwaddr", "client_id", "valid_lifetime", "expire",
            "subnet_id", "fqdn_fwd", "fqdn_rev", "hostname", "state", "user_context", "pool_id");
    static final String HEADER = String.join(",", COLUMNS);
    /** Defaults for columns an older header lacks (state "0", user_context "", pool_id "0"). */
    private static final List<String> DEFAULTS = List.of("", "", "", "", "", "", "", "", "", "0", "", "0");
    /** Kea refuses files whose header stops before "hostname". */
    private static final int MINIMUM_COLUMNS = 9;

    private LeaseCsv4() {}

    /**
     * The layout of one file, from its header line.
     *
     * @param headerColumns number of columns in the file's header
     * @param validColumns  how many of them are known columns (a prefix of {@link #COLUMNS})
     */
    record Schema(int headerColumns, int validColumns) {
        static final Schema CURRENT = new Schema(COLUMNS.size(), COLUMNS.size());

        /** Whether Kea would report this file as needing an upgrade or downgrade (and run LFC to convert). */
        boolean needsConversion() {
            return headerColumns != COLUMNS.size();
        }

        static Schema of(String headerLine) {
            List<String> names = KeaCsv.split(stripCr(headerLine));
            int i = 0;
            for (; i < names.size() && i < COLUMNS.size(); i++) {
                if (!COLUMNS.get(i).equals(names.get(i)))
                    throw new IllegalArgumentException("header contains an invalid column: '" + names.get(i) + "'");
            }
            if (i < MINIMUM_COLUMNS)
                throw new IllegalArgumentException("header has only " + i + " valid column(s), it must have at least "
                        + MINIMUM_COLUMNS);
            return new Schema(names.size(), i);
        }
    }

    /** One parsed row: a lease to store, or (valid lifetime 0) the removal of its address. */
    record Row(Lease4 lease, boolean deletion) {}

    /** Formats a lease as a row (no line terminator). */
    static String format(Lease4 lease) {
        return format(lease, lease.validLifetime());
    }

    /**
     * Formats the row Kea writes when it deletes a lease: the lease with valid lifetime 0 (so expire = cltt).
     */
    static String formatDeletion(Lease4 lease) {
        return format(lease, 0);
    }

    private static String format(Lease4 l, long valid) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(Ipv4.toString(l.address())).append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress());
        sb.append(',');
        if (l.clientId() != null) sb.append(l.clientId().toHexColon());
        sb.append(',').append(valid);
        sb.append(',').append(l.cltt() + valid);
        sb.append(',').append(l.subnetId());
        sb.append(',').append(l.fqdnFwd() ? '1' : '0');
        sb.append(',').append(l.fqdnRev() ? '1' : '0');
        sb.append(',').append(KeaCsv.escape(l.hostname()));
        sb.append(',').append(l.state().code());
        sb.append(',');
        if (l.userContext() != null) sb.append(KeaCsv.escape(l.userContext()));
        sb.append(',').append(l.poolId());
        return sb.toString();
    }

    /**
     * Parses one non-blank row under {@code schema}.
     *
     * @throws IllegalArgumentException with a reason when Kea would also reject the row
     */
    static Row parse(String line, Schema schema) {
        List<String> v = KeaCsv.split(stripCr(line));
        int n = v.size();
        if (schema.validColumns() == COLUMNS.size()) {
            // current or newer schema: Kea requires the header's count exactly (newer: at most the header's)
            if (schema.headerColumns() == COLUMNS.size() ? n != COLUMNS.size() : (n < COLUMNS.size() || n > schema.headerColumns()))
                throw new IllegalArgumentException("invalid number of columns: " + n);
        } else {
            if (n < schema.validColumns()) throw new IllegalArgumentException("too few columns to upgrade: " + n);
            if (n > COLUMNS.size()) throw new IllegalArgumentException("too many columns to upgrade: " + n);
            for (int i = n; i < COLUMNS.size(); i++) v.add(DEFAULTS.get(i));
        }

        int address = Ipv4.parse(v.get(0));
        HwAddress hw = v.get(1).isEmpty() ? null : HwAddress.parse(v.get(1));
        Bytes clientId = v.get(2).isEmpty() ? null : Bytes.fromHex(v.get(2));
        long valid = parseUnsigned(v.get(3), 0xFFFFFFFFL, "valid_lifetime");
        long expire = parseUnsigned(v.get(4), Long.MAX_VALUE, "expire");
        long cltt = expire - valid;
        if (cltt < 0) throw new IllegalArgumentException("expire " + expire + " is before valid_lifetime " + valid);
        long subnetId = parseUnsigned(v.get(5), 0xFFFFFFFFL, "subnet_id");
        boolean fwd = parseBool(v.get(6), "fqdn_fwd");
        boolean rev = parseBool(v.get(7), "fqdn_rev");
        String hostname = KeaCsv.unescape(v.get(8));
        LeaseState state = LeaseState.of((int) parseUnsigned(v.get(9), 0xFFFFFFFFL, "state"));
        String context = v.get(10).isEmpty() ? null : KeaCsv.unescape(v.get(10));
        long poolId = parseUnsigned(v.get(11), 0xFFFFFFFFL, "pool_id");
        Lease4 lease = new Lease4(address, hw, clientId, valid, cltt, subnetId, fwd, rev, hostname, state, context, poolId);
        return new Row(lease, valid == 0);
    }

    private static long parseUnsigned(String text, long max, String column) {
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0 || value > max) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + column + ": '" + text + "'");
        }
    }

    private static boolean parseBool(String text, String column) {
        // Kea writes 0/1 (boost::lexical_cast<bool>); accept true/false leniently
        return switch (text.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("invalid " + column + ": '" + text + "'");
        };
    }

    static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
