package dev.nestor.ddns.config;

import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every Kea 3.0.4 DhcpDdns example parses, or is refused only for what Kea itself refuses or Nestor does not
 * support yet (hook libraries). The list is explicit so a change either way shows up here.
 */
class KeaDdnsExamplesTest {
    private static final String HOOKS = "DhcpDdns.hooks-libraries: hooks libraries (hooks-libraries) are not supported yet by nestor-ddns";
    private static final Map<String, List<String>> REFUSED = Map.of(
            "all-keys.json", List.of(HOOKS),
            "gss-tsig.json", List.of(HOOKS),
            "sample1.json", List.of(HOOKS),
            // the netconf variant names d2.sha1.key without defining it: kea-dhcp-ddns refuses it the same way
            "all-keys-netconf.json", List.of(HOOKS,
                    "DhcpDdns.forward-ddns.ddns-domains[0].dns-servers[0].key-name: Dns Server : specifies an undefined key: d2.sha1.key",
                    "DhcpDdns.reverse-ddns.ddns-domains[0].key-name: DdnsDomain : specifies an undefined key: d2.sha1.key"));

    static Path dir() throws Exception {
        return Path.of(KeaDdnsExamplesTest.class.getResource("/kea-examples/ddns").toURI());
    }

    /** The document without its hooks-libraries, for checking the rest of a refused example. */
    private static com.fasterxml.jackson.databind.JsonNode withoutHooks(Path f) throws Exception {
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) ConfigText.read(f);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("DhcpDdns")).remove("hooks-libraries");
        return root;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleParsesOrIsRefusedForAKnownReason() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir())) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(6);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String name = f.getFileName().toString();
            List<String> expected = REFUSED.get(name);
            if (expected == null) {
                try {
                    assertThat(D2ConfigParser.parseFile(f).json()).startsWith("{");
                } catch (ConfigException e) {
                    fail(name + " should parse but failed with:\n" + e.getMessage());
                }
                return;
            }
            assertThatThrownBy(() -> D2ConfigParser.parseFile(f)).isInstanceOfSatisfying(ConfigException.class,
                    e -> assertThat(e.errors().stream().map(ConfigError::toString).toList())
                            .containsExactlyInAnyOrderElementsOf(expected));
            if (expected.size() == 1) {
                // hook libraries are the only problem: everything else in the file is understood
                assertThat(D2ConfigParser.parse(withoutHooks(f)).json()).startsWith("{");
            }
        }));
    }

    @Test
    void allKeysExampleIsUnderstoodFieldByField() throws Exception {
        D2Config c = D2ConfigParser.parse(withoutHooks(dir().resolve("all-keys.json")));
        assertThat(c.ipAddress()).isEqualTo(InetAddress.ofLiteral("127.0.0.1"));
        assertThat(c.port()).isEqualTo(53001);
        assertThat(c.dnsServerTimeout()).isEqualTo(100);
        assertThat(c.tsigKeys()).extracting(TsigKeySpec::name).containsExactly("d2.md5.key", "d2.sha1.key");
        assertThat(c.tsigKeys().get(0).algorithm()).isEqualTo(TsigAlgorithm.HMAC_MD5);
        assertThat(c.tsigKeys().get(1).secretFile()).isEqualTo("/usr/local/share/kea/d2-sha1-secret");
        DdnsDomain fwd = c.forwardDomains().getFirst();
        assertThat(fwd.name()).isEqualTo("example.com.");
        assertThat(fwd.keyName()).isEqualTo("d2.md5.key");
        DnsServerSpec s = fwd.servers().getFirst();
        assertThat(s.ipAddress()).isEqualTo(InetAddress.ofLiteral("2001:db8:1::10"));
        assertThat(s.port()).isEqualTo(7802);
        assertThat(s.keyName()).isEqualTo("d2.sha1.key");
        assertThat(c.reverseDomains().getFirst().servers().getFirst().port()).isEqualTo(5301);
        assertThat(c.controlSockets()).extracting(cs -> cs.socketType()).containsExactly("unix", "https");
        assertThat(c.controlSockets().get(1).path()).isEqualTo("DhcpDdns.control-sockets[1]");
        assertThat(c.loggers().getFirst().name()).isEqualTo("kea-dhcp-ddns");
        assertThat(c.loggers().getFirst().debugLevel()).isEqualTo(99);
    }

    @Test
    void templateGetsKeasDefaults() throws Exception {
        D2Config c = D2ConfigParser.parseFile(dir().resolve("template.json"));
        assertThat(c.ipAddress()).isEqualTo(InetAddress.ofLiteral("127.0.0.1"));
        assertThat(c.port()).isEqualTo(D2Config.DEFAULT_PORT);
        assertThat(c.dnsServerTimeout()).isEqualTo(500);
        assertThat(c.maxQueueSize()).isEqualTo(1024);
        assertThat(c.ncrProtocol()).isEqualTo("UDP");
        assertThat(c.ncrFormat()).isEqualTo("JSON");
        assertThat(c.forwardDomains()).isEmpty();
    }
}
