package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.Cmd;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Ipv4Text;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LeaseFile;
import dev.nestor.it.harness.Require;
import dev.nestor.it.harness.ServerKind;
import dev.nestor.it.harness.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * (f) Kea's own example {@code kea4/single-subnet.json} (one subnet 192.0.2.0/24, pool 192.0.2.1-192.0.2.200,
 * valid-lifetime 4000, no options; read with its comments) serves dhclient in a namespace. Only what cannot be
 * right on another machine is patched: the interface name ({@code eth0} in interfaces-config and in the subnet's
 * {@code interface}) becomes the lab bridge, the memfile gets a lease file path in the lab's temp dir (the example
 * relies on the compiled-in default under /var/lib/kea), and a unix control socket is added so readiness can be
 * probed. The server sits at 192.0.2.254, outside the example's pool. Also checks {@code -t}.
 *
 * <p>The examples come from the shared folder beside the repository ({@code ../shared/kea-examples/kea4}), or
 * {@code NESTOR_IT_KEA_EXAMPLES}; they are not copied into the repository.
 */
class KeaExampleConfigTest extends LabTest {
    Dhcp4Config example;

    @BeforeAll
    void setUp() {
        Path file = examplesDir().resolve("single-subnet.json");
        Require.that(Files.isRegularFile(file), "Kea example config not found: " + file + " (set NESTOR_IT_KEA_EXAMPLES)");
        createLab("192.0.2.254/24", "dhclient");
        example = patch(Dhcp4Config.of(Json.read(file)));
        dump.add("patched example", example::toJson);
    }

    static Path examplesDir() {
        String env = System.getenv("NESTOR_IT_KEA_EXAMPLES");
        if (env != null && !env.isBlank()) return Path.of(env);
        List<Path> candidates = new ArrayList<>();
        candidates.add(ServerKind.repoRoot().resolveSibling("shared").resolve("kea-examples/kea4"));
        candidates.add(Path.of("/work/shared/kea-examples/kea4"));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.getFirst());
    }

    /** The documented overrides, nothing else. */
    Dhcp4Config patch(Dhcp4Config c) {
        ObjectNode d = c.dhcp4();
        d.withObject("interfaces-config").putArray("interfaces").add(lab.serverIface());
        for (JsonNode s : d.path("subnet4")) {
            if (s.has("interface")) ((ObjectNode) s).put("interface", lab.serverIface());
        }
        d.withObject("lease-database").put("name", lab.workDir().resolve("example-leases4.csv").toString());
        d.putObject("control-socket").put("socket-type", "unix").put("socket-name", lab.workDir().resolve("ex4.sock").toString());
        return c;
    }

    @Test
    void configCheckAcceptsTheExampleAndRejectsABrokenCopy() {
        Cmd.Result ok = ServerProcess.checkConfig(lab, kind, example);
        assertThat(ok.exit()).as("-t on the example: %s", ok.output()).isZero();

        Dhcp4Config broken = example.copy();
        ((ObjectNode) broken.dhcp4().path("subnet4").get(0).path("pools").get(0)).put("pool", "203.0.113.1 - 203.0.113.20");
        Cmd.Result bad = ServerProcess.checkConfig(lab, kind, broken);
        assertThat(bad.exit()).as("-t with a pool outside its subnet must fail: %s", bad.output()).isEqualTo(1);
        assertThat(bad.output()).as("-t prints the error").isNotBlank();
    }

    @Test
    void exampleServesDhclient() {
        startServer(example);
        Host h = lab.addClient("exam", null);
        ClientLease lease = client(new Dhclient(lab, h)).obtain();

        assertThat(Ipv4Text.inRange(lease.address(), "192.0.2.1", "192.0.2.200")).as("address %s in the example's pool", lease.address()).isTrue();
        assertThat(lease.leaseTime()).as("the example's valid-lifetime").isEqualTo(4000);
        assertThat(lease.env().get("new_subnet_mask")).isEqualTo("255.255.255.0");
        assertThat(lease.routers()).as("the example configures no routers").isEmpty();

        LeaseFile.Row row = awaitLeases("lease in the example's lease file", f -> f.currentFor(h.mac()).isPresent())
                .currentFor(h.mac()).orElseThrow();
        assertThat(row.address()).isEqualTo(lease.address());
        assertThat(row.subnetId()).isEqualTo(1);
        assertThat(row.validLifetime()).isEqualTo(4000);
    }
}
