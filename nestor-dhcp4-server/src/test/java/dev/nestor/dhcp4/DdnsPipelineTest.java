package dev.nestor.dhcp4;

import dev.nestor.codec.v4.Dhcp4Codec;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.control.CommandRegistry;
import dev.nestor.ddns.client.ClientFqdn;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.Dhcid;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.ncr.NcrCodec;
import dev.nestor.dhcp4.ddns.DnsUpdates4;
import dev.nestor.dhcp4.pipeline.Dhcp4Pipeline;
import dev.nestor.dhcp4.pipeline.InterfaceDirectory;
import dev.nestor.dhcp4.respond.ReplyRouting4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.reclaim.LeaseReclaimer4;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.v4.Ddns4Update;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import dev.nestor.transport.InboundDatagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dynamic DNS through the DHCPv4 pipeline: option 81 / 12 answers as Kea's, the lease's name and directions, and
 * the NameChangeRequests a UDP socket standing in for the DDNS daemon receives.
 */
class DdnsPipelineTest {
    private static final int IFINDEX = 7;
    private static final int SERVER = Ipv4.parse("192.0.2.1");
    private static final String MAC = "02:00:00:00:00:01";

    private final AtomicLong now = new AtomicLong(1_800_000_000L);
    private final StatsRegistry stats = new StatsRegistry();
    @TempDir
    Path dir;

    private final DatagramSocket daemon;
    private final ObserverLibrary lib = new ObserverLibrary();
    private MemfileLeaseStore4 store;
    private final DdnsClient ddns = new DdnsClient();
    private Dhcp4Runtime runtime;
    private Dhcp4Pipeline pipeline;
    private int xid = 1;

    DdnsPipelineTest() throws Exception {
        daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon.setSoTimeout(10_000);
    }

    private void start(String replaceClientName) throws Exception {
        start(replaceClientName, "", "");
    }

    /**
     * @param extra    more global parameters (JSON members, each followed by a comma)
     * @param poolDdns more parameters of the pool (JSON members, each preceded by a comma)
     */
    private void start(String replaceClientName, String extra, String poolDdns) throws Exception {
        String json = """
                { "Dhcp4": { %s
                  "valid-lifetime": 3600,
                  "dhcp-ddns": { "enable-updates": true, "server-ip": "127.0.0.1", "server-port": %d },
                  "ddns-send-updates": true, "ddns-qualifying-suffix": "example.org",
                  "ddns-replace-client-name": "%s", "ddns-conflict-resolution-mode": "no-check-with-dhcid",
                  "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.100 - 192.0.2.110" %s } ],
                      "reservations": [ { "hw-address": "02:00:00:00:00:aa", "hostname": "Printer" } ] } ] } }
                """.formatted(extra, daemon.getLocalPort(), replaceClientName, poolDdns);
        store = MemfileLeaseStore4.open(Map.of("type", "memfile", "name", leaseFile().toString(), "lfc-interval", "0"),
                new StoreContext(now::get, dir));
        runtime = Dhcp4Runtime.prepare(Dhcp4ConfigParser.parse(ConfigText.parse(json, Path.of("."))),
                new HookCommands(new CommandRegistry()), BuiltinLibraries.standard().with("observer", () -> lib)).withStore(store);
        runtime.hooks().activate();
        ddns.configure(runtime.config().dhcpDdns());
        InterfaceDirectory dir = new InterfaceDirectory() {
            @Override public List<Integer> addresses(int i) { return i == IFINDEX ? List.of(SERVER) : List.of(); }
            @Override public boolean isLocal(int a) { return a == SERVER; }
        };
        pipeline = new Dhcp4Pipeline(() -> runtime, new PoolCursors(), stats, now::get, new ReplyRouting4(67, 68), dir,
                _ -> {}, ddns);
    }

    @AfterEach
    void stop() {
        if (runtime != null) runtime.hooks().close();
        ddns.close();
        daemon.close();
        if (store != null) store.close();
    }

