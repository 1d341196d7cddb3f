package dev.nestor.codec.option;

/** Option data text (config {@code "data"}) that cannot be converted to wire bytes for its definition. */
public final class OptionValueException extends Exception {
    public OptionValueException(String message) { super(message); }

    public OptionValueException(String message, Throwable cause) { super(message, cause); }
}
