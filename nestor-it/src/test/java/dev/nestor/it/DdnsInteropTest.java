package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.it.harness.Bind9;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.DdnsClients;
import dev.nestor.it.harness.DdnsDaemon;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.DumpOnFailure;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.NetnsLab;
import dev.nestor.it.harness.Require;
import dev.nestor.it.harness.ServerKind;
import dev.nestor.it.harness.ServerProcess;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interop in both directions of the DHCP server → DDNS daemon link (Kea's NameChangeRequest protocol: UDP, 2-byte
 * length + JSON), each with a real dhclient and the records checked in a real BIND 9:
 * <ul>
 *   <li>ISC kea-dhcp4 → nestor-ddns;</li>
 *   <li>nestor-dhcp4 → ISC kea-dhcp-ddns;</li>
 *   <li>and, for reference, Kea on both sides (the lab, BIND and the configs are right when this one passes).</li>
 * </ul>
 * One lab and one BIND serve both; each test starts its own pair of daemons (one DHCP server on the link at a time)
 * and stops them, even when it fails. The server kind is fixed per test, whatever {@code NESTOR_IT_SERVER} says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DdnsInteropTest {
    @RegisterExtension
    final DumpOnFailure dump = new DumpOnFailure();

    NetnsLab lab;
    Bind9 dns;
    Bind9.TsigKey key;
    ServerProcess server;
    DdnsDaemon d2;
    Dhclient client;

    @BeforeAll
    void setUp() {
        Require.lab(ServerKind.KEA, "dhclient", "named", "named-checkconf", "dig", "tsig-keygen", "kea-dhcp-ddns");
        for (String problem : new String[] {ServerKind.NESTOR.unavailableReason(), DdnsDaemon.Kind.NESTOR.unavailableReason(),
                DdnsDaemon.Kind.KEA.unavailableReason()}) {
            Require.that(problem == null, problem);
        }
        lab = NetnsLab.create("192.0.2.1/24");
        dump.add("named log", () -> dns == null ? "(not started)" : dns.logTail(60));
        dump.add("DHCP server log", () -> server == null ? "(not started)" : server.logTail(80));
        dump.add("DDNS daemon log", () -> d2 == null ? "(not started)" : d2.logTail(80));
        dump.add("DDNS daemon statistics", () -> d2 == null ? "(not started)" : d2.statisticsSummary());
        dump.add("client", () -> client == null ? "(not started)" : client.diagnostics());
        key = Bind9.TsigKey.generate("ddns-key", "hmac-sha256");
        dns = Bind9.start(lab, lab.serverNs(), Bind9.standardZones(key));
    }

    @AfterEach
    void stopDaemons() {
        // the client, then the DHCP server, then the DDNS daemon; a failed test leaves nothing for the next one
        try {
            if (client != null) client.close();
            if (server != null && server.isAlive()) {
                int exit = server.stop();
                assertThat(exit).as("%s exit code after SIGTERM\n%s", server.kind(), server.logTail(30)).isZero();
            }
        } finally {
            if (server != null) server.close();
            if (d2 != null) d2.close();
            client = null;
            server = null;
            d2 = null;
        }
    }

    @AfterAll
    void tearDown() {
        try {
            if (dns != null) dns.close();
        } finally {
            if (lab != null) lab.close();
        }
    }

    @Test
    void keaDhcp4FeedsNestorDdns() {
        leaseNameAppearsAndGoes(ServerKind.KEA, DdnsDaemon.Kind.NESTOR, "kea-client", "kea4");
        assertThat(d2.statistic("ncr-received")).as("NCRs nestor-ddns took from kea-dhcp4").isEqualTo(2);
        assertThat(d2.statistic("ncr-invalid")).as("NCRs from kea-dhcp4 nestor-ddns could not read").isZero();
    }

    @Test
    void nestorDhcp4FeedsKeaDhcpDdns() {
        leaseNameAppearsAndGoes(ServerKind.NESTOR, DdnsDaemon.Kind.KEA, "nestor-client", "nst4");
        assertThat(d2.logText()).as("kea-dhcp-ddns read every NCR of nestor-dhcp4").doesNotContain("DHCP_DDNS_INVALID_NCR");
    }

    /** The reference pair, Kea on both sides: proves the lab, BIND and the config, so a failure above is Nestor's. */
    @Test
    void keaDhcp4FeedsKeaDhcpDdnsForReference() {
        leaseNameAppearsAndGoes(ServerKind.KEA, DdnsDaemon.Kind.KEA, "reference", "ref4");
    }

    /** A lease with an FQDN from {@code dhcp} makes {@code ddns} write A, PTR and DHCIDs; the release removes them. */
    private void leaseNameAppearsAndGoes(ServerKind dhcp, DdnsDaemon.Kind ddns, String host, String role) {
        d2 = DdnsDaemon.start(lab, ddns, dns, List.of(new DdnsDaemon.Domain("example.org", key)),
                List.of(new DdnsDaemon.Domain(Bind9.REVERSE_192_0_2, key)));
        server = ServerProcess.start(lab, dhcp, DdnsTest.ddnsConfig(Dhcp4Config.basic(lab), d2));

        String fqdn = host + ".example.org";
        Host h = lab.addClient(role, null);
        client = DdnsClients.dhclientWithFqdn(lab, h, fqdn + ".");
        ClientLease lease = client.obtain();
        DdnsRecords.awaitPresent(dns, fqdn, lease.address(), DdnsClients.dhcidFromMac(h.mac(), fqdn));

        client.release();
        DdnsRecords.awaitGone(dns, fqdn, lease.address());
        assertThat(d2.isAlive()).isTrue();
    }
}
