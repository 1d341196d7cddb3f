package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Perfdhcp;
import dev.nestor.it.harness.ServerKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both ways datagrams reach the threads, with perfdhcp as the client: Kea's receive thread and drop-oldest queue
 * (a config that sets packet-queue-size), then, switched by config-set without a restart, Nestor's default where
 * every thread reads the socket. Each serves 1000 DORA exchanges without a drop, and status-get tells which runs.
 */
class DispatchModesTest extends LabTest {
    Host perf;

    @BeforeAll
    void setUp() {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "nestor-dispatch is Nestor's");
        createLab("192.0.2.1/24", "perfdhcp");
        startServer(config(true));
        perf = lab.addClient("perf", null);
        lab.addAddress(perf, "192.0.2.2/24");
    }

    /** Two threads, with Kea's queue of 64 or without a queue size (each thread reads the socket). */
    Dhcp4Config config(boolean keaQueue) {
        Dhcp4Config c = Dhcp4Config.basic(lab);
        c.subnet(1, "192.0.2.0/24", "192.0.2.10 - 192.0.2.250");
        ObjectNode mt = c.dhcp4().putObject("multi-threading");
        mt.put("enable-multi-threading", true).put("thread-pool-size", 2);
        if (keaQueue) mt.put("packet-queue-size", 64);
        return c;
    }

    void serves1000ExchangesWithoutDrops(String mode) {
        Perfdhcp.Result r = Perfdhcp.run(lab, perf, 200, 1000, 150, 30);
        dump.add("perfdhcp output (" + mode + ")", r::output);
        String out = "\n" + r.output();
        assertThat(r.exit()).as("%s: perfdhcp exit code%s", mode, out).isZero();
        assertThat(r.discoverOffer().drops()).as("%s: DISCOVERs without OFFER%s", mode, out).isZero();
        assertThat(r.requestAck().drops()).as("%s: REQUESTs without ACK%s", mode, out).isZero();
        assertThat(r.requestAck().received()).as("%s: ACKs%s", mode, out).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void keasQueueThenThreadsReadingTheSocketAfterConfigSet() {
        JsonNode status = server.control().command("status-get").path("arguments");
        assertThat(status.path("multi-threading-enabled").asBoolean()).isTrue();
        assertThat(status.path("thread-pool-size").asInt()).isEqualTo(2);
        assertThat(status.path("packet-queue-size").asInt()).as("Kea's queue").isEqualTo(64);
        serves1000ExchangesWithoutDrops("queue");

        assertThat(server.control().command("config-set", config(false).document()).path("result").asInt()).isZero();
        status = server.control().command("status-get").path("arguments");
        assertThat(status.path("thread-pool-size").asInt()).isEqualTo(2);
        assertThat(status.path("packet-queue-size").asInt()).as("no queue of ours: the socket buffer").isZero();
        serves1000ExchangesWithoutDrops("readers");
        assertThat(server.control().statistic("pkt4-queue-full")).as("nothing dropped for a full queue").isLessThanOrEqualTo(0);
    }
}
