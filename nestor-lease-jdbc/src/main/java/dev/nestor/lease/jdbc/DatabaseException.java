package dev.nestor.lease.jdbc;

import dev.nestor.lease.LeaseStoreException;

/**
 * A lease lookup failed because of the database (unreachable, or an unexpected error). Thrown by the read methods
 * of the SQL stores, which the {@link dev.nestor.lease.LeaseStore4} interface declares without checked exceptions;
 * writes throw {@link LeaseStoreException} instead. Either way the request that needed it must not be answered
 * with a lease. The cause is the {@link LeaseStoreException} describing the failure.
 */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(LeaseStoreException cause) {
        super(cause.getMessage(), cause);
    }
}
