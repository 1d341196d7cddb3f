package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.it.harness.Bind9;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.DdnsClients;
import dev.nestor.it.harness.DdnsDaemon;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dynamic DNS end to end (issue 7), DHCPv4: real ISC dhclient asking for a name, the DHCP server under test
 * ({@code bin/nestor-dhcp4}, or kea-dhcp4 with {@code NESTOR_IT_SERVER=kea}) sending NameChangeRequests to
 * {@code bin/nestor-ddns}, which updates a real BIND 9 with TSIG-signed updates. All three run in the lab's server
 * namespace (BIND and nestor-ddns on its loopback); every check is a {@code dig} against BIND.
 *
 * <p>The zone {@code rogue.example.org} accepts updates signed with key {@code rogue-key}, but nestor-ddns's
 * config has another secret for that key: the "wrong TSIG key" case.
 */
class DdnsTest extends LabTest {
    static final String POOL_FIRST = "192.0.2.100";
    static final String POOL_LAST = "192.0.2.199";
    static final Duration TXN_TIMEOUT = Duration.ofSeconds(30);

    Bind9 dns;
    DdnsDaemon d2;
    private final List<AutoCloseable> extras = new ArrayList<>();

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "dhclient", "named", "named-checkconf", "dig", "tsig-keygen");
        String d2Problem = DdnsDaemon.Kind.NESTOR.unavailableReason();
        Require.that(d2Problem == null, d2Problem);
        dump.add("named log", () -> dns == null ? "(not started)" : dns.logTail(60));
        dump.add("nestor-ddns log", () -> d2 == null ? "(not started)" : d2.logTail(80));
        dump.add("nestor-ddns statistics", () -> d2 == null ? "(not started)" : d2.statisticsSummary());

        Bind9.TsigKey key = Bind9.TsigKey.generate("ddns-key", "hmac-sha256");
        Bind9.TsigKey rogueInBind = Bind9.TsigKey.generate("rogue-key", "hmac-sha256");
        List<Bind9.Zone> zones = new ArrayList<>(Bind9.standardZones(key));
        zones.add(new Bind9.Zone("rogue.example.org", rogueInBind));
        dns = Bind9.start(lab, lab.serverNs(), zones);
        extras.add(dns);
        d2 = DdnsDaemon.start(lab, DdnsDaemon.Kind.NESTOR, dns,
                List.of(new DdnsDaemon.Domain("example.org", key),
                        new DdnsDaemon.Domain("rogue.example.org", rogueInBind.withOtherSecret())),
                List.of(new DdnsDaemon.Domain(Bind9.REVERSE_192_0_2, key)));
        extras.add(d2);

        startServer(ddnsConfig(Dhcp4Config.basic(lab), d2));
    }

    /** The DHCP side as the how-to (docs/ddns.md) sets it up: send NCRs to the daemon, qualify bare host names. */
    static Dhcp4Config ddnsConfig(Dhcp4Config config, DdnsDaemon d2) {
        config.subnet(1, "192.0.2.0/24", POOL_FIRST + " - " + POOL_LAST);
        config.dhcp4().set("dhcp-ddns", d2.dhcpDdnsParams());
        config.dhcp4().put("ddns-send-updates", true).put("ddns-qualifying-suffix", "example.org.");
        return config;
    }

    @AfterAll
    void stopDns() throws Exception {
        // the DHCP server first (LabTest), then the daemons; the lab would kill them anyway
        if (server != null && server.isAlive()) stopServerCleanly();
        for (AutoCloseable c : extras.reversed()) c.close();
    }

    @Test
    void aClientWithAnFqdnGetsAPtrAndDhcidRecordsWhichGoAwayOnRelease() {
        Host h = lab.addClient("alpha", null);
        Dhclient c = client(DdnsClients.dhclientWithFqdn(lab, h, "alpha.example.org."));
        ClientLease lease = c.obtain();
        String dhcid = DdnsClients.dhcidFromMac(h.mac(), "alpha.example.org");

        DdnsRecords.awaitPresent(dns, "alpha.example.org", lease.address(), dhcid);
        assertThat(d2.statistic("update-success")).as("nestor-ddns update-success").isGreaterThanOrEqualTo(2);

        c.release();
        DdnsRecords.awaitGone(dns, "alpha.example.org", lease.address());
    }

    @Test
    void aBareHostNameIsQualifiedWithTheSuffix() {
        Host h = lab.addClient("beta", null);
        Dhclient c = client(DdnsClients.dhclientWithHostname(lab, h, "beta"));
        ClientLease lease = c.obtain();

        DdnsRecords.awaitPresent(dns, "beta.example.org", lease.address(), DdnsClients.dhcidFromMac(h.mac(), "beta.example.org"));

        c.release();
        DdnsRecords.awaitGone(dns, "beta.example.org", lease.address());
    }

    @Test
    void aSecondClientClaimingTheSameNameDoesNotTakeItUnderCheckWithDhcid() {
        Host first = lab.addClient("gam1", null);
        Dhclient owner = client(DdnsClients.dhclientWithFqdn(lab, first, "gamma.example.org."));
        ClientLease ownerLease = owner.obtain();
        String ownerDhcid = DdnsClients.dhcidFromMac(first.mac(), "gamma.example.org");
        DdnsRecords.awaitPresent(dns, "gamma.example.org", ownerLease.address(), ownerDhcid);

        Host second = lab.addClient("gam2", null);
        Dhclient claimant = client(DdnsClients.dhclientWithFqdn(lab, second, "gamma.example.org."));
        long before = d2.awaitIdle(TXN_TIMEOUT);
        ClientLease claimantLease = claimant.obtain();
        assertThat(claimantLease.address()).as("the claimant still gets a lease of its own").isNotEqualTo(ownerLease.address());
        d2.awaitCompleted(before, 1, TXN_TIMEOUT); // the claimant's add, refused

        assertThat(dns.query("gamma.example.org.", "A")).as("A of gamma after the claim").containsExactly(ownerLease.address());
        assertThat(dns.query("gamma.example.org.", "DHCID")).as("DHCID of gamma after the claim").containsExactly(ownerDhcid);
        assertThat(dns.query(Bind9.reverseName(claimantLease.address()), "PTR")).as("no PTR for the claimant").isEmpty();

        // the claimant's release cannot remove the owner's records either
        before = d2.awaitIdle(TXN_TIMEOUT);
        claimant.release();
        d2.awaitCompleted(before, 1, TXN_TIMEOUT);
        assertThat(dns.query("gamma.example.org.", "A")).as("A of gamma after the claimant's release").containsExactly(ownerLease.address());

        owner.release();
        DdnsRecords.awaitGone(dns, "gamma.example.org", ownerLease.address());
    }

    @Test
    void aWrongTsigKeyIsRefusedByBindCountedAsAnErrorAndDhcpKeepsServing() {
        long before = d2.awaitIdle(TXN_TIMEOUT);
        long errors = Math.max(0, d2.statistic("update-error"));
        long keyErrors = Math.max(0, d2.statistic("key[rogue-key.].update-error"));

        Host h = lab.addClient("rogue", null);
        Dhclient c = client(DdnsClients.dhclientWithFqdn(lab, h, "intruder.rogue.example.org."));
        ClientLease lease = c.obtain();
        assertThat(lease.address()).as("the client is served although DNS refuses its name").isNotBlank();
        d2.awaitCompleted(before, 1, TXN_TIMEOUT);

        assertThat(dns.query("intruder.rogue.example.org.", "A")).as("A of the refused name").isEmpty();
        assertThat(dns.query(Bind9.reverseName(lease.address()), "PTR")).as("PTR of the refused lease").isEmpty();
        assertThat(d2.statistic("update-error")).as("nestor-ddns update-error").isGreaterThan(errors);
        assertThat(d2.statistic("key[rogue-key.].update-error")).as("update-error of rogue-key").isGreaterThan(keyErrors);
        assertThat(dns.logTail(200)).as("BIND logs the bad signature").contains("rogue-key");

        // nothing else broke: both daemons are up, and the next client gets a lease and its records
        assertThat(d2.isAlive()).isTrue();
        assertThat(server.isAlive()).isTrue();
        Host next = lab.addClient("delta", null);
        Dhclient ok = client(DdnsClients.dhclientWithFqdn(lab, next, "delta.example.org."));
        ClientLease okLease = ok.obtain();
        DdnsRecords.awaitPresent(dns, "delta.example.org", okLease.address(), DdnsClients.dhcidFromMac(next.mac(), "delta.example.org"));
        ok.release();
        DdnsRecords.awaitGone(dns, "delta.example.org", okLease.address());
    }
}
