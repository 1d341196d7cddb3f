package dev.nestor.dhcp6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.Dhcp6Codec;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.IaAddress;
import dev.nestor.codec.v6.IaNa;
import dev.nestor.codec.v6.IaPd;
import dev.nestor.codec.v6.IaPrefix;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.control.CommandRegistry;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.Dhcid;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.ncr.NcrCodec;
import dev.nestor.dhcp6.ddns.DnsUpdates6;
import dev.nestor.dhcp6.pipeline.ClientLocks;
import dev.nestor.dhcp6.pipeline.Dhcp6Pipeline;
import dev.nestor.dhcp6.respond.ReplyRouting6;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.v6.LeaseCounters6;
import dev.nestor.engine.v6.LeaseReclaimer6;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.v6.Ddns6Update;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.memfile.MemfileLeaseStore6;
import dev.nestor.transport.InboundDatagram6;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic DNS through the DHCPv6 pipeline: option 39 answered as Kea's, the leases' name and directions (in the lease
 * file too), and the NameChangeRequests a UDP socket standing in for the DDNS daemon receives.
 */
class DdnsPipeline6Test {
    private static final Bytes SERVER_DUID = Bytes.fromHex(Dhcp6PipelineTest.SERVER_DUID);
    private static final Bytes DUID = Bytes.fromHex("00030001020000000001");
    private static final Bytes PRINTER_DUID = Bytes.fromHex("000300010200000000aa");
    /** RFC 4704 flag bits as sent on the wire. */
    private static final int S = 0x01, N = 0x04;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_800_000_000L);
    private final StatsRegistry stats = new StatsRegistry();
    private final DatagramSocket daemon;
    private final DdnsClient ddns = new DdnsClient();
    private final ObserverLibrary6 lib = new ObserverLibrary6();
    private MemfileLeaseStore6 store;
    private Dhcp6Runtime runtime;
    private Dhcp6Pipeline pipeline;
    private int xid = 0x100;

    DdnsPipeline6Test() throws Exception {
        daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon.setSoTimeout(10_000);
    }

    private void start(String replaceClientName) throws Exception {
        start(replaceClientName, true);
    }

    private void start(String replaceClientName, boolean enableUpdates) throws Exception {
        start(replaceClientName, enableUpdates, "");
    }

    /** @param extra more global parameters (JSON members, each followed by a comma) */
    private void start(String replaceClientName, boolean enableUpdates, String extra) throws Exception {
        String json = """
                { "Dhcp6": { %s
                  "preferred-lifetime": 3000, "valid-lifetime": 4000,
                  "dhcp-ddns": { "enable-updates": %s, "server-ip": "127.0.0.1", "server-port": %d },
                  "ddns-send-updates": true, "ddns-qualifying-suffix": "example.org",
                  "ddns-replace-client-name": "%s", "ddns-conflict-resolution-mode": "no-check-with-dhcid",
                  "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth0", "rapid-commit": true,
                      "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ],
                      "pd-pools": [ { "prefix": "2001:db8:8000::", "prefix-len": 40, "delegated-len": 56 } ],
                      "reservations": [ { "duid": "00:03:00:01:02:00:00:00:00:aa", "hostname": "Printer" } ] } ] } }
                """.formatted(extra, enableUpdates, daemon.getLocalPort(), replaceClientName);
        store = MemfileLeaseStore6.open(Map.of("type", "memfile", "name", dir.resolve("leases6.csv").toString(), "lfc-interval", "0"),
                new StoreContext(now::get, dir));
        runtime = Dhcp6Runtime.prepare(Dhcp6ConfigParser.parse(ConfigText.parse(json, Path.of("."))),
                new HookCommands(new CommandRegistry()), BuiltinLibraries.standard().with("observer", () -> lib)).bind(store, SERVER_DUID);
        runtime.hooks().activate();
        ddns.configure(runtime.config().dhcpDdns());
        pipeline = new Dhcp6Pipeline(() -> runtime, new PoolCursors(), stats, now::get, new ReplyRouting6(547, 546),
                new ClientLocks(), _ -> {}, ddns);
    }

    @AfterEach
    void stop() {
        if (runtime != null) runtime.hooks().close();
        ddns.close();
        daemon.close();
        if (store != null) store.close();
    }

    // ---- packets ----

    private static dev.nestor.codec.v6.ClientFqdn fqdn(int flags, String name) {
        return new dev.nestor.codec.v6.ClientFqdn(flags, name);
    }

    /** A client message with IA_NA 1 (and IA_PD 2 when {@code pd}), hinting {@code address} when not null. */
    private Dhcp6Message query(MessageType6 type, Bytes duid, Bytes address, boolean pd, dev.nestor.codec.v6.ClientFqdn fqdn) {
        IaNa na = address == null ? IaNa.of(1, 0, 0) : IaNa.of(1, 0, 0, IaAddress.of(address, 0, 0));
        Dhcp6Message q = Dhcp6Message.of(type, ++xid, na).withOption(OptionCodes6.CLIENTID, duid);
        if (pd) q = q.plusOption(IaPd.of(2, 0, 0));
        if (type != MessageType6.SOLICIT && type != MessageType6.REBIND) q = q.withOption(OptionCodes6.SERVERID, SERVER_DUID);
        return fqdn == null ? q : q.withOption(fqdn);
    }

    private Dhcp6Message exchange(Dhcp6Message q) {
        var out = pipeline.process(new InboundDatagram6(Dhcp6Codec.encode(q), Ipv6.parse(Dhcp6PipelineTest.CLIENT_LL).toArray(),
                546, Ipv6.ALL_DHCP_RELAY_AGENTS_AND_SERVERS.toArray(), 7, "eth0", 0)).orElseThrow(() -> new AssertionError("no reply"));
        try {
            return (Dhcp6Message) Dhcp6Codec.decode(out.data());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** SOLICIT then REQUEST for what was advertised, both carrying {@code fqdn}; {@return the REPLY} */
    private Dhcp6Message solicitRequest(Bytes duid, boolean pd, dev.nestor.codec.v6.ClientFqdn fqdn) throws Exception {
        Dhcp6Message advertise = exchange(query(MessageType6.SOLICIT, duid, null, pd, fqdn));
        assertThat(advertise.type()).isEqualTo(MessageType6.ADVERTISE);
        Dhcp6Message request = query(MessageType6.REQUEST, duid, address(advertise), pd, fqdn);
        if (pd) {
            IaPrefix prefix = advertise.iaPd().getFirst().prefixes().getFirst();
            request = request.withoutOption(OptionCodes6.IA_PD).plusOption(IaPd.of(2, 0, 0, IaPrefix.of(
                    new dev.nestor.codec.net.Ipv6Prefix(prefix.prefix(), prefix.prefixLength()), 0, 0)));
        }
        return exchange(request);
    }

    private static Bytes address(Dhcp6Message reply) throws Exception {
        return reply.iaNa().getFirst().addresses().getFirst().address();
    }

    private NameChangeRequest ncr() throws Exception {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        daemon.receive(p);
        return NcrCodec.decode(buf, 0, p.getLength());
    }

    /** Everything queued went out; {@return how many requests were sent in all} */
    private long sent() throws Exception {
        assertThat(ddns.awaitIdle(Duration.ofSeconds(10))).isTrue();
        return ddns.sentCount();
    }

    private static String optionHex(Dhcp6Message m) {
        return m.option(OptionCodes6.CLIENT_FQDN).orElseThrow(() -> new AssertionError("no option 39")).toHex();
    }

    private Lease6 lease(Bytes address) {
        return store.get(LeaseType6.NA, address).orElseThrow();
    }

    // ---- tests ----

    @Test
    void clientFqdnIsAnsweredStoredAndSentToTheDaemonOnlyAfterTheReply() throws Exception {
        start("never");
        Dhcp6Message advertise = exchange(query(MessageType6.SOLICIT, DUID, null, true, fqdn(S, "Laptop")));
        // S=1, the name qualified and in canonical (lower case, full) wire form
        String answer = "01" + "066c6170746f70" + "076578616d706c65" + "036f7267" + "00";
        assertThat(optionHex(advertise)).isEqualTo(answer);
        assertThat(sent()).as("no request for an ADVERTISE").isZero();

        Dhcp6Message reply = solicitRequest(DUID, true, fqdn(S, "Laptop"));
        assertThat(reply.type()).isEqualTo(MessageType6.REPLY);
        assertThat(optionHex(reply)).isEqualTo(answer);
        Bytes address = address(reply);
        Lease6 na = lease(address);
        assertThat(na.hostname()).isEqualTo("laptop.example.org.");
        assertThat(na.fqdnFwd()).isTrue();
        assertThat(na.fqdnRev()).isTrue();
        Bytes prefix = reply.iaPd().getFirst().prefixes().getFirst().prefix();
        assertThat(store.get(LeaseType6.PD, prefix).orElseThrow().hostname()).as("Kea names the client's prefixes too")
                .isEqualTo("laptop.example.org.");

        // the lease file holds the name and the directions (fqdn_fwd, fqdn_rev, hostname)
        store.flush();
        String line = Files.readAllLines(dir.resolve("leases6.csv")).stream()
                .filter(l -> l.startsWith(Ipv6.toString(address) + ",")).reduce((a, b) -> b).orElseThrow();
        assertThat(line).contains(",1,1,laptop.example.org.,");

        NameChangeRequest add = ncr();
        assertThat(add.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(add.isV6()).isTrue();
        assertThat(add.forwardChange()).isTrue();
        assertThat(add.reverseChange()).isTrue();
        assertThat(add.fqdn()).isEqualTo("laptop.example.org.");
        assertThat(add.ipAddressText()).isEqualTo(Ipv6.toString(address));
        assertThat(add.dhcid()).isEqualTo(Dhcid.fromDuid(DUID, "laptop.example.org."));
        assertThat(add.leaseLength()).isEqualTo(1333);
        assertThat(add.leaseExpiresOn()).isEqualTo(now.get() + 4000);
        assertThat(add.conflictResolutionMode().keaName()).isEqualTo("no-check-with-dhcid");
        assertThat(sent()).as("one request for the address, none for the prefix").isEqualTo(1);

        // RELEASE of both IAs: the address's records go, the prefix has none
        Dhcp6Message release = query(MessageType6.RELEASE, DUID, address, false, null)
                .plusOption(IaPd.of(2, 0, 0, IaPrefix.of(new dev.nestor.codec.net.Ipv6Prefix(prefix, 56), 0, 0)));
        exchange(release);
        NameChangeRequest remove = ncr();
        assertThat(remove.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(remove.fqdn()).isEqualTo("laptop.example.org.");
        assertThat(remove.ipAddressText()).isEqualTo(Ipv6.toString(address));
        assertThat(remove.dhcid()).isEqualTo(add.dhcid());
        assertThat(sent()).isEqualTo(2);
    }

    @Test
    void rapidCommitReplySendsTheRequest() throws Exception {
        start("never");
        Dhcp6Message reply = exchange(query(MessageType6.SOLICIT, DUID, null, false, fqdn(S, "fast"))
                .withOption(OptionCodes6.RAPID_COMMIT, Bytes.EMPTY));
        assertThat(reply.type()).isEqualTo(MessageType6.REPLY);
        NameChangeRequest add = ncr();
        assertThat(add.fqdn()).isEqualTo("fast.example.org.");
        assertThat(add.ipAddressText()).isEqualTo(Ipv6.toString(address(reply)));
    }

    @Test
    void clientThatUpdatesForwardItselfGetsOnlyTheReverseUpdate() throws Exception {
        start("never");
        Dhcp6Message reply = solicitRequest(DUID, false, fqdn(0, "laptop"));
        assertThat(reply.option(OptionCodes6.CLIENT_FQDN).orElseThrow().get(0)).isZero();
        NameChangeRequest add = ncr();
        assertThat(add.forwardChange()).isFalse();
        assertThat(add.reverseChange()).isTrue();
        assertThat(lease(address(reply)).fqdnFwd()).isFalse();
        assertThat(lease(address(reply)).fqdnRev()).isTrue();
    }

    @Test
    void clientAskingForNoUpdateGetsNoneAndTheNBitOnTheWire() throws Exception {
        start("never");
        Dhcp6Message reply = solicitRequest(DUID, false, fqdn(N, "quiet"));
        assertThat(optionHex(reply)).startsWith("04" + "057175696574");
        Lease6 l = lease(address(reply));
        assertThat(l.hostname()).isEqualTo("quiet.example.org.");
        assertThat(l.fqdnFwd()).isFalse();
        assertThat(l.fqdnRev()).isFalse();
        assertThat(sent()).isZero();
    }

    @Test
    void withoutADdnsDaemonTheAnswerSaysNoUpdateAndOverridden() throws Exception {
        start("never", false);
        Dhcp6Message reply = solicitRequest(DUID, false, fqdn(S, "laptop"));
        // S=0 N=1 O=1: the server will not do the update the client asked for
        assertThat(optionHex(reply)).isEqualTo("06" + "066c6170746f70076578616d706c65036f726700");
        assertThat(ddns.enabled()).isFalse();
    }

    @Test
    void reservedHostnameWins() throws Exception {
        start("never");
        Dhcp6Message reply = solicitRequest(PRINTER_DUID, false, fqdn(S, "other"));
        assertThat(optionHex(reply)).isEqualTo("01" + "077072696e746572" + "076578616d706c65036f726700");
        NameChangeRequest add = ncr();
        assertThat(add.fqdn()).isEqualTo("printer.example.org.");
        assertThat(add.dhcid()).isEqualTo(Dhcid.fromDuid(PRINTER_DUID, "printer.example.org."));
    }

    @Test
    void aClientWithoutTheOptionGetsAGeneratedNameWhenTheModeSuppliesOne() throws Exception {
        start("when-not-present");
        Dhcp6Message advertise = exchange(query(MessageType6.SOLICIT, DUID, null, false, null));
        assertThat(advertise.hasOption(OptionCodes6.CLIENT_FQDN)).as("Kea answers option 39 when it supplies a name").isTrue();
        Dhcp6Message reply = solicitRequest(DUID, false, null);
        Bytes address = address(reply);
        String expected = "myhost-" + Ipv6.toString(address).replace(':', '-') + ".example.org.";
        assertThat(reply.clientFqdn().orElseThrow().domainName()).isEqualTo(expected);
        assertThat(reply.clientFqdn().orElseThrow().flags()).isEqualTo(S);
        assertThat(lease(address).hostname()).isEqualTo(expected);
        assertThat(ncr().fqdn()).isEqualTo(expected);
    }

    @Test
    void withoutTheOptionAndNoSuppliedNameNothingIsSent() throws Exception {
        start("never");
        Dhcp6Message reply = solicitRequest(DUID, false, null);
        assertThat(reply.hasOption(OptionCodes6.CLIENT_FQDN)).isFalse();
        assertThat(lease(address(reply)).hostname()).isEmpty();
        assertThat(sent()).isZero();
    }

    @Test
    void renewalWithAnotherNameRemovesTheOldRecordsFirst() throws Exception {
        start("never");
        Dhcp6Message reply = solicitRequest(DUID, false, fqdn(S, "one"));
        Bytes address = address(reply);
        assertThat(ncr().fqdn()).isEqualTo("one.example.org.");

        now.addAndGet(100);
        Dhcp6Message renewed = exchange(query(MessageType6.RENEW, DUID, address, false, fqdn(S, "two")));
        assertThat(optionHex(renewed)).isEqualTo("01" + "0374776f" + "076578616d706c65036f726700");
        NameChangeRequest first = ncr();
        NameChangeRequest second = ncr();
        assertThat(first.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(first.fqdn()).isEqualTo("one.example.org.");
        assertThat(second.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(second.fqdn()).isEqualTo("two.example.org.");
        assertThat(lease(address).hostname()).isEqualTo("two.example.org.");

        // the same name again: nothing to tell the daemon (ddns-update-on-renew is off)
        now.addAndGet(100);
        exchange(query(MessageType6.REBIND, DUID, address, false, fqdn(S, "two")));
        assertThat(sent()).isEqualTo(3);
        assertThat(lease(address).hostname()).isEqualTo("two.example.org.");
        assertThat(lease(address).fqdnFwd()).isTrue();
    }

    @Test
    void declineAndExpiryRemoveTheRecords() throws Exception {
        start("never");
        Dhcp6Message reply = solicitRequest(DUID, false, fqdn(S, "a"));
        ncr();
        exchange(query(MessageType6.DECLINE, DUID, address(reply), false, null));
        NameChangeRequest declined = ncr();
        assertThat(declined.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(declined.fqdn()).isEqualTo("a.example.org.");
        assertThat(declined.ipAddressText()).isEqualTo(Ipv6.toString(address(reply)));

        Bytes other = Bytes.fromHex("00030001020000000002");
        Dhcp6Message second = solicitRequest(other, true, fqdn(S, "b"));
        assertThat(ncr().fqdn()).isEqualTo("b.example.org.");
        now.addAndGet(10_000);
        LeaseReclaimer6 reclaimer = new LeaseReclaimer6(store, LeaseCounters6.of(stats, runtime.config()), now::get,
                new ReclaimHooks6(runtime.hooks().dispatcher(), l -> DnsUpdates6.removed(ddns, runtime.config(), l)));
        assertThat(reclaimer.reclaim(runtime.config().expiredLeasesProcessing(), false)).isGreaterThanOrEqualTo(2);
        NameChangeRequest expired = ncr();
        assertThat(expired.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(expired.fqdn()).isEqualTo("b.example.org.");
        assertThat(expired.ipAddressText()).isEqualTo(Ipv6.toString(address(second)));
        assertThat(expired.dhcid()).isEqualTo(Dhcid.fromDuid(other, "b.example.org."));
        // the declined address had no name left and the prefix never has records: nothing more
        assertThat(sent()).isEqualTo(4);
        assertThat(lease(address(second)).hostname()).as("a reclaimed lease loses its name").isEmpty();
    }

    @Test
    void ddns6UpdateCalloutMayRenameAndTurnTheUpdatesOff() throws Exception {
        start("never", true, "\"hooks-libraries\": [ { \"library\": \"observer\" } ],");
        lib.on(HookPoint.DDNS6_UPDATE, e -> CalloutResult.proceed(e.withHostname("hooked.example.net.").withUpdates(false, false)));
        Dhcp6Message reply = solicitRequest(DUID, false, fqdn(S, "laptop"));
        Ddns6Update seen = lib.last(HookPoint.DDNS6_UPDATE);
        assertThat(seen.hostname()).isEqualTo("laptop.example.org.");
        assertThat(seen.forwardUpdate()).isTrue();
        assertThat(seen.reverseUpdate()).isTrue();
        assertThat(seen.subnet().id()).isEqualTo(1);
        assertThat(seen.response().option(OptionCodes6.CLIENT_FQDN).orElseThrow().toHex()).startsWith("01" + "066c6170746f70");
        // Kea: the callout's name goes into the answer, and with both updates off the flags say S=0 N=1
        assertThat(optionHex(reply)).isEqualTo("04" + "06686f6f6b6564" + "076578616d706c65" + "036e6574" + "00");
        Lease6 l = lease(address(reply));
        assertThat(l.hostname()).isEqualTo("hooked.example.net.");
        assertThat(l.fqdnFwd()).isFalse();
        assertThat(l.fqdnRev()).isFalse();
        assertThat(sent()).isZero();
    }

    @Test
    void ddns6UpdateDoesNotFireWithoutAClientFqdn() throws Exception {
        start("never", true, "\"hooks-libraries\": [ { \"library\": \"observer\" } ],");
        solicitRequest(DUID, false, null);
        assertThat(lib.fired).doesNotContain("ddns6_update");
    }

    @Test
    void leaseFileNamesSurviveAReload() throws Exception {
        start("never");
        Dhcp6Message reply = solicitRequest(DUID, false, fqdn(S, "kept"));
        store.flush();
        store.close();
        MemfileLeaseStore6 reopened = MemfileLeaseStore6.open(
                Map.of("type", "memfile", "name", dir.resolve("leases6.csv").toString(), "lfc-interval", "0"), new StoreContext(now::get, dir));
        try {
            Lease6 l = reopened.get(LeaseType6.NA, address(reply)).orElseThrow();
            assertThat(l.hostname()).isEqualTo("kept.example.org.");
            assertThat(l.fqdnFwd()).isTrue();
            assertThat(l.fqdnRev()).isTrue();
        } finally {
            reopened.close();
            store = null;
        }
    }

    // ---- one write per exchange: the lease file holds one row per lease granted, with the final name ----

    /** The lease file's rows for an address or prefix, as column name → value maps, oldest first. */
    private List<Map<String, String>> rows(Bytes address) throws Exception {
        store.flush();
        List<String> lines = Files.readAllLines(dir.resolve("leases6.csv"));
        List<String> header = List.of(lines.getFirst().split(",", -1));
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith(Ipv6.toString(address) + ",")) continue;
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), cells[i]);
            out.add(row);
        }
        return out;
    }

    @Test
    void oneRequestWritesOneRowPerLeaseWithTheNameAndDirections() throws Exception {
        start("never");
        Dhcp6Message reply = solicitRequest(DUID, true, fqdn(S, "laptop"));
        Bytes address = address(reply);
        Bytes prefix = reply.iaPd().getFirst().prefixes().getFirst().prefix();
        for (Bytes leased : List.of(address, prefix)) {
            List<Map<String, String>> rows = rows(leased);
            assertThat(rows).as("SOLICIT writes nothing, REQUEST writes each lease once: %s", Ipv6.toString(leased)).hasSize(1);
            assertThat(rows.getFirst()).containsEntry("hostname", "laptop.example.org.")
                    .containsEntry("fqdn_fwd", "1").containsEntry("fqdn_rev", "1");
        }
        assertThat(ncr().fqdn()).isEqualTo("laptop.example.org.");

        // a renewal is one more row, with the name again
        now.addAndGet(100);
        exchange(query(MessageType6.RENEW, DUID, address, false, fqdn(S, "laptop")));
        assertThat(rows(address)).hasSize(2).allSatisfy(r -> assertThat(r)
                .containsEntry("hostname", "laptop.example.org.").containsEntry("fqdn_fwd", "1").containsEntry("fqdn_rev", "1"));
    }

    @Test
    void aGeneratedNameIsWrittenWithTheLease() throws Exception {
        start("when-not-present");
        Dhcp6Message reply = solicitRequest(DUID, true, null);
        Bytes address = address(reply);
        String expected = "myhost-" + Ipv6.toString(address).replace(':', '-') + ".example.org.";
        assertThat(reply.clientFqdn().orElseThrow().domainName()).isEqualTo(expected);
        List<Map<String, String>> rows = rows(address);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("hostname", expected).containsEntry("fqdn_fwd", "1").containsEntry("fqdn_rev", "1");
        // as in Kea, the generated name goes to the first address only; the prefix keeps the (empty) decided name
        Bytes prefix = reply.iaPd().getFirst().prefixes().getFirst().prefix();
        assertThat(rows(prefix)).hasSize(1).first().satisfies(r -> assertThat(r).containsEntry("hostname", ""));
        assertThat(ncr().fqdn()).isEqualTo(expected);
    }

    @Test
    void anotherClientsExpiredLeaseTakenOverLosesItsRecords() throws Exception {
        start("never");
        Dhcp6Message first = solicitRequest(DUID, false, fqdn(S, "old"));
        Bytes address = address(first);
        assertThat(ncr().fqdn()).isEqualTo("old.example.org.");

        // the lease expires and is not reclaimed yet; another client asks for the same address and gets it
        now.addAndGet(10_000);
        Bytes other = Bytes.fromHex("00030001020000000002");
        Dhcp6Message reply = exchange(query(MessageType6.REQUEST, other, address, false, fqdn(S, "new")));
        assertThat(address(reply)).isEqualTo(address);
        NameChangeRequest remove = ncr();
        assertThat(remove.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(remove.fqdn()).isEqualTo("old.example.org.");
        assertThat(remove.dhcid()).isEqualTo(Dhcid.fromDuid(DUID, "old.example.org."));
        NameChangeRequest add = ncr();
        assertThat(add.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(add.fqdn()).isEqualTo("new.example.org.");
        assertThat(add.ipAddressText()).isEqualTo(Ipv6.toString(address));
        assertThat(sent()).isEqualTo(3);
    }
}
