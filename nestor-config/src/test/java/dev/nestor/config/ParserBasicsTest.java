package dev.nestor.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.DdnsConnectivity;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.config.model.GlobalParams4;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.MultiThreadingParams;
import dev.nestor.config.model.Reservation4.IdentifierType;
import dev.nestor.config.model.SubnetParams4;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParserBasicsTest {
    @Test
    void emptyDhcp4GetsKeaDefaults() {
        Dhcp4Config c = Cfg.dhcp4("");
        assertThat(c.subnets()).isEmpty();
        assertThat(c.leaseDatabase()).containsEntry("type", "memfile");
        assertThat(c.interfaces().dhcpSocketType()).isEqualTo("raw");
        assertThat(c.interfaces().outboundInterface()).isEqualTo("same-as-inbound");
        assertThat(c.interfaces().reDetect()).isTrue();
        assertThat(c.expiredLeasesProcessing()).isEqualTo(new ExpiredLeasesProcessing(10, 25, 3600, 100, 250, 5));
        assertThat(c.dhcpDdns()).isEqualTo(DdnsConnectivity.defaults());
        GlobalParams4 g = c.globals();
        assertThat(g.echoClientId()).isTrue();
        assertThat(g.declineProbationPeriod()).isEqualTo(86400);
        assertThat(g.hostReservationIdentifiers()).containsExactly(IdentifierType.HW_ADDRESS, IdentifierType.DUID,
                IdentifierType.CIRCUIT_ID, IdentifierType.CLIENT_ID);
        assertThat(g.ipReservationsUnique()).isTrue();
        assertThat(g.parkedPacketLimit()).isEqualTo(256);
        assertThat(g.statisticDefaultSampleCount()).isEqualTo(20);
        assertThat(g.multiThreading().enabled()).isTrue();
        assertThat(g.multiThreading().packetQueueSize()).isEqualTo(64);
        // no multi-threading map: Nestor's default dispatch, each worker reading the socket
        assertThat(g.multiThreading().dispatch()).isEqualTo(MultiThreadingParams.Dispatch.READERS);
        assertThat(g.scope()).isEqualTo(SubnetParams4.defaults());
        assertThat(c.optionDefinitions().byName("dhcp4", "routers")).isPresent();
    }

    @Test
    void subnetDefaults() {
        Dhcp4Config c = Cfg.dhcp4("""
                "subnet4": [ { "id": 7, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.10 - 192.0.2.20" } ] } ]
                """);
        var s = c.subnet(7).orElseThrow();
        SubnetParams4 p = s.params();
        assertThat(p.validLifetime()).isEqualTo(new Lifetime(7200, 7200, 7200));
        assertThat(p.renewTimer()).isNull();
        assertThat(p.rebindTimer()).isNull();
        assertThat(p.calculateTeeTimes()).isFalse();
        assertThat(p.t1Percent()).isEqualTo(0.5);
        assertThat(p.t2Percent()).isEqualTo(0.875);
        assertThat(p.authoritative()).isFalse();
        assertThat(p.matchClientId()).isTrue();
        assertThat(p.cacheThreshold()).isEqualTo(0.0);
        assertThat(p.allocator()).isEqualTo("iterative");
        assertThat(p.reservationsInSubnet()).isTrue();
        assertThat(p.reservationsGlobal()).isFalse();
        assertThat(p.reservationsOutOfPool()).isFalse();
        assertThat(p.nextServer()).isZero();
        assertThat(p.ddns().replaceClientName()).isEqualTo("never");
        assertThat(p.ddns().generatedPrefix()).isEqualTo("myhost");
        assertThat(p.ddns().conflictResolutionMode()).isEqualTo("check-with-dhcid");
        assertThat(p.hostnameCharSet()).isEqualTo("[^A-Za-z0-9.-]");
        assertThat(s.sharedNetworkName()).isNull();
        assertThat(s.interfaceName()).isNull();
        assertThat(s.path()).isEqualTo("Dhcp4.subnet4[0]");
        assertThat(s.pools().getFirst().size()).isEqualTo(11);
        assertThat(s.pools().getFirst().contains(Ipv4.parse("192.0.2.20"))).isTrue();
        assertThat(s.pools().getFirst().contains(Ipv4.parse("192.0.2.21"))).isFalse();
        assertThat(c.subnet(8)).isEmpty();
    }

    @Test
    void prefixPoolsCoverTheWholePrefix() {
        var s = Cfg.dhcp4("""
                "subnet4": [ { "id": 1, "subnet": "10.0.0.0/8", "pools": [ { "pool": "10.1.2.0/24", "pool-id": 5 } ] } ]
                """).subnets().getFirst();
        assertThat(s.pools().getFirst().first()).isEqualTo(Ipv4.parse("10.1.2.0"));
        assertThat(s.pools().getFirst().last()).isEqualTo(Ipv4.parse("10.1.2.255"));
        assertThat(s.pools().getFirst().poolId()).isEqualTo(5);
        assertThat(s.pools().getFirst().path()).isEqualTo("Dhcp4.subnet4[0].pools[0]");
    }

    @Test
    void unsignedPoolBoundsAboveTheSignBit() {
        var pool = Cfg.dhcp4("""
                "subnet4": [ { "id": 1, "subnet": "203.0.113.0/24", "pools": [ { "pool": "203.0.113.1-203.0.113.254" } ] } ]
                """).subnets().getFirst().pools().getFirst();
        assertThat(pool.size()).isEqualTo(254);
        assertThat(pool.contains(Ipv4.parse("203.0.113.100"))).isTrue();
        assertThat(pool.contains(Ipv4.parse("10.0.0.1"))).isFalse();
    }

    @Test
    void nestorDispatchChoosesHowWorkersGetDatagrams() {
        assertThat(Cfg.dhcp4("\"multi-threading\": {\"thread-pool-size\": 4},").globals().multiThreading().dispatch())
                .isEqualTo(MultiThreadingParams.Dispatch.READERS);
        assertThat(Cfg.dhcp4("\"multi-threading\": {\"nestor-dispatch\": \"queue\"},").globals().multiThreading().dispatch())
                .isEqualTo(MultiThreadingParams.Dispatch.QUEUE);
        assertThat(Cfg.dhcp4("\"multi-threading\": {\"packet-queue-size\": 16, \"nestor-dispatch\": \"readers\"},")
                .globals().multiThreading().dispatch()).isEqualTo(MultiThreadingParams.Dispatch.READERS);
        assertThatThrownBy(() -> Dhcp4ConfigParser.parse(ConfigText.parse(
                "{\"Dhcp4\": {\"multi-threading\": {\"nestor-dispatch\": \"threads\"}}}", null)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors().getFirst().path())
                        .isEqualTo("Dhcp4.multi-threading.nestor-dispatch"))
                .hasMessageContaining("unknown value 'threads' (expected queue or readers)");
    }

    @Test
    void fileWithoutDhcp4IsAnErrorAndOtherDaemonsAreIgnoredWithANote() throws Exception {
        assertThatThrownBy(() -> Dhcp4ConfigParser.parse(ConfigText.parse("{\"Dhcp6\": {}}", null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no Dhcp4 configuration found");
        JsonNode root = ConfigText.parse("{\"Dhcp4\": {}, \"Control-agent\": {}, \"DhcpDdns\": {}, \"Logging\": {}}", null);
        var r = Dhcp4ConfigParser.parseWithNotes(root);
        assertThat(r.notes()).extracting(ConfigError::toString)
                .contains("Control-agent: configuration for another daemon, ignored",
                        "DhcpDdns: configuration for another daemon, ignored",
                        "Logging: configuration for another daemon, ignored");
    }

    @Test
    void canonicalJsonKeepsTheDhcp4Object() throws Exception {
        Dhcp4Config c = Cfg.dhcp4("\"valid-lifetime\": 600, // comment\n \"renew-timer\": 100,");
        JsonNode back = ConfigText.parse(c.json(), null);
        assertThat(back.get("valid-lifetime").asInt()).isEqualTo(600);
        assertThat(back.get("renew-timer").asInt()).isEqualTo(100);
    }

    @Test
    void globalScalars() {
        Dhcp4Config c = Cfg.dhcp4("""
                "echo-client-id": false, "decline-probation-period": 100, "server-tag": "s1",
                "host-reservation-identifiers": ["circuit-id", "hw-address"],
                "early-global-reservations-lookup": true, "ip-reservations-unique": false,
                "reservations-lookup-first": true, "stash-agent-options": true, "parked-packet-limit": 10,
                "statistic-default-sample-count": 5, "statistic-default-sample-age": 60,
                "multi-threading": {"enable-multi-threading": false, "thread-pool-size": 4, "packet-queue-size": 16},
                "compatibility": {"lenient-option-parsing": true, "ignore-dhcp-server-identifier": true,
                                  "ignore-rai-link-selection": true, "exclude-first-last-24": true},
                "sanity-checks": {"lease-checks": "fix-del", "extended-info-checks": "strict"},
                "dhcp-queue-control": {"enable-queue": false, "queue-type": "kea-ring4", "capacity": 64},
                "interfaces-config": {"interfaces": ["eth0", "eth1/192.0.2.1"], "dhcp-socket-type": "udp",
                                      "outbound-interface": "use-routing", "re-detect": false,
                                      "service-sockets-max-retries": 3, "service-sockets-retry-wait-time": 100,
                                      "service-sockets-require-all": true},
                "expired-leases-processing": {"reclaim-timer-wait-time": 1, "flush-reclaimed-timer-wait-time": 2,
                    "hold-reclaimed-time": 3, "max-reclaim-leases": 4, "max-reclaim-time": 5, "unwarned-reclaim-cycles": 6},
                "dhcp-ddns": {"enable-updates": true, "server-ip": "192.0.2.53", "server-port": 5300,
                    "sender-ip": "192.0.2.1", "sender-port": 5301, "max-queue-size": 10},
                "lease-database": {"type": "memfile", "persist": false, "lfc-interval": 3600, "name": "/tmp/l.csv"}
                """);
        GlobalParams4 g = c.globals();
        assertThat(g.echoClientId()).isFalse();
        assertThat(g.declineProbationPeriod()).isEqualTo(100);
        assertThat(g.serverTag()).isEqualTo("s1");
        assertThat(g.hostReservationIdentifiers()).containsExactly(IdentifierType.CIRCUIT_ID, IdentifierType.HW_ADDRESS);
        assertThat(g.earlyGlobalReservationsLookup()).isTrue();
        assertThat(g.ipReservationsUnique()).isFalse();
        assertThat(g.reservationsLookupFirst()).isTrue();
        assertThat(g.stashAgentOptions()).isTrue();
        assertThat(g.parkedPacketLimit()).isEqualTo(10);
        assertThat(g.statisticDefaultSampleAge()).isEqualTo(60);
        assertThat(g.multiThreading().enabled()).isFalse();
        assertThat(g.multiThreading().threadPoolSize()).isEqualTo(4);
        // a sized packet queue is Kea's queue
        assertThat(g.multiThreading().dispatch()).isEqualTo(MultiThreadingParams.Dispatch.QUEUE);
        assertThat(g.compatibility().lenientOptionParsing()).isTrue();
        assertThat(g.compatibility().excludeFirstLast24()).isTrue();
        assertThat(g.sanityChecks().leaseChecks()).isEqualTo("fix-del");
        assertThat(c.interfaces().interfaces()).containsExactly("eth0", "eth1/192.0.2.1");
        assertThat(c.interfaces().dhcpSocketType()).isEqualTo("udp");
        assertThat(c.interfaces().outboundInterface()).isEqualTo("use-routing");
        assertThat(c.interfaces().reDetect()).isFalse();
        assertThat(c.interfaces().serviceSocketsMaxRetries()).isEqualTo(3);
        assertThat(c.interfaces().serviceSocketsRetryWaitTime()).isEqualTo(100);
        assertThat(c.interfaces().serviceSocketsRequireAll()).isTrue();
        assertThat(c.expiredLeasesProcessing()).isEqualTo(new ExpiredLeasesProcessing(1, 2, 3, 4, 5, 6));
        assertThat(c.dhcpDdns()).isEqualTo(new DdnsConnectivity(true, "192.0.2.53", 5300, "192.0.2.1", 5301, 10, "UDP", "JSON"));
        assertThat(c.leaseDatabase()).containsEntry("type", "memfile").containsEntry("persist", "false")
                .containsEntry("lfc-interval", "3600").containsEntry("name", "/tmp/l.csv");
    }
}
