package dev.nestor.bench;

import dev.nestor.classify.Classifier;
import dev.nestor.classify.expr.Family;
import dev.nestor.classify.expr.PacketView;
import dev.nestor.classify.expr.Pkt4Field;
import dev.nestor.classify.expr.PktField;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.dhcp4.Dhcp4Runtime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** Classification of a DISCOVER: no classes (the builtin ones only) and three expression classes. */
@State(Scope.Thread)
public class ClassifyBench {
    private static final String CLASSES = """
            [ { "name": "pxe", "test": "substring(option[60].hex,0,9) == 'PXEClient'" },
              { "name": "relayed", "test": "pkt4.giaddr == 192.0.2.2" },
              { "name": "vendor-mac", "test": "substring(pkt4.mac,0,2) == 0x000c" } ]
            """;

    @Param({"none", "three"})
    public String classes;

    private Classifier classifier;
    private PacketView view;

    @Setup
    public void setup() throws Exception {
        classifier = Dhcp4Runtime.prepare(Fixtures.config(Fixtures.benchConfig(0, classes.equals("none") ? "" : CLASSES)))
                .classifier();
        view = new View(Fixtures.discover(42));
    }

    @Benchmark
    public Set<String> classify() {
        return classifier.classify(view, Set.of());
    }

    /** The packet as the expression evaluator sees it (the server's own view is package-private). */
    private record View(Dhcp4Packet q) implements PacketView {
        @Override public Family family() { return Family.V4; }

        @Override public Optional<byte[]> option(int code) { return q.option(code).map(Bytes::toArray); }

        @Override
        public byte[] pkt4Field(Pkt4Field field) {
            return switch (field) {
                case MAC -> q.hwAddress().bytes();
                case HLEN -> PacketView.uint32(q.hlen());
                case HTYPE -> PacketView.uint32(q.htype());
                case CIADDR -> Ipv4.toBytes(q.ciaddr());
                case GIADDR -> Ipv4.toBytes(q.giaddr());
                case YIADDR -> Ipv4.toBytes(q.yiaddr());
                case SIADDR -> Ipv4.toBytes(q.siaddr());
                case MSGTYPE -> PacketView.uint32(q.messageType().code());
                case TRANSID -> PacketView.uint32(q.xid() & 0xFFFFFFFFL);
            };
        }

        @Override
        public byte[] pktField(PktField field) {
            return switch (field) {
                case IFACE -> "eth0".getBytes(StandardCharsets.US_ASCII);
                case SRC, DST -> Ipv4.toBytes(q.giaddr());
                case LEN -> PacketView.uint32(300);
            };
        }

        @Override public boolean memberOf(String className) { return false; }
    }
}
