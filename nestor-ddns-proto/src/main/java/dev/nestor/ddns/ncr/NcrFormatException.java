package dev.nestor.ddns.ncr;

/** A NameChangeRequest that cannot be decoded or is invalid; the message says why, in Kea's words where it has them. */
public final class NcrFormatException extends Exception {
    public NcrFormatException(String message) {
        super(message);
    }

    public NcrFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
