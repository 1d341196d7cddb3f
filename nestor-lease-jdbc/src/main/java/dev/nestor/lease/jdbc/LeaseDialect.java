package dev.nestor.lease.jdbc;

import dev.nestor.common.Bytes;
import dev.nestor.lease.LeaseStoreException;

/**
 * The SQL that differs between servers for the lease tables. Implemented by the {@code mysql} and
 * {@code postgresql} backend modules; the stores in this module build every statement from these fragments.
 */
public interface LeaseDialect {

    DbEngine engine();

    /** An expression turning a bound epoch-seconds parameter into the {@code expire} column's type. */
    String expireParam();

    /** An expression reading {@code expire} as epoch seconds (a BIGINT). */
    String expireColumn();

    /** The value stored in {@code expire} for a lease expiring at {@code epochSeconds} (clamped to the column's range). */
    long storableExpire(long epochSeconds) throws LeaseStoreException;

    /** A condition: {@code column} equals the bound parameter, NULL matching NULL. */
    String nullSafeEquals(String column);

    /** As {@link #nullSafeEquals} for text, comparing exactly (case, trailing spaces) whatever the column collation. */
    String exactTextEquals(String column);

    /**
     * The insert statement for {@code table}; when the primary key is taken it must either affect no row or
     * fail with a duplicate-key error ({@link DbEngine#isDuplicateKey}).
     */
    String insert(String table, String columns, String values);

    /**
     * One statement inserting {@code rows} rows (each {@code values}) into {@code table} that skips every row whose
     * {@code address} is taken, without failing, and returns the {@code address} of each row it inserted; or
     * {@code null} when the store should write leases one at a time. A row that fails for any other reason must
     * fail the whole statement (it is then written again alone, and fails alone).
     */
    default String insertGroup(String table, String columns, String values, int rows) {
        return null;
    }

    /** An expression of the {@code lease6} row giving numeric (unsigned byte) order of {@code address}. */
    String lease6OrderKey();

    /** The parameter placeholder compared with {@link #lease6OrderKey()}. */
    String lease6OrderKeyParam();

    /** The value bound to {@link #lease6OrderKeyParam()} for a 16-byte address. */
    Object lease6OrderKeyValue(Bytes address);

    /** The value bound for {@code lease6.iaid} (an unsigned 32-bit number; PostgreSQL keeps it in a signed INT). */
    Object iaidValue(long iaid);
}
