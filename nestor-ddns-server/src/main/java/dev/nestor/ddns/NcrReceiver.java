package dev.nestor.ddns;

import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.ncr.NcrCodec;
import dev.nestor.ddns.ncr.NcrFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.function.Consumer;

/**
 * Receives NCR datagrams (Kea's {@code NameChangeUDPListener}): each datagram is decoded and handed on, a bad one
 * is counted as {@code ncr-invalid} and dropped, a socket error counts as {@code ncr-error}. One platform thread.
 */
final class NcrReceiver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp-to-d2");

    private final DatagramChannel channel;
    private final D2Stats stats;
    private final Consumer<NameChangeRequest> sink;
    private final Thread thread;
    private volatile boolean closed;

    private NcrReceiver(DatagramChannel channel, D2Stats stats, Consumer<NameChangeRequest> sink) {
        this.channel = channel;
        this.stats = stats;
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("ncr-receiver").daemon(true).unstarted(this::run);
    }

    /** Binds {@code address} and starts receiving. @throws IOException when the address cannot be bound */
    static NcrReceiver open(InetSocketAddress address, D2Stats stats, Consumer<NameChangeRequest> sink) throws IOException {
        DatagramChannel ch = DatagramChannel.open(address.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(address);
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot listen for NCRs on " + address + ": " + e.getMessage(), e);
        }
        NcrReceiver r = new NcrReceiver(ch, stats, sink);
        r.thread.start();
        return r;
    }

    InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        while (!closed) {
            buf.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(buf);
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException e) {
                if (closed) break;
                stats.count(D2Stats.NCR_ERROR);
                log.error("DHCP_DDNS_NCR_UDP_RECV_ERROR NCR receive failed: {}", e.getMessage());
                continue;
            }
            buf.flip();
            byte[] data = new byte[buf.remaining()];
            buf.get(data);
            NameChangeRequest ncr;
            try {
                ncr = NcrCodec.decode(data);
            } catch (NcrFormatException e) {
                stats.count(D2Stats.NCR_INVALID);
                log.error("DHCP_DDNS_INVALID_NCR invalid NCR from {}: {}", from, e.getMessage());
                continue;
            }
            stats.count(D2Stats.NCR_RECEIVED);
            log.debug("DHCP_DDNS_NCR_RECEIVED from {}: {}", from, ncr.describe());
            sink.accept(ncr);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing to report
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
