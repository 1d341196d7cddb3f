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
 * tcpdump on a lab host's interface (DHCP's port 67 both ways), and the DHCPACKs in the capture: what the clients
 * were really told, independent of any server's own bookkeeping.
 */
public final class DhcpCapture implements AutoCloseable {
    /** One DHCPACK: the client's hardware address (Kea text form) and the address it was given. */
    public record Ack(String chaddr, String yiaddr) {}

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

    /** Stops tcpdump (it writes out what it has) and returns every DHCPACK captured, in order. */
    public List<Ack> stopAndReadAcks() {
        Processes.terminate(tcpdump.toHandle(), Duration.ofSeconds(5));
        try {
            return acks(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The DHCPACKs (BOOTREPLY with option 53 = 5) of a pcap file of Ethernet frames. */
    static List<Ack> acks(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap);
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) b.order(ByteOrder.BIG_ENDIAN);
        int linkType = b.getInt(20);
        if (linkType != 1) throw new IllegalArgumentException("not an Ethernet capture: link type " + linkType);
        List<Ack> out = new ArrayList<>();
        int at = 24;
        while (at + 16 <= pcap.length) {
            int caplen = b.getInt(at + 8);
            int frame = at + 16;
            at = frame + caplen;
            if (at > pcap.length) break; // cut short by the stop
            Ack a = ack(pcap, frame, caplen);
            if (a != null) out.add(a);
        }
        return out;
    }

    private static Ack ack(byte[] p, int frame, int len) {
        if (len < 14 + 20 + 8 + 240 || u16(p, frame + 12) != 0x0800) return null;
        int ip = frame + 14;
        int ihl = (p[ip] & 0x0F) * 4;
        if (p[ip + 9] != 17) return null;
        int dhcp = ip + ihl + 8;
        int end = frame + len;
        if (dhcp + 240 > end || p[dhcp] != 2) return null; // BOOTREPLY only
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
            if (code == 53 && olen == 1 && o + 2 < end) return (p[o + 2] & 0xFF) == 5 ? new Ack(chaddr, yiaddr) : null;
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
