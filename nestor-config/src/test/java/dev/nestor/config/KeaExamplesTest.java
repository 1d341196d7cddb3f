package dev.nestor.config;

import dev.nestor.config.model.Dhcp4Config;
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
 * Every Kea 3.0.4 example for kea-dhcp4 either parses, or is refused only because of features Nestor does not
 * support yet. The refusal list is explicit so that a change in behaviour (either way) shows up here.
 */
class KeaExamplesTest {
    /** file → every error message expected (each must contain "not supported"). */
    private static final Map<String, List<String>> REFUSED = Map.of(
            "all-keys.json", List.of(
                    "Dhcp4.config-control: configuration backends (config-control) are not supported yet",
                    "Dhcp4.client-classes[3].template-test: template client classes (template-test) are not supported yet",
                    "Dhcp4.shared-networks[0].subnet4[0].4o6-subnet: DHCPv4-over-DHCPv6 (4o6-subnet) is not supported yet"),
            "all-keys-netconf.json", List.of(
                    "Dhcp4.config-control: configuration backends (config-control) are not supported yet",
                    "Dhcp4.client-classes[3].template-test: template client classes (template-test) are not supported yet",
                    "Dhcp4.shared-networks[0].subnet4[0].4o6-subnet: DHCPv4-over-DHCPv6 (4o6-subnet) is not supported yet"),
            "config-backend.json", List.of(
                    "Dhcp4.config-control: configuration backends (config-control) are not supported yet"),
            "dhcpv4-over-dhcpv6.json", List.of(
                    "Dhcp4.dhcp4o6-port: DHCPv4-over-DHCPv6 (dhcp4o6-port) is not supported yet",
                    "Dhcp4.subnet4[0].4o6-interface: DHCPv4-over-DHCPv6 (4o6-interface) is not supported yet",
                    "Dhcp4.subnet4[0].4o6-subnet: DHCPv4-over-DHCPv6 (4o6-subnet) is not supported yet")
            // (mysql-reservations.json and pgsql-reservations.json parse: host databases are supported)
            );

    static Path dir() throws URISyntaxException {
        return Path.of(KeaExamplesTest.class.getResource("/kea-examples/kea4").toURI());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleParsesOrIsRefusedAsNotSupported() throws IOException, URISyntaxException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir())) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(26);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString();
            List<String> expected = REFUSED.get(name);
            if (expected == null) {
                try {
                    Dhcp4Config c = Dhcp4ConfigParser.parse(ConfigText.read(f));
                    assertThat(c.json()).startsWith("{");
                } catch (ConfigException e) {
                    fail(name + " should parse but failed with:\n" + e.getMessage());
                }
            } else {
                assertThatThrownBy(() -> Dhcp4ConfigParser.parse(ConfigText.read(f)))
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
        Dhcp4Config single = Dhcp4ConfigParser.parse(ConfigText.read(dir().resolve("single-subnet.json")));
        assertThat(single.subnets()).hasSize(1);
        assertThat(single.subnets().getFirst().pools()).isNotEmpty();

        Dhcp4Config all = Dhcp4ConfigParser.parse(ConfigText.read(dir().resolve("all-options.json")));
        assertThat(all.subnets().stream().mapToInt(s -> s.options().size()).sum() + all.globalOptions().size())
                .isGreaterThan(50);

        Dhcp4Config shared = Dhcp4ConfigParser.parse(ConfigText.read(dir().resolve("shared-network.json")));
        var frog = shared.sharedNetwork("frog").orElseThrow();
        assertThat(shared.subnetsOf(frog)).allSatisfy(s -> assertThat(s.interfaceName()).isEqualTo("eth1"));
    }
}
