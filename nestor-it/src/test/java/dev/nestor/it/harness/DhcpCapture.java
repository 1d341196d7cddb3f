package dev.nestor.it.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * tcpdump on a lab host's interface (DHCP's ports both ways), and the DHCP messages in the capture: what the
 * clients asked and were really told, independent of any server's own bookkeeping.
 */
public final class DhcpCapture implements AutoCloseable {
    /**
     * One DHCP message seen on the wire.
     *
     * @param micros  capture time, microseconds since the epoch (the host's clock: captures in several
     *                namespaces can be merged by it)
     * @param type    option 53 (1 DISCOVER, 3 REQUEST, 5 ACK, 6 NAK, ...)
     * @param chaddr  the client's hardware address (Kea text form)
     * @param yiaddr  the address given to the client ("0.0.0.0" in requests)
     */
    public record Message(long micros, int type, String chaddr, String yiaddr) {
        public static final int DISCOVER = 1;
        public static final int ACK = 5;
    }

    private final Path file;
    private final Path log;
    private final Process tcpdump;

    private DhcpCapture(Path file, Path log, Process tcpdump) {
        this.file = file;
        this.log = log;
        this.tcpdump = tcpdump;
    }

    /** Starts capturing and waits (bounded) until tcpdump listens. */
    public static DhcpCapture start(NetnsLab lab, Host host) {
        Path file = lab.workDir().resolve("capture-" + host.iface() + ".pcap");
        Path log = lab.workDir().resolve("tcpdump-" + host.iface() + ".log");
        Process p = lab.startTool(host.netns(), List.of("tcpdump", "-i", host.iface(), "-n", "-U", "-s", "1500", "-w",
                file.toString(), "udp port 67 or udp port 68"), log);
        DhcpCapture c = new DhcpCapture(file, log, p);
        await("tcpdump listening on " + host.iface()).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!p.isAlive()) throw new AssertionError("tcpdump exited:\n" + ServerProcess.tail(log, 20));
                    return Files.exists(log) && Files.readString(log).contains("listening on");
                });
        return c;
    }

    /** Stops tcpdump (it writes out what it has) and returns every DHCP message captured, in order. */
    public List<Message> stopAndRead() {
        Processes.terminate(tcpdump.toHandle(), Duration.ofSeconds(5));
        try {
            return messages(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The DHCP messages (with option 53) of a pcap file of Ethernet frames. */
    static List<Message> messages(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap);
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) b.order(ByteOrder.BIG_ENDIAN);
        int linkType = b.getInt(20);
        if (linkType != 1) throw new IllegalArgumentException("not an Ethernet capture: link type " + linkType);
        boolean nanos = magic == 0xa1b23c4d || Integer.reverseBytes(magic) == 0xa1b23c4d;
        List<Message> out = new ArrayList<>();
        int at = 24;
        while (at + 16 <= pcap.length) {
            long micros = (b.getInt(at) & 0xFFFFFFFFL) * 1_000_000L + (b.getInt(at + 4) & 0xFFFFFFFFL) / (nanos ? 1000 : 1);
            int caplen = b.getInt(at + 8);
            int frame = at + 16;
            at = frame + caplen;
            if (at > pcap.length) break; // cut short by the stop
            Message m = message(pcap, frame, caplen, micros);
            if (m != null) out.add(m);
        }
        return out;
    }

    private static Message message(byte[] p, int frame, int len, long micros) {
        if (len < 14 + 20 + 8 + 240 || u16(p, frame + 12) != 0x0800) return null;
        int ip = frame + 14;
        int ihl = (p[ip] & 0x0F) * 4;
        if (p[ip + 9] != 17) return null;
        int dhcp = ip + ihl + 8;
        int end = frame + len;
        if (dhcp + 240 > end) return null;
        int hlen = Math.min(p[dhcp + 2] & 0xFF, 16);
        String chaddr = HexFormat.ofDelimiter(":").formatHex(p, dhcp + 28, dhcp + 28 + hlen);
        String yiaddr = (p[dhcp + 16] & 0xFF) + "." + (p[dhcp + 17] & 0xFF) + "." + (p[dhcp + 18] & 0xFF) + "." + (p[dhcp + 19] & 0xFF);
        for (int o = dhcp + 240; o < end; ) {
            int code = p[o] & 0xFF;
            if (code == 255) break;
            if (code == 0) {
                o++;
                continue;
            }
            if (o + 1 >= end) break;
            int olen = p[o + 1] & 0xFF;
            if (code == 53 && olen == 1 && o + 2 < end) return new Message(micros, p[o + 2] & 0xFF, chaddr, yiaddr);
            o += 2 + olen;
        }
        return null;
    }

    private static int u16(byte[] p, int i) {
        return (p[i] & 0xFF) << 8 | (p[i + 1] & 0xFF);
    }

    public String logTail() {
        return ServerProcess.tail(log, 20);
    }

    @Override
    public void close() {
        if (tcpdump.isAlive()) Processes.terminate(tcpdump.toHandle(), Duration.ofSeconds(3));
    }
}
