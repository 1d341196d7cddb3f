package dev.nestor.daemon.ddns;

import dev.nestor.common.net.HwAddress;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.ConflictResolutionMode;
import dev.nestor.ddns.ncr.Dhcid;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.ncr.NcrSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * nestor-ddns (the real daemon) against a real BIND 9: NameChangeRequests sent over UDP with {@link NcrSender}, the
 * zone contents checked with dig. One named and one nestor-ddns serve every test; each test uses its own names.
 * A test waits for the daemon to report its transactions finished (status-get), then looks at DNS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DdnsBindTest {
    static final String SECRET = "8QyTwb3gAJqJzPyA3L4dnLYpO2o2lsbAFG8Ag1ZDUPc=";
    static final String ROGUE_SECRET = "c2VjcmV0IG5vYm9keSBlbHNlIGtub3dzIGF0IGFsbCE=";
    static final String ZONE6 = "8.b.d.0.1.0.0.2.ip6.arpa";

    Path dir;
    NamedServer named;
    NestorDdnsProcess ddns;
    NcrSender sender;

    @BeforeAll
    void start() throws Exception {
        Tools.require("named");
        Tools.require("dig");
        dir = Files.createTempDirectory("nestor-ddns-bind");
        Map<String, String> zones = new LinkedHashMap<>();
        for (String z : List.of("example.org", "2.0.192.in-addr.arpa", ZONE6, "rogue.example.org", "backup.example.org"))
            zones.put(z, "ddns-key");
        named = NamedServer.start(dir, Map.of("ddns-key", "hmac-sha256 " + SECRET), zones);
        int dead = Tools.freePort(); // nothing listens there: the first server of backup.example.org is down
        String server = "{ \"ip-address\": \"127.0.0.1\", \"port\": " + named.port() + " }";
        ddns = NestorDdnsProcess.start(dir, """
                "dns-server-timeout": 1000,
                "tsig-keys": [
                  { "name": "ddns-key", "algorithm": "HMAC-SHA256", "secret": "%s" },
                  { "name": "rogue-key", "algorithm": "HMAC-SHA256", "secret": "%s" } ],
                "forward-ddns": { "ddns-domains": [
                  { "name": "example.org.", "key-name": "ddns-key", "dns-servers": [ %s ] },
                  { "name": "rogue.example.org.", "key-name": "rogue-key", "dns-servers": [ %s ] },
                  { "name": "backup.example.org.", "key-name": "ddns-key",
                    "dns-servers": [ { "ip-address": "127.0.0.1", "port": %d }, %s ] } ] },
                "reverse-ddns": { "ddns-domains": [
                  { "name": "2.0.192.in-addr.arpa.", "key-name": "ddns-key", "dns-servers": [ %s ] },
                  { "name": "%s.", "key-name": "ddns-key", "dns-servers": [ %s ] } ] }
                """.formatted(SECRET, ROGUE_SECRET, server, server, dead, server, server, ZONE6, server));
        sender = new NcrSender(ddns.ncrAddress(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        sender.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (sender != null) sender.close();
        if (ddns != null) ddns.close();
        if (named != null) named.close();
        // -Dnestor.keepLogs=true keeps named's, nestor-ddns' and Kea's configs and logs for a look afterwards
        if (dir != null && !Boolean.getBoolean("nestor.keepLogs")) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static NameChangeRequest ncr(ChangeType type, String fqdn, String address, String mac, boolean reverse) {
        Dhcid dhcid = Dhcid.fromHwAddress(HwAddress.parse(mac), fqdn);
        return new NameChangeRequest(type, true, reverse, fqdn, InetAddress.ofLiteral(address), dhcid,
                1_800_000_000L, 600, ConflictResolutionMode.CHECK_WITH_DHCID);
    }

    /** Sends the requests and waits until the daemon has finished that many more transactions. */
    void process(NameChangeRequest... requests) throws Exception {
        long before = ddns.completed();
        for (NameChangeRequest r : requests) assertThat(sender.send(r)).isTrue();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> ddns.completed() >= before + requests.length);
    }

    static String base64(Dhcid d) {
        return Base64.getEncoder().encodeToString(d.toArray());
    }

    @Test
    void aLeaseGetsAandDhcidAndPtrAndLosesThemOnRemove() throws Exception {
        NameChangeRequest add = ncr(ChangeType.ADD, "host1.example.org", "192.0.2.10", "00:11:22:33:44:01", true);
        long signed = ddns.stat("update-signed");
        process(add);
        assertThat(named.query("host1.example.org", "A")).containsExactly("192.0.2.10");
        assertThat(named.query("host1.example.org", "DHCID")).containsExactly(base64(add.dhcid()));
        assertThat(named.query("10.2.0.192.in-addr.arpa", "PTR")).containsExactly("host1.example.org.");
        assertThat(named.query("10.2.0.192.in-addr.arpa", "DHCID")).containsExactly(base64(add.dhcid()));
        assertThat(named.answer("host1.example.org", "A")).singleElement().asString().contains("\t600\t");
        assertThat(ddns.stat("update-signed") - signed).isEqualTo(2);

        process(ncr(ChangeType.REMOVE, "host1.example.org", "192.0.2.10", "00:11:22:33:44:01", true));
        assertThat(named.query("host1.example.org", "A")).isEmpty();
        assertThat(named.query("host1.example.org", "DHCID")).isEmpty();
        assertThat(named.query("10.2.0.192.in-addr.arpa", "PTR")).isEmpty();
        assertThat(named.query("10.2.0.192.in-addr.arpa", "DHCID")).isEmpty();
    }

    @Test
    void anotherClientCannotTakeANameButItsOwnerCanMoveIt() throws Exception {
        NameChangeRequest first = ncr(ChangeType.ADD, "shared.example.org", "192.0.2.20", "00:11:22:33:44:02", true);
        process(first);
        assertThat(named.query("shared.example.org", "A")).containsExactly("192.0.2.20");

        // a different client (other DHCID) claims the same name under check-with-dhcid: refused, nothing changes
        long sent = ddns.stat("update-sent");
        long answered = ddns.stat("update-success");
        process(ncr(ChangeType.ADD, "shared.example.org", "192.0.2.21", "00:11:22:33:44:99", true));
        // add refused (YXDOMAIN), DHCID-guarded replace refused (NXRRSET), reverse never tried
        assertThat(ddns.stat("update-sent") - sent).isEqualTo(2);
        assertThat(ddns.stat("update-success") - answered).isEqualTo(2);
        assertThat(named.query("shared.example.org", "A")).containsExactly("192.0.2.20");
        assertThat(named.query("shared.example.org", "DHCID")).containsExactly(base64(first.dhcid()));
        assertThat(named.query("21.2.0.192.in-addr.arpa", "PTR")).isEmpty();

        // the owner renews with a new address: its DHCID matches, the address is replaced
        process(ncr(ChangeType.ADD, "shared.example.org", "192.0.2.22", "00:11:22:33:44:02", true));
        assertThat(named.query("shared.example.org", "A")).containsExactly("192.0.2.22");
        assertThat(named.query("22.2.0.192.in-addr.arpa", "PTR")).containsExactly("shared.example.org.");

        // the other client's remove cannot delete the owner's records either
        process(ncr(ChangeType.REMOVE, "shared.example.org", "192.0.2.22", "00:11:22:33:44:99", false));
        assertThat(named.query("shared.example.org", "A")).containsExactly("192.0.2.22");
    }

    @Test
    void aWrongTsigKeyIsRefusedByBindCountedAsErrorAndNothingElseBreaks() throws Exception {
        long errors = ddns.stat("update-error");
        process(ncr(ChangeType.ADD, "intruder.rogue.example.org", "192.0.2.30", "00:11:22:33:44:03", false));
        assertThat(named.query("intruder.rogue.example.org", "A")).isEmpty();
        // three tries on the only server, each answered with a TSIG error that cannot verify
        assertThat(ddns.stat("update-error") - errors).isEqualTo(3);
        assertThat(ddns.stat("key[rogue-key.].update-error")).isEqualTo(3);
        assertThat(ddns.stat("key[rogue-key.].update-sent")).isEqualTo(3);
        assertThat(ddns.stat("key[rogue-key.].update-success")).isZero();
        assertThat(named.describe()).containsIgnoringCase("rogue-key");

        assertThat(ddns.isAlive()).isTrue();
        process(ncr(ChangeType.ADD, "after.example.org", "192.0.2.31", "00:11:22:33:44:04", true));
        assertThat(named.query("after.example.org", "A")).containsExactly("192.0.2.31");
        assertThat(named.query("31.2.0.192.in-addr.arpa", "PTR")).containsExactly("after.example.org.");
    }

    @Test
    void ipv6LeaseGetsAaaaAndIp6ArpaPtr() throws Exception {
        NameChangeRequest add = ncr(ChangeType.ADD, "host6.example.org", "2001:db8::6", "00:11:22:33:44:06", true);
        process(add);
        String rev = "6.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";
        assertThat(named.query("host6.example.org", "AAAA")).containsExactly("2001:db8::6");
        assertThat(named.query("host6.example.org", "DHCID")).containsExactly(base64(add.dhcid()));
        assertThat(named.query(rev, "PTR")).containsExactly("host6.example.org.");
        process(ncr(ChangeType.REMOVE, "host6.example.org", "2001:db8::6", "00:11:22:33:44:06", true));
        assertThat(named.query("host6.example.org", "AAAA")).isEmpty();
        assertThat(named.query(rev, "PTR")).isEmpty();
    }

    @Test
    void aDeadFirstServerIsTriedThenTheNextOneServes() throws Exception {
        long errors = ddns.stat("update-error");
        process(ncr(ChangeType.ADD, "h.backup.example.org", "192.0.2.40", "00:11:22:33:44:07", false));
        assertThat(named.query("h.backup.example.org", "A")).containsExactly("192.0.2.40");
        assertThat(ddns.stat("update-error") - errors).isEqualTo(3);
    }

    @Test
    void aBadNcrIsCountedAndDropped() throws Exception {
        long invalid = ddns.stat("ncr-invalid");
        byte[] junk = "\u0000\u0005{bad}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.send(new DatagramPacket(junk, junk.length, ddns.ncrAddress()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ddns.stat("ncr-invalid") > invalid);
        assertThat(ddns.stat("ncr-invalid")).isEqualTo(invalid + 1);
        assertThat(ddns.isAlive()).isTrue();
    }

    /** Everything DNS holds for a lease, as answer lines (owner, TTL, class, type, data). */
    List<String> records(String fqdn, String reverse) throws Exception {
        List<String> all = new java.util.ArrayList<>();
        all.addAll(named.answer(fqdn, "A"));
        all.addAll(named.answer(fqdn, "DHCID"));
        all.addAll(named.answer(reverse, "PTR"));
        all.addAll(named.answer(reverse, "DHCID"));
        return all;
    }

    /**
     * Interop: Kea's own kea-dhcp-ddns, fed by our NcrSender, writes exactly the records nestor-ddns writes for the
     * same NameChangeRequest (which proves our NCR encoding), and removes them again.
     */
    @Test
    void keaDhcpDdnsWritesTheSameRecordsFromOurNcrs() throws Exception {
        Path keaBinary = Tools.require("kea-dhcp-ddns");
        String fqdn = "interop.example.org";
        String reverse = "50.2.0.192.in-addr.arpa";
        NameChangeRequest add = ncr(ChangeType.ADD, fqdn, "192.0.2.50", "00:11:22:33:44:50", true);
        NameChangeRequest remove = ncr(ChangeType.REMOVE, fqdn, "192.0.2.50", "00:11:22:33:44:50", true);

        process(add);
        List<String> ours = records(fqdn, reverse);
        assertThat(ours).hasSize(4);
        process(remove);
        assertThat(records(fqdn, reverse)).isEmpty();

        Path keaDir = Files.createDirectories(dir.resolve("kea"));
        int keaPort = Tools.freePort();
        String server = "{ \"ip-address\": \"127.0.0.1\", \"port\": " + named.port() + " }";
        Path conf = keaDir.resolve("kea-dhcp-ddns.json");
        Files.writeString(conf, """
                { "DhcpDdns": { "ip-address": "127.0.0.1", "port": %d, "dns-server-timeout": 1000,
                  "tsig-keys": [ { "name": "ddns-key", "algorithm": "HMAC-SHA256", "secret": "%s" } ],
                  "forward-ddns": { "ddns-domains": [ { "name": "example.org.", "key-name": "ddns-key", "dns-servers": [ %s ] } ] },
                  "reverse-ddns": { "ddns-domains": [ { "name": "2.0.192.in-addr.arpa.", "key-name": "ddns-key", "dns-servers": [ %s ] } ] },
                  "loggers": [ { "name": "kea-dhcp-ddns", "severity": "DEBUG", "debuglevel": 99,
                                 "output_options": [ { "output": "stdout" } ] } ] } }
                """.formatted(keaPort, SECRET, server, server));
        try (ChildProcess kea = ChildProcess.start("kea-dhcp-ddns", List.of(keaBinary.toString(), "-c", conf.toString()),
                keaDir, Map.of("KEA_PIDFILE_DIR", keaDir.toString(), "KEA_LOCKFILE_DIR", keaDir.toString()));
             NcrSender toKea = new NcrSender(new InetSocketAddress("127.0.0.1", keaPort),
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !kea.isAlive() || kea.log().contains("DHCP_DDNS_STARTED"));
            assertThat(kea.isAlive()).as(kea.describe()).isTrue();
            toKea.start();
            assertThat(toKea.send(add)).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> records(fqdn, reverse).size() == 4
                    || kea.log().contains("DHCP_DDNS_INVALID_NCR"));
            assertThat(kea.log()).as(kea.describe()).doesNotContain("DHCP_DDNS_INVALID_NCR");
            assertThat(records(fqdn, reverse)).as(kea.describe()).isEqualTo(ours);

            assertThat(toKea.send(remove)).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> records(fqdn, reverse).isEmpty());
        }
    }

    @Test
    void commandsAnswerAsKeas() throws Exception {
        var cfg = ddns.command("{ \"command\": \"config-get\" }");
        assertThat(cfg.path("result").asInt()).isZero();
        assertThat(cfg.path("arguments").path("DhcpDdns").path("forward-ddns").path("ddns-domains")).hasSize(3);
        assertThat(cfg.path("arguments").path("hash").asText()).hasSize(64);
        var test = ddns.command("{ \"command\": \"config-test\", \"arguments\": { \"DhcpDdns\": { \"port\": 0 } } }");
        assertThat(test.path("result").asInt()).isEqualTo(1);
        assertThat(test.path("text").asText()).contains("DhcpDdns.port: D2Params: port cannot be 0");
        var stats = ddns.command("{ \"command\": \"statistic-get-all\" }").path("arguments");
        assertThat(stats.has("ncr-received")).isTrue();
        assertThat(stats.has("queue-mgr-queue-full")).isTrue();
        assertThat(stats.has("key[ddns-key.].update-success")).isTrue();
        assertThat(ddns.command("{ \"command\": \"list-commands\" }").path("arguments").toString())
                .contains("config-set", "config-reload", "shutdown", "statistic-get", "version-get", "status-get");
    }
}
