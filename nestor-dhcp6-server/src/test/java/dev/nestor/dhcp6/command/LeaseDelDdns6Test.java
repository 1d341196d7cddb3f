package dev.nestor.dhcp6.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.Bytes;
import dev.nestor.config.model.DdnsConnectivity;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.Dhcid;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.ncr.NcrCodec;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** lease6-del with Kea's {@code update-ddns}: the lease's DNS records are removed through the DDNS daemon. */
class LeaseDelDdns6Test extends CommandTest6 {
    private static final String DUID = "00:03:00:01:02:00:00:00:00:07";

    @Test
    void updateDdnsQueuesTheRemovalOfANamedAddressLease() throws Exception {
        try (DatagramSocket daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            daemon.setSoTimeout(10_000);
            f.server.ddns().configure(new DdnsConnectivity(true, "127.0.0.1", daemon.getLocalPort(), "0.0.0.0", 0, 16, "UDP", "JSON"));
            String lease = "{ \"ip-address\": \"%s\", \"duid\": \"" + DUID + "\", \"iaid\": 7, \"hostname\": \"h.example.org.\","
                    + " \"fqdn-fwd\": true, \"fqdn-rev\": true }";
            assertThat(f.run("lease6-add", lease.formatted("2001:db8:1::150")).result()).isZero();
            assertThat(f.run("lease6-add", lease.formatted("2001:db8:1::151")).result()).isZero();

            // without update-ddns the records stay
            assertThat(f.run("lease6-del", "{ \"ip-address\": \"2001:db8:1::150\" }").result()).isZero();
            assertThat(f.server.ddns().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(f.server.ddns().sentCount()).isZero();

            assertThat(f.run("lease6-del", "{ \"ip-address\": \"2001:db8:1::151\", \"update-ddns\": true }").result()).isZero();
            byte[] buf = new byte[4096];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            daemon.receive(p);
            NameChangeRequest ncr = NcrCodec.decode(buf, 0, p.getLength());
            assertThat(ncr.changeType()).isEqualTo(ChangeType.REMOVE);
            assertThat(ncr.fqdn()).isEqualTo("h.example.org.");
            assertThat(ncr.ipAddressText()).isEqualTo("2001:db8:1::151");
            assertThat(ncr.dhcid()).isEqualTo(Dhcid.fromDuid(Bytes.fromHex(DUID.replace(":", "")), "h.example.org."));
        }
    }
}
