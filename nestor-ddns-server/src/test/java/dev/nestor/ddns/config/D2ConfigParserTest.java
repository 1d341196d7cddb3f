package dev.nestor.ddns.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class D2ConfigParserTest {
    private static JsonNode doc(String inner) throws ConfigException {
        return ConfigText.parse("{ \"DhcpDdns\": { " + inner + " } }", null);
    }

    private static List<String> errors(String inner) {
        try {
            D2ConfigParser.parse(doc(inner));
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("expected the configuration to be refused");
    }

    private static final String KEY = "\"tsig-keys\": [ { \"name\": \"k1\", \"algorithm\": \"hmac-sha256\", \"secret\": \"LSWXnfkKZjdPJI5QxlpnfQ==\" } ]";

    @Test
    void serversInheritTheDomainKeyAndDefaultToPort53() throws Exception {
        D2Config c = D2ConfigParser.parse(doc(KEY + ", \"forward-ddns\": { \"ddns-domains\": [ { \"name\": \"example.org.\","
                + " \"key-name\": \"k1\", \"dns-servers\": [ { \"ip-address\": \"192.0.2.1\" }, { \"ip-address\": \"192.0.2.2\", \"port\": 5353, \"key-name\": \"\" } ] } ] }"));
        List<DnsServerSpec> s = c.forwardDomains().getFirst().servers();
        assertThat(s.get(0).port()).isEqualTo(53);
        assertThat(s.get(0).keyName()).isEqualTo("k1");
        assertThat(s.get(1).port()).isEqualTo(5353);
        assertThat(s.get(1).keyName()).isEqualTo("k1");
        assertThat(c.tsigKeys().getFirst().algorithm()).isEqualTo(TsigAlgorithm.HMAC_SHA256);
        assertThat(c.tsigKeys().getFirst().dnsName()).isEqualTo("k1.");
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        assertThat(errors("\"port\": 0, \"dns-server-timeout\": 0, \"ncr-protocol\": \"TCP\", \"ncr-format\": \"XML\","
                + " \"ip-address\": \"nowhere\", \"bogus\": 1")).containsExactlyInAnyOrder(
                "DhcpDdns.port: D2Params: port cannot be 0",
                "DhcpDdns.dns-server-timeout: D2Params: DNS server timeout must be larger than 0",
                "DhcpDdns.ncr-protocol: ncr-protocol : TCP is not yet supported",
                "DhcpDdns.ncr-format: Invalid NameChangeRequest format: XML",
                "DhcpDdns.ip-address: invalid address (nowhere) specified for parameter 'ip-address'",
                "DhcpDdns: unknown parameter 'bogus' in DhcpDdns");
    }

    @Test
    void keyProblems() {
        assertThat(errors("\"tsig-keys\": [ { \"name\": \"a\", \"algorithm\": \"HMAC-SHA3\", \"secret\": \"LSWXnfkKZjdPJI5QxlpnfQ==\" },"
                + " { \"name\": \"b\", \"algorithm\": \"HMAC-SHA256\", \"secret\": \"not base64!\" },"
                + " { \"name\": \"c\", \"algorithm\": \"HMAC-SHA256\", \"digest-bits\": 96, \"secret\": \"LSWXnfkKZjdPJI5QxlpnfQ==\" },"
                + " { \"name\": \"c\", \"algorithm\": \"HMAC-MD5\", \"secret\": \"LSWXnfkKZjdPJI5QxlpnfQ==\" },"
                + " { \"name\": \"d\", \"algorithm\": \"HMAC-MD5\" } ]")).containsExactlyInAnyOrder(
                "DhcpDdns.tsig-keys[0].algorithm: tsig-key : Unknown TSIG Key algorithm: HMAC-SHA3",
                "DhcpDdns.tsig-keys[1].secret: Cannot make D2TsigKey: Incomplete input for base64: not base64!",
                "DhcpDdns.tsig-keys[2].digest-bits: tsig-key: digest-bits too small : 96",
                "DhcpDdns.tsig-keys[3].name: Duplicate TSIG key name specified : c",
                "DhcpDdns.tsig-keys[4]: tsig-key : one of 'secret' or 'secret-file' is required");
    }

    @Test
    void domainAndServerProblems() {
        assertThat(errors(KEY + ", \"forward-ddns\": { \"ddns-domains\": ["
                + " { \"name\": \"a.org.\", \"key-name\": \"nokey\", \"dns-servers\": [ { \"ip-address\": \"192.0.2.1\" } ] },"
                + " { \"name\": \"b.org.\", \"dns-servers\": [] },"
                + " { \"name\": \"c.org.\" },"
                + " { \"name\": \"d.org.\", \"dns-servers\": [ { \"hostname\": \"ns.d.org\" }, { \"ip-address\": \"1.2.3\" },"
                + "   { \"ip-address\": \"192.0.2.1\", \"key-name\": \"other\" }, { } ] },"
                + " { \"name\": \"A.org.\", \"dns-servers\": [ { \"ip-address\": \"192.0.2.1\" } ] } ] },"
                + " \"reverse-ddns\": { \"ddns-domains\": [], \"extra\": 1 }")).containsExactlyInAnyOrder(
                "DhcpDdns.forward-ddns.ddns-domains[0].key-name: DdnsDomain : specifies an undefined key: nokey",
                "DhcpDdns.forward-ddns.ddns-domains[1].dns-servers: DNS server list cannot be empty",
                "DhcpDdns.forward-ddns.ddns-domains[2]: DdnsDomain : missing dns-server list",
                "DhcpDdns.forward-ddns.ddns-domains[3].dns-servers[0].hostname: Dns Server : hostname is not yet supported",
                "DhcpDdns.forward-ddns.ddns-domains[3].dns-servers[1].ip-address: Dns Server : invalid IP address : 1.2.3",
                "DhcpDdns.forward-ddns.ddns-domains[3].dns-servers[2].key-name: Dns Server : specifies an undefined key: other",
                "DhcpDdns.forward-ddns.ddns-domains[3].dns-servers[3]: Dns Server must specify one or the other of hostname or IP address",
                "DhcpDdns.forward-ddns.ddns-domains[4].name: Duplicate domain specified:A.org.",
                "DhcpDdns.reverse-ddns: unknown parameter 'extra' in reverse-ddns");
    }

    @Test
    void sharedSectionsUseTheDhcpDaemonsRulesWithDdnsPaths() {
        assertThat(errors("\"control-sockets\": [ { \"socket-type\": \"unix\", \"socket-name\": \"/tmp/a\" },"
                + " { \"socket-type\": \"unix\", \"socket-name\": \"/tmp/b\" }, { \"socket-name\": \"/tmp/c\" },"
                + " { \"socket-type\": \"carrier-pigeon\" } ],"
                + " \"loggers\": [ { \"name\": \"kea-dhcp-ddns\", \"severity\": \"LOUD\" } ]")).contains(
                "DhcpDdns.control-sockets[1].socket-type: control socket of type 'unix' already configured",
                "DhcpDdns.control-sockets[2]: 'socket-type' parameter is mandatory in control-sockets items",
                "DhcpDdns.control-sockets[3].socket-type: unsupported 'socket-type' 'carrier-pigeon' not 'unix', 'http' or 'https'",
                "DhcpDdns.loggers[0].severity: Unsupported severity value 'LOUD'");
    }

    @Test
    void hooksAreRefusedOnlyWhenThereAreAny() throws Exception {
        assertThat(D2ConfigParser.parse(doc("\"hooks-libraries\": []")).port()).isEqualTo(53001);
        assertThat(errors("\"hooks-libraries\": [ { \"library\": \"/x.so\" } ]"))
                .containsExactly("DhcpDdns.hooks-libraries: hooks libraries (hooks-libraries) are not supported yet by nestor-ddns");
    }

    @Test
    void otherDaemonsAreNotedAndAMissingRootIsAnError() throws Exception {
        D2ConfigParser.Result r = D2ConfigParser.parseWithNotes(ConfigText.parse("{ \"Dhcp4\": {}, \"DhcpDdns\": {} }", null));
        assertThat(r.notes()).extracting(ConfigError::toString).containsExactly("Dhcp4: configuration for another daemon, ignored");
        assertThatThrownBy(() -> D2ConfigParser.parse(ConfigText.parse("{ \"Dhcp4\": {} }", null)))
                .hasMessageContaining("no DhcpDdns configuration found");
    }

    @Test
    void domainMatchingIsLongestSuffixOnLabelBoundariesThenWildcard() throws Exception {
        D2Config c = D2ConfigParser.parse(doc("\"forward-ddns\": { \"ddns-domains\": ["
                + " { \"name\": \"example.org.\", \"dns-servers\": [ { \"ip-address\": \"192.0.2.1\" } ] },"
                + " { \"name\": \"sub.Example.org\", \"dns-servers\": [ { \"ip-address\": \"192.0.2.2\" } ] },"
                + " { \"name\": \"two.net.\", \"dns-servers\": [ { \"ip-address\": \"192.0.2.3\" } ] } ] },"
                + " \"reverse-ddns\": { \"ddns-domains\": ["
                + " { \"name\": \"2.0.192.in-addr.arpa.\", \"dns-servers\": [ { \"ip-address\": \"192.0.2.1\" } ] },"
                + " { \"name\": \"8.b.d.0.1.0.0.2.ip6.arpa.\", \"dns-servers\": [ { \"ip-address\": \"192.0.2.1\" } ] },"
                + " { \"name\": \"*\", \"dns-servers\": [ { \"ip-address\": \"192.0.2.9\" } ] } ] }"));
        assertThat(c.matchForward("host.example.org.")).get().extracting(DdnsDomain::name).isEqualTo("example.org.");
        assertThat(c.matchForward("a.b.SUB.example.org")).get().extracting(DdnsDomain::name).isEqualTo("sub.Example.org");
        assertThat(c.matchForward("example.org")).get().extracting(DdnsDomain::name).isEqualTo("example.org.");
        assertThat(c.matchForward("onetwo.net.")).isEmpty();
        assertThat(c.matchForward("one.two.net.")).isPresent();
        assertThat(c.matchReverse(InetAddress.ofLiteral("192.0.2.55"))).get().extracting(DdnsDomain::name).isEqualTo("2.0.192.in-addr.arpa.");
        assertThat(c.matchReverse(InetAddress.ofLiteral("2001:db8::5"))).get().extracting(DdnsDomain::name).isEqualTo("8.b.d.0.1.0.0.2.ip6.arpa.");
        assertThat(c.matchReverse(InetAddress.ofLiteral("198.51.100.1"))).get().extracting(DdnsDomain::name).isEqualTo("*");
    }

    @Test
    void reverseNames() {
        assertThat(ReverseName.of(InetAddress.ofLiteral("192.0.2.10"))).isEqualTo("10.2.0.192.in-addr.arpa.");
        assertThat(ReverseName.of(InetAddress.ofLiteral("2001:db8::567:89ab")))
                .isEqualTo("b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.");
    }
}
