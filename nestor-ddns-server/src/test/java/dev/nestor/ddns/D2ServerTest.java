package dev.nestor.ddns;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.ddns.config.D2Config;
import dev.nestor.ddns.config.D2ConfigParser;
import dev.nestor.ddns.dns.DnsClient;
import dev.nestor.ddns.dns.DnsResult;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.Dhcid;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.ncr.NcrCodec;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daemon library end to end over real UDP, with a DNS side that answers when the test lets it. */
class D2ServerTest {
    /** Answers NOERROR, but only as often as the test releases it; remembers the order of names it saw. */
    static final class GatedDns implements DnsClient {
        final Semaphore gate = new Semaphore(0);
        final CountDownLatch firstArrived = new CountDownLatch(1);
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public DnsResult send(org.xbill.DNS.Message update, java.net.InetSocketAddress server, org.xbill.DNS.TSIG key, Duration timeout) {
            seen.add(update.getSection(org.xbill.DNS.Section.UPDATE).getLast().getName().toString());
            firstArrived.countDown();
            try {
                gate.acquire();
            } catch (InterruptedException e) {
                return new DnsResult.TimedOut();
            }
            return new DnsResult.Answered(Rcode.NOERROR);
        }
    }

    static int freePort() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    static D2Config config(String extra) throws ConfigException {
        return D2ConfigParser.parse(ConfigText.parse("{ \"DhcpDdns\": { \"port\": " + freePort() + ", \"max-queue-size\": 2,"
                + " \"forward-ddns\": { \"ddns-domains\": [ { \"name\": \"example.org.\", \"dns-servers\": [ { \"ip-address\": \"127.0.0.1\" } ] } ] }"
                + extra + " } }", null));
    }

    static NameChangeRequest ncr(String host, String dhcidHex) {
        return NameChangeRequest.of(ChangeType.ADD, true, false, host + ".example.org", InetAddress.ofLiteral("192.0.2.1"),
                Dhcid.fromHex(dhcidHex), 0, 300);
    }

    static void sendUdp(D2Server s, byte[] datagram) throws Exception {
        try (DatagramSocket sock = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            sock.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), s.listenAddress().getPort()));
        }
    }

    @Test
    void receivedNcrsAreCountedQueuedAndAFullQueueDrops() throws Exception {
        GatedDns dns = new GatedDns();
        try (D2Server s = new D2Server(new StatsRegistry(), dns, () -> 1000L)) {
            s.start(config(""));
            assertThat(s.stats().get(D2Stats.NCR_RECEIVED)).isZero();
            sendUdp(s, NcrCodec.encode(ncr("a", "000101")));
            assertThat(dns.firstArrived.await(30, TimeUnit.SECONDS)).isTrue(); // "a" is in its transaction, held
            // the same client twice more: both stay queued behind its running transaction (a request of another
            // client would be dispatched at once and free its slot, which made this check racy); the queue of 2 is
            // full, so a third request is dropped
            assertThat(s.submit(ncr("a2", "000101"))).isTrue();
            assertThat(s.submit(ncr("a3", "000101"))).isTrue();
            assertThat(s.submit(ncr("c", "000103"))).isFalse();
            assertThat(s.stats().get(D2Stats.QUEUE_FULL)).isEqualTo(1);
            assertThat(s.stats().get(D2Stats.NCR_RECEIVED)).isEqualTo(1);
            dns.gate.release(100);
            assertThat(s.awaitIdle(Duration.ofSeconds(30))).isTrue();
            // a client's requests run one at a time, in the order received
            assertThat(dns.seen).containsExactly("a.example.org.", "a2.example.org.", "a3.example.org.");
            assertThat(s.transactionsCompleted()).isEqualTo(3);
            assertThat(s.stats().get(D2Stats.UPDATE_SENT)).isEqualTo(3);
        }
    }

    @Test
    void aBadDatagramIsCountedInvalid() throws Exception {
        GatedDns dns = new GatedDns();
        dns.gate.release(100);
        try (D2Server s = new D2Server(new StatsRegistry(), dns, () -> 1000L)) {
            s.start(config(""));
            sendUdp(s, new byte[] {0, 2, '{', '}'});
            sendUdp(s, NcrCodec.encode(ncr("x", "0001")));
            // the good one after it proves the bad one was handled first (one receive thread, in order)
            assertThat(dns.firstArrived.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(s.stats().get(D2Stats.NCR_INVALID)).isEqualTo(1);
            assertThat(s.stats().get(D2Stats.NCR_RECEIVED)).isEqualTo(1);
        }
    }

    @Test
    void reconfigurationSwapsKeysAndRefusesWhatCannotBePrepared() throws Exception {
        try (D2Server s = new D2Server(new StatsRegistry(), new GatedDns(), () -> 1000L)) {
            s.start(config(", \"tsig-keys\": [ { \"name\": \"k1\", \"algorithm\": \"HMAC-SHA1\", \"secret\": \"LSWXnfkKZjdPJI5QxlpnfQ==\" } ]"));
            assertThat(s.stats().registry().observation("key[k1.].update-sent")).isPresent();
            D2Config missingFile = config(", \"tsig-keys\": [ { \"name\": \"k2\", \"algorithm\": \"HMAC-SHA1\", \"secret-file\": \"/nonexistent/secret\" } ]");
            assertThatThrownBy(() -> s.reconfigure(missingFile)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("DhcpDdns.tsig-keys[0].secret-file: tsig-key : cannot read secret file /nonexistent/secret");
            assertThat(s.config().tsigKeys()).extracting(k -> k.name()).containsExactly("k1");
            int before = s.listenAddress().getPort();
            s.reconfigure(config(", \"tsig-keys\": [ { \"name\": \"k2\", \"algorithm\": \"HMAC-SHA1\", \"secret\": \"LSWXnfkKZjdPJI5QxlpnfQ==\" } ]"));
            assertThat(s.stats().registry().observation("key[k1.].update-sent")).isEmpty();
            assertThat(s.stats().registry().observation("key[k2.].update-sent")).isPresent();
            // the new configuration's port: the NCR socket moved
            assertThat(s.listenAddress().getPort()).isEqualTo(s.config().port()).isNotEqualTo(before);
        }
    }
}
