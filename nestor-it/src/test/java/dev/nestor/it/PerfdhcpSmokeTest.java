package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Ipv4Text;
import dev.nestor.it.harness.LeaseFile;
import dev.nestor.it.harness.Perfdhcp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * (e) perfdhcp smoke load: 3000 full DORA exchanges at 200/s from one lab host acting as a relay (giaddr
 * 192.0.2.2, answered by unicast inside the lab), over 200 distinct client MACs so the 241-address pool is never
 * exhausted; every DISCOVER gets an OFFER and every REQUEST an ACK. Bounded by -n, -p 30 s and a process time-out.
 */
class PerfdhcpSmokeTest extends LabTest {
    static final int RATE = 200;
    static final int EXCHANGES = 3000;
    static final int CLIENTS = 200;

    Host perf;

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "perfdhcp");
        Dhcp4Config config = Dhcp4Config.basic(lab);
        config.subnet(1, "192.0.2.0/24", "192.0.2.10 - 192.0.2.250");
        startServer(config);
        perf = lab.addClient("perf", null);
        lab.addAddress(perf, "192.0.2.2/24");
    }

    @Test
    void thousandsOfExchangesWithoutDrops() {
        Perfdhcp.Result r = Perfdhcp.run(lab, perf, RATE, EXCHANGES, CLIENTS, 30);
        dump.add("perfdhcp output", r::output);
        String out = "\n" + r.output();

        assertThat(r.exit()).as("perfdhcp exit code%s", out).isZero();
        assertThat(r.discoverOffer()).as("DISCOVER-OFFER statistics%s", out).isNotNull();
        assertThat(r.requestAck()).as("REQUEST-ACK statistics%s", out).isNotNull();
        // perfdhcp may overshoot -n by a packet or two when it is late on its schedule
        assertThat(r.discoverOffer().sent()).as("DISCOVERs sent%s", out).isBetween((long) EXCHANGES, EXCHANGES + 10L);
        assertThat(r.discoverOffer().drops()).as("DISCOVERs without OFFER%s", out).isZero();
        assertThat(r.discoverOffer().received()).as("OFFERs received%s", out).isEqualTo(r.discoverOffer().sent());
        assertThat(r.requestAck().sent()).as("REQUESTs sent%s", out).isBetween((long) EXCHANGES, EXCHANGES + 10L);
        assertThat(r.requestAck().drops()).as("REQUESTs without ACK%s", out).isZero();
        assertThat(r.requestAck().received()).as("ACKs received%s", out).isEqualTo(r.requestAck().sent());

        // -R draws MACs at random from 200 values: over 3000 exchanges practically all of them are used
        LeaseFile leases = awaitLeases("about one lease per perfdhcp client", f -> f.current().size() >= CLIENTS * 9 / 10);
        assertThat(leases.current()).as("at most one lease per client MAC").hasSizeLessThanOrEqualTo(CLIENTS);
        assertThat(leases.current().keySet()).allSatisfy(a ->
                assertThat(Ipv4Text.inRange(a, "192.0.2.10", "192.0.2.250")).as("lease %s in pool", a).isTrue());
        assertThat(server.control().statistic("pkt4-ack-sent")).as("pkt4-ack-sent").isGreaterThanOrEqualTo(EXCHANGES);
    }
}
