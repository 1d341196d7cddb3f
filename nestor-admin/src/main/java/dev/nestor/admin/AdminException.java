package dev.nestor.admin;

/** A command failed for a reason the user can act on; the message is printed as kea-admin prints its errors. */
class AdminException extends Exception {
    AdminException(String message) {
        super(message);
    }

    AdminException(String message, Throwable cause) {
        super(message, cause);
    }
}
