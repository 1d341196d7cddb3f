package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.net.Ipv4;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs without privileges: UDP mode on loopback, named explicitly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not an assertion on speed
class LoopbackTransportTest {
    private static final int PORT = 10167;

    @Test
    void receivesWithPktinfoAndRepliesThroughTheSameInterface() throws Exception {
        NetInterface lo = Interfaces.list().stream().filter(NetInterface::loopback).findFirst().orElseThrow();
        try (Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of(lo.name()), false, PORT, 10168));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(t.listening()).extracting(NetInterface::name).containsExactly(lo.name());

            byte[] hello = "discover".getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(hello, hello.length, InetAddress.getLoopbackAddress(), PORT));
            InboundDatagram in = receiveFrom(t, client.getLocalPort());
            assertThat(in.data()).isEqualTo(hello);
            assertThat(in.sourceAddress()).isEqualTo(Ipv4.parse("127.0.0.1"));
            assertThat(in.destinationAddress()).isEqualTo(Ipv4.parse("127.0.0.1"));
            assertThat(in.interfaceIndex()).isEqualTo(lo.index());
            assertThat(in.interfaceName()).isEqualTo(lo.name());
            assertThat(in.isBroadcast()).isFalse();

            byte[] offer = "offer".getBytes(StandardCharsets.US_ASCII);
            t.send(new UdpDatagram(offer, in.sourceAddress(), in.sourcePort(), in.interfaceIndex(), in.destinationAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[100], 100);
            client.receive(reply);
            assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII)).isEqualTo("offer");
            assertThat(reply.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(reply.getPort()).isEqualTo(PORT);
        }
    }

    @Test
    void severalThreadsReceiveAtOnceAndKernelDropsAreCounted() throws Exception {
        NetInterface lo = Interfaces.list().stream().filter(NetInterface::loopback).findFirst().orElseThrow();
        try (Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of(lo.name()), false, PORT + 2, 10168));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(t.receiveBufferDrops()).isZero();
            // nobody reads: far more than the socket buffer holds, so the kernel drops the rest
            byte[] payload = new byte[300];
            int sent = 5000;
            for (int i = 0; i < sent; i++) {
                payload[0] = (byte) i;
                client.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), PORT + 2));
            }
            // two readers drain the socket concurrently, each with its own buffers
            java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
            Runnable drain = () -> {
                try {
                    while (t.poll() != null) received.incrementAndGet();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            };
            CompletableFuture<Void> a = CompletableFuture.runAsync(drain), b = CompletableFuture.runAsync(drain);
            CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);
            assertThat(received.get()).isPositive().isLessThan(sent);
            // the kernel stamps its drop count on datagrams queued after the drops: the next one tells
            client.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), PORT + 2));
            assertThat(t.receive()).isNotNull();
            // every datagram of the flood was either read or counted as dropped by the kernel
            assertThat(received.get() + t.receiveBufferDrops()).isEqualTo(sent);
            assertThat(t.isOpen()).isTrue();
        }
    }

    private static InboundDatagram receiveFrom(Dhcp4Transport t, int port) throws IOException {
        while (true) {
            InboundDatagram d = t.receive();
            assertThat(d).isNotNull();
            if (d.sourcePort() == port) return d;
        }
    }

    @Test
    void wildcardIgnoresLoopback() throws Exception {
        Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of("*"), false, PORT, 10168));
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(t.listening()).noneMatch(NetInterface::loopback);
            client.send(new DatagramPacket(new byte[] {1}, 1, InetAddress.getLoopbackAddress(), PORT));
            // nothing arrives: close from another thread ends the blocked receive with null
            CompletableFuture<InboundDatagram> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return t.receive();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            t.close();
            assertThat(received.get()).isNull();
        } finally {
            t.close();
        }
    }

    @Test
    void closeReturnsNullFromABlockedReceiveAndIsIdempotent() throws Exception {
        Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of("lo"), false, PORT, 10168));
        InboundDatagram[] result = {new InboundDatagram(new byte[0], 0, 0, 0, 1, "x", 0)};
        Thread receiver = Thread.ofPlatform().start(() -> {
            try {
                result[0] = t.receive();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        while (receiver.getState() != Thread.State.RUNNABLE || receiver.getStackTrace().length == 0) Thread.onSpinWait();
        t.close();
        t.close();
        receiver.join();
        assertThat(result[0]).isNull();
        assertThat(t.receive()).isNull();
        assertThatThrownBy(() -> t.send(new UdpDatagram(new byte[1], Ipv4.parse("127.0.0.1"), 9, 0, 0)))
                .isInstanceOf(IOException.class).hasMessage("transport closed");
    }

    @Test
    void errorsNameTheCallTheAddressAndTheErrno() {
        assertThatThrownBy(() -> Dhcp4Transports.open(new TransportOptions(List.of("lo"), false, PORT, 10168, Ipv4.parse("203.0.113.99"))))
                .isInstanceOf(IOException.class).hasMessage("bind 203.0.113.99:" + PORT + ": EADDRNOTAVAIL (99)");
        assertThatThrownBy(() -> Dhcp4Transports.open(new TransportOptions(List.of("nosuch0"), false, PORT, 10168)))
                .isInstanceOf(IOException.class).hasMessage("interface nosuch0 does not exist");
    }

    @Test
    void sendFailuresAreReported() throws Exception {
        try (Dhcp4Transport t = Dhcp4Transports.open(new TransportOptions(List.of("lo"), false, PORT, 10168))) {
            // a source address that is not ours
            assertThatThrownBy(() -> t.send(new UdpDatagram(new byte[1], Ipv4.parse("127.0.0.1"), 9, 0, Ipv4.parse("203.0.113.5"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageMatching("sendmsg to 127\\.0\\.0\\.1:9 via routing from 203\\.0\\.113\\.5: E[A-Z]+ \\(\\d+\\)");
        }
    }
}