    private Path leaseFile() {
        return dir.resolve("kea-leases4.csv");
    }

    /** The lease file's rows for an address, as column name → value maps, oldest first. */
    private List<Map<String, String>> rows(int address) throws Exception {
        store.flush();
        List<String> lines = Files.readAllLines(leaseFile());
        List<String> header = List.of(lines.getFirst().split(",", -1));
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith(Ipv4.toString(address) + ",")) continue;
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), cells[i]);
            out.add(row);
        }
        return out;
    }

    // ---- packets ----

    private static Bytes fqdnOption(int flags, String partialName) {
        return new ClientFqdn(flags, 0, 0, partialName, false).encodeV4();
    }

    private Dhcp4Packet query(MessageType4 type, String mac, int option, Bytes value) {
        Dhcp4Packet q = Dhcp4Packet.newQuery(type, ++xid, HwAddress.parse(mac));
        return option == 0 ? q : q.withOption(option, value);
    }

    private Dhcp4Packet exchange(Dhcp4Packet q) throws Exception {
        byte[] b = pipeline.process(new InboundDatagram(Dhcp4Codec.encode(q), 0, 68, Ipv4.BROADCAST, IFINDEX, "eth0", 0))
                .orElseThrow(() -> new AssertionError("no reply")).data();
        return Dhcp4Codec.decode(b, 0, b.length);
    }

    private void send(Dhcp4Packet q) {
        pipeline.process(new InboundDatagram(Dhcp4Codec.encode(q), 0, 68, Ipv4.BROADCAST, IFINDEX, "eth0", 0));
    }

    /** DISCOVER then REQUEST, both carrying the same name option; {@return the ACK} */
    private Dhcp4Packet dora(String mac, int option, Bytes value) throws Exception {
        Dhcp4Packet offer = exchange(query(MessageType4.DISCOVER, mac, option, value));
        Dhcp4Packet request = query(MessageType4.REQUEST, mac, option, value)
                .withOption(OptionCodes4.SERVER_ID, Bytes.of(Ipv4.toBytes(SERVER)))
                .withOption(OptionCodes4.REQUESTED_ADDRESS, Bytes.of(Ipv4.toBytes(offer.yiaddr())));
        return exchange(request);
    }

    private NameChangeRequest ncr() throws Exception {
        byte[] buf = new byte[4096];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        daemon.receive(p);
        return NcrCodec.decode(buf, 0, p.getLength());
    }

    private static ClientFqdn fqdnAnswer(Dhcp4Packet reply) {
        return ClientFqdn.decodeV4(reply.option(OptionCodes4.CLIENT_FQDN).orElseThrow(() -> new AssertionError("no option 81")));
    }

    // ---- tests ----

    @Test
    void clientFqdnIsAnsweredStoredAndSentToTheDaemonOnlyAfterTheAck() throws Exception {
        start("never");
        Bytes option = fqdnOption(ClientFqdn.FLAG_S | ClientFqdn.FLAG_E, "Laptop");
        Dhcp4Packet offer = exchange(query(MessageType4.DISCOVER, MAC, OptionCodes4.CLIENT_FQDN, option));
        ClientFqdn offered = fqdnAnswer(offer);
        assertThat(offered.name()).isEqualTo("laptop.example.org.");
        assertThat(ddns.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(ddns.sentCount()).as("no request for an OFFER").isZero();

        Dhcp4Packet ack = dora(MAC, OptionCodes4.CLIENT_FQDN, option);
        assertThat(ack.messageType()).isEqualTo(MessageType4.ACK);
        // S=1 E=1 (the client's encoding), full name in canonical wire form
        assertThat(ack.option(OptionCodes4.CLIENT_FQDN).orElseThrow().toHex())
                .isEqualTo("050000" + "066c6170746f70" + "076578616d706c65" + "036f7267" + "00");
        Lease4 lease = store.get(ack.yiaddr()).orElseThrow();
        assertThat(lease.hostname()).isEqualTo("laptop.example.org.");
        assertThat(lease.fqdnFwd()).isTrue();
        assertThat(lease.fqdnRev()).isTrue();

        NameChangeRequest add = ncr();
        assertThat(add.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(add.fqdn()).isEqualTo("laptop.example.org.");
        assertThat(add.ipAddressText()).isEqualTo(Ipv4.toString(ack.yiaddr()));
        assertThat(add.dhcid()).isEqualTo(Dhcid.fromHwAddress(HwAddress.parse(MAC), "laptop.example.org."));
        assertThat(add.leaseLength()).isEqualTo(1200);
        assertThat(add.leaseExpiresOn()).isEqualTo(now.get() + 3600);
        assertThat(add.conflictResolutionMode().keaName()).isEqualTo("no-check-with-dhcid");

        // RELEASE removes the records
        send(query(MessageType4.RELEASE, MAC, 0, null).withCiaddr(ack.yiaddr())
                .withOption(OptionCodes4.SERVER_ID, Bytes.of(Ipv4.toBytes(SERVER))));
        NameChangeRequest remove = ncr();
        assertThat(remove.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(remove.fqdn()).isEqualTo("laptop.example.org.");
        assertThat(remove.dhcid()).isEqualTo(add.dhcid());
    }

    @Test
    void clientThatUpdatesForwardItselfGetsOnlyTheReverseUpdate() throws Exception {
        start("never");
        Dhcp4Packet ack = dora(MAC, OptionCodes4.CLIENT_FQDN, fqdnOption(0, "laptop"));
        ClientFqdn answer = fqdnAnswer(ack);
        assertThat(answer.s()).isFalse();
        assertThat(answer.n()).isFalse();
        assertThat(answer.e()).isFalse();
        assertThat(answer.name()).isEqualTo("laptop.example.org.");
        NameChangeRequest add = ncr();
        assertThat(add.forwardChange()).isFalse();
        assertThat(add.reverseChange()).isTrue();
    }

    @Test
    void hostnameOptionIsQualifiedAndUpdatedBothWays() throws Exception {
        start("never");
        Dhcp4Packet ack = dora(MAC, OptionCodes4.HOST_NAME, Bytes.of("Desk".getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String(ack.option(OptionCodes4.HOST_NAME).orElseThrow().toArray(), StandardCharsets.US_ASCII))
                .isEqualTo("desk.example.org");
        assertThat(store.get(ack.yiaddr()).orElseThrow().hostname()).isEqualTo("desk.example.org");
        NameChangeRequest add = ncr();
        assertThat(add.fqdn()).isEqualTo("desk.example.org.");
        assertThat(add.forwardChange()).isTrue();
        assertThat(add.reverseChange()).isTrue();
    }

    @Test
    void reservedHostnameWinsAndIsSentWithoutBeingAskedFor() throws Exception {
        start("never");
        Dhcp4Packet ack = dora("02:00:00:00:00:aa", OptionCodes4.HOST_NAME, Bytes.of("other".getBytes(StandardCharsets.US_ASCII)));
        assertThat(new String(ack.option(OptionCodes4.HOST_NAME).orElseThrow().toArray(), StandardCharsets.US_ASCII))
                .isEqualTo("printer.example.org");
        assertThat(ncr().fqdn()).isEqualTo("printer.example.org.");
    }

    @Test
    void replacedNamesAreGeneratedFromTheAddress() throws Exception {
        start("always");
        Dhcp4Packet ack = dora(MAC, OptionCodes4.CLIENT_FQDN, fqdnOption(ClientFqdn.FLAG_S | ClientFqdn.FLAG_E, "laptop"));
        String expected = "myhost-" + Ipv4.toString(ack.yiaddr()).replace('.', '-') + ".example.org.";
        assertThat(fqdnAnswer(ack).name()).isEqualTo(expected);
        assertThat(store.get(ack.yiaddr()).orElseThrow().hostname()).isEqualTo(expected);
        assertThat(ncr().fqdn()).isEqualTo(expected);
    }

    @Test
    void renewalWithAnotherNameRemovesTheOldRecordsFirst() throws Exception {
        start("never");
        Dhcp4Packet ack = dora(MAC, OptionCodes4.CLIENT_FQDN, fqdnOption(ClientFqdn.FLAG_S, "one"));
        assertThat(ncr().fqdn()).isEqualTo("one.example.org.");
        now.addAndGet(100);
        Dhcp4Packet renew = query(MessageType4.REQUEST, MAC, OptionCodes4.CLIENT_FQDN, fqdnOption(ClientFqdn.FLAG_S, "two"))
                .withCiaddr(ack.yiaddr());
        assertThat(exchange(renew).messageType()).isEqualTo(MessageType4.ACK);
        NameChangeRequest first = ncr();
        NameChangeRequest second = ncr();
        assertThat(first.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(first.fqdn()).isEqualTo("one.example.org.");
        assertThat(second.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(second.fqdn()).isEqualTo("two.example.org.");

        // the same name again: nothing to tell the daemon (ddns-update-on-renew is off)
        now.addAndGet(100);
        exchange(query(MessageType4.REQUEST, MAC, OptionCodes4.CLIENT_FQDN, fqdnOption(ClientFqdn.FLAG_S, "two"))
                .withCiaddr(ack.yiaddr()));
        assertThat(ddns.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(ddns.sentCount()).isEqualTo(3);
    }

    @Test
    void declineAndExpiryRemoveTheRecords() throws Exception {
        start("never");
        Dhcp4Packet ack = dora(MAC, OptionCodes4.HOST_NAME, Bytes.of("a".getBytes(StandardCharsets.US_ASCII)));
        ncr();
        send(query(MessageType4.DECLINE, MAC, 0, null)
                .withOption(OptionCodes4.SERVER_ID, Bytes.of(Ipv4.toBytes(SERVER)))
                .withOption(OptionCodes4.REQUESTED_ADDRESS, Bytes.of(Ipv4.toBytes(ack.yiaddr()))));
        NameChangeRequest declined = ncr();
        assertThat(declined.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(declined.fqdn()).isEqualTo("a.example.org.");

        Dhcp4Packet other = dora("02:00:00:00:00:02", OptionCodes4.HOST_NAME, Bytes.of("b".getBytes(StandardCharsets.US_ASCII)));
        assertThat(ncr().fqdn()).isEqualTo("b.example.org.");
        now.addAndGet(10_000);
        LeaseReclaimer4 reclaimer = new LeaseReclaimer4(store, stats, now::get,
                new ReclaimHooks4(runtime.hooks().dispatcher(), l -> DnsUpdates4.removed(ddns, runtime.config(), l)));
        assertThat(reclaimer.reclaim(runtime.config().expiredLeasesProcessing(), false)).isGreaterThanOrEqualTo(1);
        NameChangeRequest expired = ncr();
        assertThat(expired.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(expired.fqdn()).isEqualTo("b.example.org.");
        assertThat(expired.ipAddressText()).isEqualTo(Ipv4.toString(other.yiaddr()));
    }

    @Test
    void nothingIsSentWhenTheClientSendsNoName() throws Exception {
        start("never");
        Dhcp4Packet ack = dora(MAC, 0, null);
        assertThat(ack.hasOption(OptionCodes4.CLIENT_FQDN)).isFalse();
        assertThat(ack.hasOption(OptionCodes4.HOST_NAME)).isFalse();
        assertThat(store.get(ack.yiaddr()).orElseThrow().hostname()).isEmpty();
        // requests are queued while the packet is processed: an idle sender with nothing sent means none was made
        assertThat(ddns.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(ddns.sentCount()).isZero();
    }

    // ---- one write per exchange: the lease file holds one row per grant, with the final name ----

    @Test
    void oneDoraWritesOneLeaseRowWithTheNameAndDirections() throws Exception {
        start("never");
        Dhcp4Packet ack = dora(MAC, OptionCodes4.CLIENT_FQDN, fqdnOption(ClientFqdn.FLAG_S, "laptop"));
        List<Map<String, String>> rows = rows(ack.yiaddr());
        assertThat(rows).as("DISCOVER writes nothing, REQUEST writes the lease once").hasSize(1);
        assertThat(rows.getFirst()).containsEntry("hostname", "laptop.example.org.")
                .containsEntry("fqdn_fwd", "1").containsEntry("fqdn_rev", "1").containsEntry("state", "0");
        assertThat(ncr().fqdn()).isEqualTo("laptop.example.org.");

        // a renewal is one more row, with the name again
        now.addAndGet(100);
        exchange(query(MessageType4.REQUEST, MAC, OptionCodes4.CLIENT_FQDN, fqdnOption(ClientFqdn.FLAG_S, "laptop"))
                .withCiaddr(ack.yiaddr()));
        assertThat(rows(ack.yiaddr())).hasSize(2).allSatisfy(r -> assertThat(r)
                .containsEntry("hostname", "laptop.example.org.").containsEntry("fqdn_fwd", "1").containsEntry("fqdn_rev", "1"));
    }

    @Test
    void aGeneratedNameIsWrittenWithTheLease() throws Exception {
        start("always");
        Dhcp4Packet ack = dora(MAC, OptionCodes4.HOST_NAME, Bytes.of("desk".getBytes(StandardCharsets.US_ASCII)));
        String expected = "myhost-" + Ipv4.toString(ack.yiaddr()).replace('.', '-') + ".example.org";
        assertThat(new String(ack.option(OptionCodes4.HOST_NAME).orElseThrow().toArray(), StandardCharsets.US_ASCII))
                .isEqualTo(expected);
        List<Map<String, String>> rows = rows(ack.yiaddr());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("hostname", expected)
                .containsEntry("fqdn_fwd", "1").containsEntry("fqdn_rev", "1");
        assertThat(ncr().fqdn()).isEqualTo(expected + ".");
    }

    @Test
    void aPoolWithItsOwnDdnsValuesNamesTheLeaseInOneWrite() throws Exception {
        start("never", "", ", \"ddns-qualifying-suffix\": \"pool.example.org\"");
        Dhcp4Packet ack = dora(MAC, OptionCodes4.CLIENT_FQDN, fqdnOption(ClientFqdn.FLAG_S, "laptop"));
        assertThat(fqdnAnswer(ack).name()).isEqualTo("laptop.pool.example.org.");
        List<Map<String, String>> rows = rows(ack.yiaddr());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("hostname", "laptop.pool.example.org.")
                .containsEntry("fqdn_fwd", "1").containsEntry("fqdn_rev", "1");
        assertThat(ncr().fqdn()).isEqualTo("laptop.pool.example.org.");
    }

    @Test
    void ddns4UpdateCalloutChangesWhatIsWrittenOnce() throws Exception {
        start("never", "\"hooks-libraries\": [ { \"library\": \"observer\" } ],", "");
        lib.on(HookPoint.DDNS4_UPDATE, e -> CalloutResult.proceed(e.withHostname("hooked.example.net.").withUpdates(false, true)));
        Dhcp4Packet ack = dora(MAC, OptionCodes4.CLIENT_FQDN, fqdnOption(ClientFqdn.FLAG_S, "laptop"));
        Ddns4Update seen = lib.last(HookPoint.DDNS4_UPDATE);
        assertThat(seen.hostname()).isEqualTo("laptop.example.org.");
        assertThat(fqdnAnswer(ack).name()).isEqualTo("hooked.example.net.");
        List<Map<String, String>> rows = rows(ack.yiaddr());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("hostname", "hooked.example.net.")
                .containsEntry("fqdn_fwd", "0").containsEntry("fqdn_rev", "1");
        NameChangeRequest add = ncr();
        assertThat(add.fqdn()).isEqualTo("hooked.example.net.");
        assertThat(add.forwardChange()).isFalse();
        assertThat(add.reverseChange()).isTrue();
    }
}
