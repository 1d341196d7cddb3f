package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs without privileges: the DHCPv6 transport on loopback, named explicitly with its ::1 address. */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not an assertion on speed
class Loopback6TransportTest {
    private static final int PORT = 15471;
    private static final byte[] LOOPBACK = Ipv6Text.parse("::1");
    private static NetInterface lo;

    @BeforeAll
    static void findLoopback() {
        lo = Interfaces.list().stream().filter(NetInterface::loopback).findFirst().orElseThrow();
        assertThat(lo.hasIpv6(LOOPBACK)).as("loopback has ::1 (IPv6 enabled)").isTrue();
    }

    private static Transport6Options options(String... interfaces) {
        return new Transport6Options(List.of(interfaces), PORT, 15472);
    }

    @Test
    void receivesUnicastWithPktinfoAndRepliesFromTheSameAddress() throws Exception {
        InetAddress loopback = InetAddress.getByAddress(LOOPBACK);
        try (Dhcp6Transport t = Dhcp6Transports.open(options(lo.name() + "/::1"));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            assertThat(t.listening()).singleElement().satisfies(ni -> {
                assertThat(ni.name()).isEqualTo(lo.name());
                assertThat(ni.ipv6()).containsExactly(InterfaceAddress6.of("::1", 128));
            });

            byte[] hello = "solicit".getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(hello, hello.length, loopback, PORT));
            InboundDatagram6 in = receiveFrom(t, client.getLocalPort());
            assertThat(in.data()).isEqualTo(hello);
            assertThat(in.sourceText()).isEqualTo("::1");
            assertThat(in.destinationText()).isEqualTo("::1");
            assertThat(in.isMulticast()).isFalse();
            assertThat(in.interfaceIndex()).isEqualTo(lo.index());
            assertThat(in.interfaceName()).isEqualTo(lo.name());

            byte[] reply = "reply".getBytes(StandardCharsets.US_ASCII);
            t.send(new UdpDatagram6(reply, in.sourceAddress(), in.sourcePort(), in.interfaceIndex(), in.destinationAddress()));
            DatagramPacket got = new DatagramPacket(new byte[100], 100);
            client.receive(got);
            assertThat(new String(got.getData(), 0, got.getLength(), StandardCharsets.US_ASCII)).isEqualTo("reply");
            assertThat(got.getAddress()).isEqualTo(loopback);
            assertThat(got.getPort()).isEqualTo(PORT);
        }
    }

    private static InboundDatagram6 receiveFrom(Dhcp6Transport t, int port) throws IOException {
        while (true) {
            InboundDatagram6 d = t.receive();
            assertThat(d).isNotNull();
            if (d.sourcePort() == port) return d;
        }
    }

    @Test
    void closeReturnsNullFromABlockedReceiveAndIsIdempotent() throws Exception {
        Dhcp6Transport t = Dhcp6Transports.open(options(lo.name()));
        InboundDatagram6[] result = {new InboundDatagram6(new byte[0], LOOPBACK, 0, LOOPBACK, 1, "x", 0)};
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
        assertThatThrownBy(() -> t.send(new UdpDatagram6(new byte[1], LOOPBACK, 9, 0)))
                .isInstanceOf(IOException.class).hasMessage("transport closed");
    }

    @Test
    void openErrorsNameTheInterfaceOrAddress() {
        assertThatThrownBy(() -> Dhcp6Transports.open(options("nosuch0")))
                .isInstanceOf(IOException.class).hasMessage("interface nosuch0 does not exist");
        assertThatThrownBy(() -> Dhcp6Transports.open(options(lo.name() + "/2001:db8::99")))
                .isInstanceOf(IOException.class).hasMessage("interface " + lo.name() + " has no address 2001:db8::99");
    }

    @Test
    void sendFailuresNameTheCallTheAddressesAndTheErrno() throws Exception {
        try (Dhcp6Transport t = Dhcp6Transports.open(options(lo.name()))) {
            // a source address that is not ours
            assertThatThrownBy(() -> t.send(new UdpDatagram6(new byte[1], LOOPBACK, 9, 0, Ipv6Text.parse("2001:db8::5"))))
                    .isInstanceOf(IOException.class)
                    .hasMessageMatching("sendmsg to \\[::1\\]:9 via routing from 2001:db8::5: E[A-Z]+ \\(\\d+\\)");
        }
    }
}
