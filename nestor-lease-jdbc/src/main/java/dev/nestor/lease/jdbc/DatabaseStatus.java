package dev.nestor.lease.jdbc;

/**
 * Connection state of an SQL lease store, for the server's handling of {@code on-fail}: the SQL stores implement
 * it next to {@link dev.nestor.lease.LeaseStore4}/{@link dev.nestor.lease.LeaseStore6}. The pool reconnects by
 * itself; {@link #probe()} lets a server's reconnect loop ({@code max-reconnect-tries} times, every
 * {@code reconnect-wait-time}) find out when the database is back.
 */
public interface DatabaseStatus {

    /** Told of every change between available and unavailable (once per change, not per failed call). */
    @FunctionalInterface
    interface Listener {
        void availabilityChanged(boolean available, String reason);
    }

    /** The parsed {@code lease-database} parameters, including {@code on-fail} and {@code retry-on-startup}. */
    DatabaseConfig databaseConfig();

    /** Whether the last attempt to use the database reached it. */
    boolean available();

    /** Tries the database now (one short query); updates {@link #available()} and tells the listeners on a change. */
    boolean probe();

    void addListener(Listener listener);
}
