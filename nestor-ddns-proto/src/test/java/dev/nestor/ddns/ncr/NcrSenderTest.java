package dev.nestor.ddns.ncr;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NcrSenderTest {
    private static NameChangeRequest ncr(int i) {
        return NameChangeRequest.of(ChangeType.ADD, true, true, "host" + i + ".example.org",
                InetAddress.ofLiteral("192.0.2." + i), Dhcid.fromHex("000101020304"), 1700000000L, 3600);
    }

    @Test
    void sendsQueuedRequestsInOrderAsKeaDatagrams() throws Exception {
        try (DatagramChannel d2 = DatagramChannel.open(StandardProtocolFamily.INET)) {
            d2.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InetSocketAddress at = (InetSocketAddress) d2.getLocalAddress();
            try (NcrSender sender = new NcrSender(at, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16)) {
                sender.start();
                for (int i = 1; i <= 3; i++) assertThat(sender.send(ncr(i))).isTrue();
                assertThat(sender.awaitIdle(Duration.ofSeconds(10))).isTrue();
                List<NameChangeRequest> got = new ArrayList<>();
                ByteBuffer buf = ByteBuffer.allocate(65536);
                for (int i = 0; i < 3; i++) {
                    buf.clear();
                    InetSocketAddress from = (InetSocketAddress) d2.receive(buf);
                    assertThat(from.getPort()).isEqualTo(sender.localAddress().getPort());
                    buf.flip();
                    byte[] b = new byte[buf.remaining()];
                    buf.get(b);
                    got.add(NcrCodec.decode(b));
                }
                assertThat(got).containsExactly(ncr(1), ncr(2), ncr(3));
                assertThat(sender.sentCount()).isEqualTo(3);
                assertThat(sender.droppedCount()).isZero();
            }
        }
    }

    @Test
    void aFullQueueDropsInsteadOfBlockingTheDhcpServer() throws Exception {
        InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
        NcrSender sender = new NcrSender(nowhere, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2);
        // not started: nothing drains the queue
        assertThat(sender.send(ncr(1))).isTrue();
        assertThat(sender.send(ncr(2))).isTrue();
        assertThat(sender.send(ncr(3))).isFalse();
        assertThat(sender.queueSize()).isEqualTo(2);
        assertThat(sender.droppedCount()).isEqualTo(1);
        sender.close();
        assertThat(sender.droppedCount()).isEqualTo(3);
        assertThat(sender.send(ncr(4))).isFalse();
        assertThat(sender.awaitIdle(Duration.ofSeconds(1))).isTrue();
    }
}
