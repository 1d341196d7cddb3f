package dev.nestor.common.wire;

/**
 * The one typed parse error for wire formats: the input is structurally invalid (truncated, overrun, bad length).
 * The message says what was wrong and at which byte offset, counted from the start of the buffer being parsed.
 */
public final class WireFormatException extends Exception {
    private final int offset;

    public WireFormatException(String message, int offset) {
        super(message + " (at offset " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset in the original buffer where the problem was found, or -1 when unknown. */
    public int offset() { return offset; }
}
