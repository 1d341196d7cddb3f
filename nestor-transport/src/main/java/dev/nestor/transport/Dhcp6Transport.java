package dev.nestor.transport;

import java.io.IOException;
import java.util.List;

/**
 * The DHCPv6 server's view of the network: receive datagrams sent to the server port (the ff02::1:2 group, link-local
 * and configured unicast addresses) on the configured interfaces, send replies through UDP.
 *
 * <p>Threads, as {@link Dhcp4Transport}: any number of threads may call {@link #receive()} or {@link #poll()} at
 * once, each datagram goes to one of them; {@link #send} may be called from any number of threads concurrently;
 * {@link #close()} may be called from any thread and makes a blocked {@code receive()} or {@code poll()} return
 * {@code null} promptly (well under a second).
 */
public interface Dhcp6Transport extends AutoCloseable {
    /**
     * Blocks until a datagram arrives on a configured interface.
     *
     * @return the datagram, or {@code null} only once the transport is closed
     * @throws IOException on a socket error (the transport stays usable unless closed)
     */
    InboundDatagram6 receive() throws IOException;

    /**
     * Waits for a datagram for at most about 200 milliseconds.
     *
     * @return the datagram, or {@code null} when none arrived in that time or the transport is closed (see
     *         {@link #isOpen()})
     * @throws IOException on a socket error (the transport stays usable unless closed)
     */
    InboundDatagram6 poll() throws IOException;

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
     * @throws IOException when the kernel refuses it, or the transport is closed (message names the call,
     *                     destination and errno)
     */
    void send(UdpDatagram6 datagram) throws IOException;

    /**
     * The interfaces this transport accepts packets from, as resolved when it was opened; their {@code ipv6} lists are
     * narrowed to the addresses it listens on (link-local ones plus configured unicast ones).
     */
    List<NetInterface> listening();

    /** Idempotent; releases the socket. */
    @Override
    void close();
}
