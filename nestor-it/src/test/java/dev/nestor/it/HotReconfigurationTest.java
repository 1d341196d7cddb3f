package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Ipv4Text;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.Perfdhcp;
import dev.nestor.it.harness.ServerKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hot reconfiguration of the running server through the control channel, seen by real clients: config-set
 * changes the pool and an option for the next client while existing leases stay; config-test / config-diff
 * predict the impact first; a broken config-set leaves the old config serving; 100 reconfigurations in a row
 * under perfdhcp load lose no lease and make the server drop nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotReconfigurationTest extends LabTest {
    static final String OLD_POOL = "192.0.2.100 - 192.0.2.149";
    static final String NEW_POOL = "192.0.2.150 - 192.0.2.199";

    String firstAddress;

    @BeforeAll
    void setUp() {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "config-diff and the diff in config-test are Nestor's");
        createLab("192.0.2.1/24", "dhclient", "perfdhcp");
        startServer(variant(OLD_POOL, "before.example"));
    }

    /** The lab's basic config with one subnet, {@code pool} and a global domain-name. */
    Dhcp4Config variant(String pool, String domain) {
        Dhcp4Config c = Dhcp4Config.basic(lab).option("domain-name", domain);
        Dhcp4Config.addOption(c.subnet(1, "192.0.2.0/24", pool), "routers", "192.0.2.1");
        return c;
    }

    JsonNode command(String name, Dhcp4Config config) {
        return server.control().command(name, config == null ? null : config.document());
    }

    String hash() {
        return server.control().command("config-hash-get").path("arguments").path("hash").asText();
    }

    @Test
    @Order(1)
    void configSetChangesPoolAndOptionForTheNextClientWhileExistingLeasesStay() {
        Host h1 = lab.addClient("rc1", null);
        ClientLease first = client(new Dhclient(lab, h1)).obtain();
        firstAddress = first.address();
        assertThat(Ipv4Text.inRange(first.address(), "192.0.2.100", "192.0.2.149")).as("first lease %s", first.address()).isTrue();
        assertThat(first.domainName()).isEqualTo("before.example");

        Dhcp4Config next = variant(NEW_POOL, "after.example");
        JsonNode test = command("config-test", next);
        assertThat(test.path("result").asInt()).as("%s", test).isZero();
        JsonNode diff = test.path("arguments").path("diff");
        assertThat(diff.path("leases-outside-new-pools").asLong()).as("the first client's lease is outside the new pool: %s", diff).isEqualTo(1);
        assertThat(diff.path("pools-shrunk").get(0).path("removed-ranges").get(0).asText()).isEqualTo(OLD_POOL);
        assertThat(diff.path("global-changes").toString()).isEqualTo("[\"option-data\"]");
        assertThat(command("config-diff", next).path("arguments")).isEqualTo(diff);

        JsonNode set = command("config-set", next);
        assertThat(set.path("result").asInt()).as("%s", set).isZero();
        assertThat(set.path("text").asText()).isEqualTo("Configuration successful.");

        Host h2 = lab.addClient("rc2", null);
        ClientLease second = client(new Dhclient(lab, h2)).obtain();
        assertThat(Ipv4Text.inRange(second.address(), "192.0.2.150", "192.0.2.199")).as("next client from the new pool: %s", second.address()).isTrue();
        assertThat(second.domainName()).as("the next client sees the new option").isEqualTo("after.example");

        JsonNode kept = server.control().command("lease4-get", Json.MAPPER.createObjectNode().put("ip-address", first.address()));
        assertThat(kept.path("result").asInt()).as("the first lease survives the reconfiguration: %s", kept).isZero();
        assertThat(kept.path("arguments").path("hw-address").asText()).isEqualTo(h1.mac());
        assertThat(server.leases().current()).containsKey(first.address());
    }

    @Test
    @Order(2)
    void aBrokenConfigSetLeavesTheOldConfigServing() {
        String before = hash();
        Dhcp4Config broken = variant("192.0.2.180 - 192.0.2.170", "broken.example");
        JsonNode answer = command("config-set", broken);
        assertThat(answer.path("result").asInt()).isEqualTo(1);
        assertThat(answer.path("text").asText()).as("names the JSON path").startsWith("Dhcp4.subnet4[0].pools[0].pool: ");
        assertThat(hash()).as("running config unchanged").isEqualTo(before);

        Host h3 = lab.addClient("rc3", null);
        ClientLease third = client(new Dhclient(lab, h3)).obtain();
        assertThat(Ipv4Text.inRange(third.address(), "192.0.2.150", "192.0.2.199")).isTrue();
        assertThat(third.domainName()).isEqualTo("after.example");
    }

    @Test
    @Order(3)
    void hundredReconfigurationsUnderLoadLoseNoLease() throws Exception {
        Host perf = lab.addClient("rperf", null);
        lab.addAddress(perf, "192.0.2.2/24");
        String bigPool = "192.0.2.10 - 192.0.2.250";
        List<Dhcp4Config> variants = List.of(variant(bigPool, "a.example"), variant(bigPool, "b.example"));
        assertThat(command("config-set", variants.get(0)).path("result").asInt()).isZero();

        // 100/s for 15 s over 150 client MACs (the pool has 241 addresses); bounded by -n, -p and a process time-out
        CompletableFuture<Perfdhcp.Result> load = CompletableFuture.supplyAsync(() -> Perfdhcp.run(lab, perf, 100, 1500, 150, 30));
        Thread.sleep(1500);
        List<Integer> results = new ArrayList<>();
        Set<String> midway = Set.of();
        long start = System.nanoTime();
        for (int i = 0; i < 100 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60); i++) {
            results.add(command("config-set", variants.get(i % 2)).path("result").asInt());
            if (i == 50) midway = leaseKeys();
        }
        boolean underLoad = !load.isDone();
        Perfdhcp.Result r = load.get(60, TimeUnit.SECONDS);
        dump.add("perfdhcp output", r::output);
        String out = "\n" + r.output();

        assertThat(results).as("100 config-set answers").hasSize(100).containsOnly(0);
        assertThat(underLoad).as("all reconfigurations happened while perfdhcp was running").isTrue();
        assertThat(r.exit()).as("perfdhcp exit%s", out).isZero();
        assertThat(r.requestAck().sent()).as("REQUESTs%s", out).isGreaterThan(1000);
        assertThat(r.discoverOffer().drops() + r.requestAck().drops()).as("exchanges without an answer%s", out).isZero();
        assertThat(server.control().statistic("pkt4-queue-full")).as("packets dropped on a full queue").isLessThanOrEqualTo(0);

        Set<String> end = leaseKeys();
        assertThat(midway).as("leases seen halfway").isNotEmpty();
        assertThat(end).as("every lease seen halfway through the reconfigurations is still there").containsAll(midway);
        Set<String> inFile = new HashSet<>(awaitLeases("lease file has every lease", f -> f.current().size() >= end.size()).current().keySet());
        Set<String> endAddresses = new HashSet<>();
        end.forEach(k -> endAddresses.add(k.substring(0, k.indexOf(' '))));
        assertThat(inFile).as("lease file and server agree").isEqualTo(endAddresses);
        assertThat(endAddresses).contains(firstAddress);
        assertThat(command("config-get", null).path("arguments").path("Dhcp4").path("option-data").get(0).path("data").asText())
                .as("the last config-set is in force").isEqualTo("b.example");
    }

    /** "address hw-address" of every lease the server holds. */
    Set<String> leaseKeys() {
        JsonNode all = server.control().command("lease4-get-all");
        Set<String> out = new HashSet<>();
        all.path("arguments").path("leases").forEach(l -> out.add(l.path("ip-address").asText() + " " + l.path("hw-address").asText()));
        return out;
    }
}
