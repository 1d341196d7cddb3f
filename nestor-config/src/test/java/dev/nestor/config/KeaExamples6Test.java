package dev.nestor.config;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.ServerIdSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every Kea 3.0.4 example for kea-dhcp6 either parses, or is refused only because of features Nestor does not
 * support yet. The refusal list is explicit so that a change in behaviour (either way) shows up here.
 */
class KeaExamples6Test {
    private static final List<String> ALL_KEYS = List.of(
            "Dhcp6.config-control: configuration backends (config-control) are not supported yet",
            "Dhcp6.client-classes[3].template-test: template client classes (template-test) are not supported yet");

    /** file → every error message expected (each must contain "not supported"). */
    private static final Map<String, List<String>> REFUSED = Map.of(
            "all-keys.json", ALL_KEYS,
            "all-keys-netconf.json", ALL_KEYS,
            "config-backend.json", List.of(
                    "Dhcp6.config-control: configuration backends (config-control) are not supported yet"),
            "dhcpv4-over-dhcpv6.json", List.of(
                    "Dhcp6.dhcp4o6-port: DHCPv4-over-DHCPv6 (dhcp4o6-port) is not supported yet")
            // (mysql-reservations.json and pgsql-reservations.json parse: host databases are supported)
            );

    static Path dir() throws URISyntaxException {
        return Path.of(KeaExamples6Test.class.getResource("/kea-examples/kea6").toURI());
    }

    private static Dhcp6Config load(String name) throws Exception {
        return Dhcp6ConfigParser.parseFile(dir().resolve(name));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleParsesOrIsRefusedAsNotSupported() throws IOException, URISyntaxException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir())) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(28);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString();
            List<String> expected = REFUSED.get(name);
            if (expected == null) {
                try {
                    Dhcp6Config c = Dhcp6ConfigParser.parse(ConfigText.read(f));
                    assertThat(c.json()).startsWith("{");
                } catch (ConfigException e) {
                    fail(name + " should parse but failed with:\n" + e.getMessage());
                }
            } else {
                assertThatThrownBy(() -> Dhcp6ConfigParser.parse(ConfigText.read(f)))
                        .isInstanceOfSatisfying(ConfigException.class, e -> {
                            List<String> got = e.errors().stream().map(ConfigError::toString).toList();
                            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
                            assertThat(got).allSatisfy(m -> assertThat(m).contains("not supported"));
                        });
            }
        }));
    }

    @Test
    void sampleValuesFromExamples() throws Exception {
        Dhcp6Config simple = load("simple.json");
        assertThat(simple.subnets()).hasSize(1);
        assertThat(simple.subnets().getFirst().pools()).isNotEmpty();

        Dhcp6Config reservations = load("reservations.json");
        assertThat(reservations.subnets().getFirst().pdPools()).isNotEmpty();
        assertThat(reservations.subnets().getFirst().reservations())
                .anySatisfy(r -> assertThat(r.prefixes()).isNotEmpty())
                .anySatisfy(r -> assertThat(r.ipAddresses()).isNotEmpty());

        Dhcp6Config duid = load("duid.json");
        assertThat(duid.globals().serverId().type()).isEqualTo(ServerIdSpec.DuidType.LLT);
        assertThat(duid.globals().serverId().identifier().isEmpty()).isFalse();

        Dhcp6Config stateless = load("stateless.json");
        assertThat(stateless.subnets()).isEmpty();
        assertThat(stateless.globalOptions()).isNotEmpty();

        Dhcp6Config tee = load("tee-times.json");
        // calculate-tee-times defaults to true in DHCPv6; explicit timers and percentages win
        assertThat(tee.subnets()).allSatisfy(s -> assertThat(s.params().calculateTeeTimes()).isTrue());
        assertThat(tee.subnet(2).orElseThrow().params().renewTimer()).isEqualTo(1000L);
        assertThat(tee.subnet(3).orElseThrow().params().t1Percent()).isEqualTo(0.45);
        assertThat(tee.subnet(3).orElseThrow().params().t2Percent()).isEqualTo(0.7);

        Dhcp6Config shared = load("shared-network.json");
        assertThat(shared.sharedNetworks()).isNotEmpty();
        assertThat(shared.subnets()).anySatisfy(s -> assertThat(s.sharedNetworkName()).isNotNull());
    }

    @Test
    void allKeysParsesOnceTheUnsupportedPartsAreRemoved() throws Exception {
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) ConfigText.read(dir().resolve("all-keys.json"));
        var dhcp6 = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("Dhcp6");
        dhcp6.remove(List.of("hosts-databases", "config-control"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) dhcp6.get("client-classes")).remove(3);
        Dhcp6Config c = Dhcp6ConfigParser.parse(root);
        var s = c.subnet(1).orElseThrow();
        assertThat(s.sharedNetworkName()).isEqualTo("my-secret-network");
        assertThat(s.pdPools().getFirst().excludedPrefix()).isEqualTo(Ipv6Prefix.parse("2001:db8:1::/72"));
        assertThat(s.params().pdAllocator()).isEqualTo("iterative");
        assertThat(c.sharedNetwork("my-secret-network").orElseThrow().params().allocator()).isEqualTo("random");
        assertThat(c.globals().serverId().enterpriseId()).isEqualTo(2495);
        assertThat(c.globals().relaySuppliedOptions()).containsExactly(65, 110, 120, 130);
        assertThat(c.clientClass("phones_server1").orElseThrow().preferredLifetime().max()).isEqualTo(9000);
        assertThat(c.controlSockets()).hasSize(2);
        assertThat(c.loggers().getFirst().name()).isEqualTo("kea-dhcp6");
    }
}
