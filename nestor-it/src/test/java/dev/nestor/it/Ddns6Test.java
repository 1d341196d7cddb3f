package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.it.harness.Bind9;
import dev.nestor.it.harness.DdnsClients;
import dev.nestor.it.harness.DdnsDaemon;
import dev.nestor.it.harness.Dhclient6;
import dev.nestor.it.harness.Dhcp6Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Require;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dynamic DNS end to end (issue 7), DHCPv6: ISC {@code dhclient -6} sending the client FQDN option (39) with the S
 * flag, the DHCPv6 server under test ({@code bin/nestor-dhcp6}, or kea-dhcp6 with {@code NESTOR_IT_SERVER=kea})
 * sending NameChangeRequests to {@code bin/nestor-ddns}, which updates a real BIND 9: an AAAA record and a PTR in
 * {@code 8.b.d.0.1.0.0.2.ip6.arpa} (with DHCIDs computed from the client's DUID), removed on release.
 *
 * <p>The same assertions hold for kea-dhcp6 and nestor-dhcp6.
 */
class Ddns6Test extends LabTest {
    Bind9 dns;
    DdnsDaemon d2;
    private final List<AutoCloseable> extras = new ArrayList<>();

    @BeforeAll
    void setUp() {
        createLab6("2001:db8:1::1/64", "dhclient", "named", "named-checkconf", "dig", "tsig-keygen");
        String d2Problem = DdnsDaemon.Kind.NESTOR.unavailableReason();
        Require.that(d2Problem == null, d2Problem);
        dump.add("named log", () -> dns == null ? "(not started)" : dns.logTail(60));
        dump.add("nestor-ddns log", () -> d2 == null ? "(not started)" : d2.logTail(80));
        dump.add("nestor-ddns statistics", () -> d2 == null ? "(not started)" : d2.statisticsSummary());

        Bind9.TsigKey key = Bind9.TsigKey.generate("ddns-key", "hmac-sha256");
        dns = Bind9.start(lab, lab.serverNs(), Bind9.standardZones(key));
        extras.add(dns);
        d2 = DdnsDaemon.start(lab, DdnsDaemon.Kind.NESTOR, dns, List.of(new DdnsDaemon.Domain("example.org", key)),
                List.of(new DdnsDaemon.Domain(Bind9.REVERSE_2001_DB8, key)));
        extras.add(d2);

        Dhcp6Config config = Dhcp6Config.lan(lab);
        // Kea 2.2 keeps its server-id file there (default /var/lib/kea); nestor-dhcp6 reads it the same way
        config.dhcp6().put("data-directory", lab.workDir().toString());
        config.dhcp6().set("dhcp-ddns", d2.dhcpDdnsParams());
        config.dhcp6().put("ddns-send-updates", true).put("ddns-qualifying-suffix", "example.org.");
        startServer(config);
    }

    @AfterAll
    void stopDns() throws Exception {
        if (server != null && server.isAlive()) stopServerCleanly();
        for (AutoCloseable c : extras.reversed()) c.close();
    }

    @Test
    void aClientWithAnFqdnGetsAaaaPtrAndDhcidRecordsWhichGoAwayOnRelease() {
        Host h = lab.addClient("alpha6", "02:00:00:00:06:07");
        Dhclient6 c = client(DdnsClients.dhclient6WithFqdn(lab, h, "alpha6.example.org."));
        Dhclient6.Bound bound = c.obtain6();
        assertThat(Dhcp6ClientTest.inRange(bound.address(), "2001:db8:1::100", "2001:db8:1::1ff"))
                .as("address %s in the pool", bound.address()).isTrue();

        DdnsRecords.awaitPresent(dns, "alpha6.example.org", bound.address(), DdnsClients.dhcidFromDuid(c.duid(), "alpha6.example.org"));
        assertThat(Bind9.reverseName(bound.address())).endsWith("." + Bind9.REVERSE_2001_DB8);

        c.release();
        DdnsRecords.awaitGone(dns, "alpha6.example.org", bound.address());
    }
}
