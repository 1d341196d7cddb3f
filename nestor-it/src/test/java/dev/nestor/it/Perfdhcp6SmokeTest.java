package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.Dhcp6Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.LeaseFile6;
import dev.nestor.it.harness.Perfdhcp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * perfdhcp -6 smoke load: 2000 SOLICIT-ADVERTISE-REQUEST-REPLY exchanges at 200/s, each asking for an address
 * and a prefix ({@code -e address-and-prefix}), over 200 client DUIDs, from a lab host's link-local address;
 * no exchange may be dropped. Bounded by -n, -p 30 s and a process time-out.
 */
class Perfdhcp6SmokeTest extends LabTest {
    static final int RATE = 200;
    static final int EXCHANGES = 2000;
    static final int CLIENTS = 200;

    Host perf;

    @BeforeAll
    void setUp() {
        createLab6("2001:db8:1::1/64", "perfdhcp");
        Dhcp6Config config = Dhcp6Config.basic(lab);
        ObjectNode subnet = config.subnet(1, "2001:db8:1::/64", "2001:db8:1::1000 - 2001:db8:1::1fff");
        subnet.put("interface", lab.serverIface());
        Dhcp6Config.pdPool(subnet, "2001:db8:8000::", 40, 56);
        startServer(config);
        perf = lab.addClient("perf6", null);
    }

    @Test
    void thousandsOfExchangesWithoutDrops() {
        Perfdhcp.Result r = Perfdhcp.run6(lab, perf, RATE, EXCHANGES, CLIENTS, 30, true);
        dump.add("perfdhcp -6 output", r::output);
        String out = "\n" + r.output();
        Perfdhcp.Exchange sa = r.discoverOffer(), rr = r.requestAck();

        assertThat(r.exit()).as("perfdhcp exit code%s", out).isZero();
        assertThat(sa).as("SOLICIT-ADVERTISE statistics%s", out).isNotNull();
        assertThat(rr).as("REQUEST-REPLY statistics%s", out).isNotNull();
        assertThat(sa.sent()).as("SOLICITs sent%s", out).isBetween((long) EXCHANGES, EXCHANGES + 10L);
        assertThat(sa.drops()).as("SOLICITs without ADVERTISE%s", out).isZero();
        assertThat(sa.received()).as("ADVERTISEs received%s", out).isEqualTo(sa.sent());
        assertThat(rr.sent()).as("REQUESTs sent%s", out).isBetween((long) EXCHANGES, EXCHANGES + 10L);
        assertThat(rr.drops()).as("REQUESTs without REPLY%s", out).isZero();
        assertThat(rr.received()).as("REPLYs received%s", out).isEqualTo(rr.sent());

        // one address and one prefix per client DUID, whatever the number of exchanges it made
        LeaseFile6 leases = awaitLeases6("about one address and one prefix per client",
                f -> f.current().values().stream().filter(x -> x.leaseType() == 2).count() >= CLIENTS * 9 / 10);
        long addresses = leases.current().values().stream().filter(x -> x.leaseType() == 0).count();
        long prefixes = leases.current().values().stream().filter(x -> x.leaseType() == 2).count();
        assertThat(addresses).as("at most one address per client").isLessThanOrEqualTo(CLIENTS);
        assertThat(prefixes).as("at most one prefix per client").isLessThanOrEqualTo(CLIENTS);
        assertThat(server.control().statistic("pkt6-reply-sent")).as("pkt6-reply-sent").isGreaterThanOrEqualTo(EXCHANGES);
        assertThat(server.control().statistic("pkt6-receive-drop")).as("pkt6-receive-drop").isZero();
    }
}
