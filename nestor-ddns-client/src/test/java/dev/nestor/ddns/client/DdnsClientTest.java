package dev.nestor.ddns.client;

import dev.nestor.common.net.HwAddress;
import dev.nestor.config.model.DdnsConnectivity;
import dev.nestor.config.model.DdnsParams;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.ncr.NcrCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The client against a UDP socket standing in for the DDNS daemon. */
class DdnsClientTest {
    private static final HwAddress HW = HwAddress.parse("02:00:00:00:00:01");
    private DatagramSocket daemon;
    private final DdnsClient client = new DdnsClient();

    @BeforeEach
    void open() throws Exception {
        daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon.setSoTimeout(10_000);
    }

    @AfterEach
    void close() {
        client.close();
        daemon.close();
    }

    private void enable() throws Exception {
        client.configure(new DdnsConnectivity(true, "127.0.0.1", daemon.getLocalPort(), "127.0.0.1", 0, 16, "UDP", "JSON"));
    }

    private NameChangeRequest receive() throws Exception {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        daemon.receive(p);
        return NcrCodec.decode(buf, 0, p.getLength());
    }

    private static DnsLease lease(String host, String name) throws Exception {
        return DnsLease.v4(InetAddress.getByName(host), name, true, true, 7200, 1_800_000_000L, null, HW);
    }

    private static DdnsParams params(boolean sendUpdates, boolean updateOnRenew) {
        return new DdnsParams(sendUpdates, false, false, "never", "myhost", "", updateOnRenew, "check-with-dhcid", null);
    }

    @Test
    void disabledClientSendsNothing() throws Exception {
        assertThat(client.enabled()).isFalse();
        assertThat(client.leaseGranted(lease("192.0.2.10", "a.example."), null, params(true, false))).isZero();
        client.configure(DdnsConnectivity.defaults());
        assertThat(client.enabled()).isFalse();
    }

    @Test
    void newLeaseIsAddedAndReleasedLeaseRemoved() throws Exception {
        enable();
        assertThat(client.leaseGranted(lease("192.0.2.10", "a.example."), null, params(true, false))).isEqualTo(1);
        NameChangeRequest add = receive();
        assertThat(add.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(add.fqdn()).isEqualTo("a.example.");
        assertThat(add.ipAddressText()).isEqualTo("192.0.2.10");
        // ddns-send-updates off does not stop a removal
        assertThat(client.leaseRemoved(lease("192.0.2.10", "a.example."), params(false, false))).isTrue();
        NameChangeRequest remove = receive();
        assertThat(remove.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(remove.dhcid()).isEqualTo(add.dhcid());
        assertThat(client.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(client.sentCount()).isEqualTo(2);
    }

    @Test
    void renewalWithTheSameNameSendsNothingUnlessUpdateOnRenew() throws Exception {
        enable();
        DnsLease l = lease("192.0.2.10", "a.example.");
        assertThat(client.leaseGranted(l, l, params(true, false))).isZero();
        assertThat(client.leaseGranted(l, l, params(false, true))).isZero();
        assertThat(client.leaseGranted(l, l, params(true, true))).isEqualTo(2);
        assertThat(receive().changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(receive().changeType()).isEqualTo(ChangeType.ADD);
    }

    @Test
    void changedNameRemovesTheOldOneThenAddsTheNew() throws Exception {
        enable();
        assertThat(client.leaseGranted(lease("192.0.2.10", "b.example."), lease("192.0.2.10", "a.example."),
                params(true, false))).isEqualTo(2);
        NameChangeRequest first = receive();
        NameChangeRequest second = receive();
        assertThat(first.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(first.fqdn()).isEqualTo("a.example.");
        assertThat(second.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(second.fqdn()).isEqualTo("b.example.");
    }

    @Test
    void reconfigurationMovesToTheNewDaemonAndDisablingStopsSending() throws Exception {
        enable();
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            other.setSoTimeout(10_000);
            client.configure(new DdnsConnectivity(true, "127.0.0.1", other.getLocalPort(), "127.0.0.1", 0, 16, "UDP", "JSON"));
            client.leaseGranted(lease("192.0.2.11", "c.example."), null, params(true, false));
            byte[] buf = new byte[4096];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            other.receive(p);
            assertThat(NcrCodec.decode(buf, 0, p.getLength()).fqdn()).isEqualTo("c.example.");
        }
        client.configure(DdnsConnectivity.defaults());
        assertThat(client.enabled()).isFalse();
        assertThat(client.leaseRemoved(lease("192.0.2.11", "c.example."), null)).isFalse();
    }
}
