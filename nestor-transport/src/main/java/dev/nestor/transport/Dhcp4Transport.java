package dev.nestor.transport;

import java.io.IOException;
import java.util.List;

/**
 * The DHCPv4 server's view of the network: receive datagrams arriving on the server port from the configured
 * interfaces, send replies either through UDP or as link-layer frames.
 *
 * <p>Threads: any number of threads may call {@link #receive()} or {@link #poll()} at once, each datagram goes to
 * one of them (a server's workers can read the socket themselves); {@link #send} may be called from any number of
 * threads concurrently; {@link #close()} may be called from any thread and makes a blocked {@code receive()} or
 * {@code poll()} return {@code null} promptly (well under a second).
 */
public interface Dhcp4Transport extends AutoCloseable {
    /**
     * Blocks until a datagram arrives on a configured interface.
     *
     * @return the datagram, or {@code null} only once the transport is closed
     * @throws IOException on a socket error (the transport stays usable unless closed)
     */
    InboundDatagram receive() throws IOException;

    /**
     * Waits for a datagram for at most about 200 milliseconds.
     *
     * @return the datagram, or {@code null} when none arrived in that time or the transport is closed (see
     *         {@link #isOpen()})
     * @throws IOException on a socket error (the transport stays usable unless closed)
     */
    InboundDatagram poll() throws IOException;

    /** False once {@link #close()} was called. */
    boolean isOpen();

    /**
     * Datagrams the kernel dropped since the socket was opened because its receive buffer was full (the server did
     * not read fast enough); it grows only, and is known as of the last datagram received.
     */
    long receiveBufferDrops();

    /**
     * Sends one datagram.
     *
     * @throws IOException when the kernel refuses it (message names the call, destination and errno)
     */
    void send(OutboundDatagram datagram) throws IOException;

    /** The interfaces this transport accepts packets from, as resolved when it was opened. */
    List<NetInterface> listening();

    /** Idempotent; releases sockets. */
    @Override
    void close();
}
