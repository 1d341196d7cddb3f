package dev.nestor.lease;

/**
 * The lease store could not perform or persist an operation. The caller must treat the operation as not done:
 * in particular it must not acknowledge a lease whose write failed.
 */
public final class LeaseStoreException extends Exception {
    public LeaseStoreException(String message) {
        super(message);
    }

    public LeaseStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
