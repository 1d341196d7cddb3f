package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.Dhclient6;
import dev.nestor.it.harness.Dhcp6Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LeaseFile6;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ISC {@code dhclient -6 -N -P} against the real nestor-dhcp6 in an IPv6 lab (2001:db8::/32, no DAD): it gets an
 * address from the pool and a /56 from the pd-pool with the configured lifetimes and DNS servers, renews them on its
 * own at T1 (2 s here), and releases them; the lease file holds Kea's rows at each step.
 */
class Dhcp6ClientTest extends LabTest {
    @BeforeAll
    void setUp() {
        createLab6("2001:db8:1::1/64", "dhclient");
        Dhcp6Config config = Dhcp6Config.basic(lab).option("dns-servers", "2001:db8:1::53");
        config.dhcp6().put("renew-timer", 2).put("rebind-timer", 4);
        ObjectNode subnet = config.subnet(1, "2001:db8:1::/64", "2001:db8:1::100 - 2001:db8:1::1ff");
        subnet.put("interface", lab.serverIface());
        Dhcp6Config.pdPool(subnet, "2001:db8:8000::", 40, 56);
        startServer(config);
    }

    static boolean inRange(String address, String first, String last) {
        BigInteger a = big(address);
        return a.compareTo(big(first)) >= 0 && a.compareTo(big(last)) <= 0;
    }

    static BigInteger big(String address) {
        return new BigInteger(1, InetAddress.ofLiteral(address).getAddress());
    }

    @Test
    void dhclientGetsAnAddressAndAPrefixRenewsAndReleases() throws Exception {
        Host h = lab.addClient("c6", "02:00:00:00:06:01");
        Dhclient6 c = client(new Dhclient6(lab, h, true));
        Dhclient6.Bound bound = c.obtain6();

        assertThat(inRange(bound.address(), "2001:db8:1::100", "2001:db8:1::1ff")).as("address %s in the pool", bound.address()).isTrue();
        assertThat(bound.prefix()).as("delegated prefix").endsWith("/56");
        String prefix = bound.prefix().substring(0, bound.prefix().indexOf('/'));
        assertThat(inRange(prefix, "2001:db8:8000::", "2001:db8:80ff:ffff:ffff:ffff:ffff:ffff")).as("prefix in the pd-pool").isTrue();
        assertThat(bound.dnsServers()).containsExactly("2001:db8:1::53");
        assertThat(bound.validLifetime()).isEqualTo(600);
        assertThat(bound.preferredLifetime()).isEqualTo(300);
        assertThat(bound.renew()).as("T1").isEqualTo(2);

        LeaseFile6 file = awaitLeases6("address and prefix in the lease file", f -> f.currentFor(c.duid()).size() == 2);
        List<LeaseFile6.Row> rows = file.currentFor(c.duid());
        LeaseFile6.Row na = rows.stream().filter(r -> r.leaseType() == 0).findFirst().orElseThrow();
        LeaseFile6.Row pd = rows.stream().filter(r -> r.leaseType() == 2).findFirst().orElseThrow();
        assertThat(na.address()).isEqualTo(bound.address());
        assertThat(na.prefixLength()).isEqualTo(128);
        assertThat(pd.address()).isEqualTo(prefix);
        assertThat(pd.prefixLength()).isEqualTo(56);
        for (LeaseFile6.Row r : rows) {
            assertThat(r.subnetId()).isEqualTo(1);
            assertThat(r.validLifetime()).isEqualTo(600);
            assertThat(r.preferredLifetime()).isEqualTo(300);
            assertThat(r.state()).isZero();
            assertThat(r.hwaddr()).as("hardware address from the DUID-LL").isEqualTo(h.mac());
        }
        long firstExpire = na.expire();

        Dhclient6.Bound renewed = c.awaitRenew6();
        assertThat(renewed.address()).isEqualTo(bound.address());
        assertThat(renewed.prefix()).isEqualTo(bound.prefix());
        awaitLeases6("renewal written", f -> f.history(bound.address()).size() >= 2);
        assertThat(server.control().statistic("pkt6-renew-received")).isGreaterThanOrEqualTo(1);
        assertThat(server.control().statistic("subnet[1].assigned-nas")).isEqualTo(1);
        assertThat(server.control().statistic("subnet[1].assigned-pds")).isEqualTo(1);

        ObjectNode q = Json.MAPPER.createObjectNode().put("ip-address", bound.address());
        JsonNode got = server.control().command("lease6-get", q);
        assertThat(got.path("result").asInt()).as("lease6-get: %s", got).isZero();
        assertThat(got.path("arguments").path("duid").asText()).isEqualTo(c.duid());
        assertThat(got.path("arguments").path("cltt").asLong() + 600).isGreaterThanOrEqualTo(firstExpire);

        c.release();
        LeaseFile6 after = awaitLeases6("both leases deleted after RELEASE", f -> f.currentFor(c.duid()).isEmpty());
        assertThat(after.history(bound.address()).getLast().isDeletion()).isTrue();
        assertThat(server.control().command("lease6-get", q).path("result").asInt()).as("lease6-get after release").isEqualTo(3);
        assertThat(server.control().statistic("subnet[1].assigned-nas")).isZero();
        assertThat(server.control().statistic("subnet[1].assigned-pds")).isZero();
    }
}
