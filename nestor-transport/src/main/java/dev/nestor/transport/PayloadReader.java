package dev.nestor.transport;

/**
 * Reads a received payload in place ({@link InboundDatagram#read}, {@link InboundDatagram6#read}).
 *
 * @param <T> what it makes of the payload
 * @param <X> the exception it throws for a payload it cannot read
 */
@FunctionalInterface
public interface PayloadReader<T, X extends Exception> {
    /** Reads {@code payload[offset, offset + length)}; must not modify the array or keep a reference to it. */
    T read(byte[] payload, int offset, int length) throws X;
}
