package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.StoreContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lease files exactly as Kea writes them, read by Nestor, and files Nestor writes, line for line. */
class KeaLeaseFileTest {
    private static final String HEADER =
            "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context,pool_id";
    private static final long T = 1_700_000_000L;

    @TempDir
    Path dir;

    private final StoreContext ctx = new StoreContext(() -> T, Path.of("/unused"));

    private MemfileLeaseStore4 open(Path file) throws Exception {
        return MemfileLeaseStore4.open(Map.of("name", file.toString(), "lfc-interval", "0"), ctx);
    }

    private static int ip(String s) {
        return Ipv4.parse(s);
    }

    @Test
    void readsAFileWrittenByKea() throws Exception {
        Path file = dir.resolve("kea-leases4.csv");
        Files.write(file, List.of(
                HEADER,
                "192.0.2.10,00:11:22:33:44:55,01:00:11:22:33:44:55,3600,1700003600,1,1,1,laptop&#x2cwith&#x2ccommas.example.org.,0,,0",
                "192.0.2.11,00:11:22:33:44:56,,4000,1700004000,2,0,0,,0,{ \"ISC\": { \"client-classes\": [ \"a\"&#x2c \"b\" ] } },7",
                "192.0.2.12,,,86400,1700086400,1,0,0,,1,,0",
                "192.0.2.13,00:11:22:33:44:57,,3600,1699996400,1,0,0,old.example.org.,2,,0",
                "192.0.2.14,00:11:22:33:44:58,,3600,1700003600,1,0,0,,0,,0",
                "192.0.2.14,00:11:22:33:44:58,,0,1700000000,1,0,0,,0,,0",
                "192.0.2.10,00:11:22:33:44:55,01:00:11:22:33:44:55,3600,1700007200,1,1,1,laptop&#x2cwith&#x2ccommas.example.org.,0,,0",
                "this row is garbage",
                "192.0.2.15,00:11:22:33:44:59,,4294967295,5994967295,1,0,0,,0,,0"), StandardCharsets.US_ASCII);

        try (MemfileLeaseStore4 store = open(file)) {
            assertThat(store.get(ip("192.0.2.10"))).contains(new Lease4(ip("192.0.2.10"),
                    HwAddress.parse("00:11:22:33:44:55"), Bytes.fromHex("01:00:11:22:33:44:55"), 3600, 1_700_003_600L,
                    1, true, true, "laptop,with,commas.example.org.", LeaseState.DEFAULT, null, 0));
            Lease4 withContext = store.get(ip("192.0.2.11")).orElseThrow();
            assertThat(withContext.clientId()).isNull();
            assertThat(withContext.cltt()).isEqualTo(T);
            assertThat(withContext.subnetId()).isEqualTo(2);
            assertThat(withContext.userContext()).isEqualTo("{ \"ISC\": { \"client-classes\": [ \"a\", \"b\" ] } }");
            assertThat(withContext.poolId()).isEqualTo(7);
            Lease4 declined = store.get(ip("192.0.2.12")).orElseThrow();
            assertThat(declined.state()).isEqualTo(LeaseState.DECLINED);
            assertThat(declined.hwAddress()).isNull();
            assertThat(declined.validLifetime()).isEqualTo(86400);
            assertThat(store.get(ip("192.0.2.13")).orElseThrow().state()).isEqualTo(LeaseState.EXPIRED_RECLAIMED);
            assertThat(store.get(ip("192.0.2.14"))).as("deleted by a valid_lifetime 0 row").isEmpty();
            Lease4 infinite = store.get(ip("192.0.2.15")).orElseThrow();
            assertThat(infinite.infinite()).isTrue();
            assertThat(infinite.cltt()).isEqualTo(T);
            assertThat(store.getAll()).hasSize(5);
            assertThat(store.getByHostname("laptop,with,commas.example.org.")).hasSize(1);
        }
    }

    @Test
    void readsOlderSchemasAndUpgradesTheFileWithACleanup() throws Exception {
        Path file = dir.resolve("old.csv");
        // schema 2.0: 10 columns, no user_context or pool_id yet
        Files.write(file, List.of(
                "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state",
                "192.0.2.20,00:11:22:33:44:55,,3600,1700003600,1,0,0,a.example.org.,0",
                "192.0.2.21,00:11:22:33:44:56,,3600,1700003600,1,0,0,,1"), StandardCharsets.US_ASCII);
        Path older = dir.resolve("older.csv");
        // schema 1.0: not even a state column
        Files.write(older, List.of(
                "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname",
                "192.0.2.30,00:11:22:33:44:55,,3600,1700003600,1,0,0,b.example.org."), StandardCharsets.US_ASCII);

        try (MemfileLeaseStore4 store = open(older)) {
            assertThat(store.get(ip("192.0.2.30"))).contains(new Lease4(ip("192.0.2.30"), HwAddress.parse("00:11:22:33:44:55"),
                    null, 3600, T, 1, false, false, "b.example.org.", LeaseState.DEFAULT, null, 0));
        }

        MemfileLeaseStore4 store = open(file);
        assertThat(store.get(ip("192.0.2.20")).orElseThrow().hostname()).isEqualTo("a.example.org.");
        assertThat(store.get(ip("192.0.2.21")).orElseThrow().state()).isEqualTo(LeaseState.DECLINED);
        assertThat(store.get(ip("192.0.2.21")).orElseThrow().poolId()).isZero();
        // close() waits for the conversion cleanup Kea also runs right after loading an old schema
        store.close();
        assertThat(Files.readAllLines(dir.resolve("old.csv.2"))).containsExactly(HEADER,
                "192.0.2.20,00:11:22:33:44:55,,3600,1700003600,1,0,0,a.example.org.,0,,0",
                "192.0.2.21,00:11:22:33:44:56,,3600,1700003600,1,0,0,,1,,0");
        assertThat(Files.readAllLines(file)).containsExactly(HEADER);
        try (MemfileLeaseStore4 again = open(file)) {
            assertThat(again.getAll()).hasSize(2);
        }
    }

    @Test
    void writesKeasHeaderAndRowFormat() throws Exception {
        Path file = dir.resolve("nestor.csv");
        try (MemfileLeaseStore4 store = open(file)) {
            Lease4 l = new Lease4(ip("192.0.2.10"), HwAddress.parse("00:11:22:33:44:55"), Bytes.fromHex("01:00:11:22:33:44:55"),
                    3600, T, 1, true, false, "a,b.example.org.", LeaseState.DEFAULT, "{ \"k\": \"v\", \"n\": 1 }", 5);
            assertThat(store.add(l)).isTrue();
            Lease4 renewed = l.withCltt(T + 100);
            assertThat(store.replace(l, renewed)).isTrue();
            Lease4 declined = Lease4.of(ip("192.0.2.11"), null, null, 86400, T, 1).withState(LeaseState.DECLINED);
            assertThat(store.add(declined)).isTrue();
            assertThat(store.delete(renewed)).isTrue();
            Lease4 infinite = Lease4.of(ip("10.0.0.1"), HwAddress.parse("0a:0b:0c:0d:0e:0f"), null, Lease4.INFINITE_LIFETIME, T, 4294967295L);
            assertThat(store.add(infinite)).isTrue();
        }
        assertThat(Files.readAllLines(file, StandardCharsets.US_ASCII)).containsExactly(
                HEADER,
                "192.0.2.10,00:11:22:33:44:55,01:00:11:22:33:44:55,3600,1700003600,1,1,0,a&#x2cb.example.org.,0,{ \"k\": \"v\"&#x2c \"n\": 1 },5",
                "192.0.2.10,00:11:22:33:44:55,01:00:11:22:33:44:55,3600,1700003700,1,1,0,a&#x2cb.example.org.,0,{ \"k\": \"v\"&#x2c \"n\": 1 },5",
                "192.0.2.11,,,86400,1700086400,1,0,0,,1,,0",
                "192.0.2.10,00:11:22:33:44:55,01:00:11:22:33:44:55,0,1700000100,1,1,0,a&#x2cb.example.org.,0,{ \"k\": \"v\"&#x2c \"n\": 1 },5",
                "10.0.0.1,0a:0b:0c:0d:0e:0f,,4294967295,5994967295,4294967295,0,0,,0,,0");
    }

    @Test
    void writeThenReopenGivesIdenticalLeases() throws Exception {
        Path file = dir.resolve("roundtrip.csv");
        List<Lease4> leases = List.of(
                new Lease4(ip("192.0.2.1"), HwAddress.parse("00:11:22:33:44:55"), Bytes.fromHex("ff:00:00:00:01:00:01"),
                        7200, T, 10, true, true, "bücher & co,\tltd.example.", LeaseState.DEFAULT,
                        "{ \"comment\": \"ÜNICODE, ampersand & co\" }", 2),
                Lease4.of(ip("192.0.2.2"), null, Bytes.fromHex("01:02:03"), 0xFFFFFFFFL, 0, 10),
                Lease4.of(ip("203.0.113.250"), HwAddress.parse("aa:bb:cc:dd:ee:ff"), null, 60, T - 1000, 20)
                        .withState(LeaseState.RELEASED),
                Lease4.of(ip("198.51.100.7"), null, null, 300, T, 30).withState(LeaseState.DECLINED));
        try (MemfileLeaseStore4 store = open(file)) {
            for (Lease4 l : leases) assertThat(store.add(l)).isTrue();
        }
        try (MemfileLeaseStore4 store = open(file)) {
            assertThat(store.getAll()).containsExactlyInAnyOrderElementsOf(leases);
        }
    }

    @Test
    void escapesNonAsciiLikeCurrentKeaAndReadsOlderUnescapedUtf8() throws Exception {
        Path file = dir.resolve("utf8.csv");
        try (MemfileLeaseStore4 store = open(file)) {
            store.add(Lease4.of(ip("192.0.2.1"), HwAddress.parse("00:11:22:33:44:55"), null, 60, T, 1).withHostname("bü&x"));
        }
        assertThat(Files.readAllLines(file, StandardCharsets.US_ASCII).get(1))
                .isEqualTo("192.0.2.1,00:11:22:33:44:55,,60,1700000060,1,0,0,b&#xc3&#xbc&#x26x,0,,0");

        Path raw = dir.resolve("raw.csv");
        Files.writeString(raw, HEADER + "\n192.0.2.2,00:11:22:33:44:55,,60,1700000060,1,0,0,bücher.example.,0,,0\n",
                StandardCharsets.UTF_8);
        try (MemfileLeaseStore4 store = open(raw)) {
            assertThat(store.get(ip("192.0.2.2")).orElseThrow().hostname()).isEqualTo("bücher.example.");
        }
    }

    @Test
    void rowCutShortByACrashIsSkippedAndNotJoinedToTheNextRow() throws Exception {
        Path file = dir.resolve("torn.csv");
        Files.writeString(file, HEADER + "\n192.0.2.1,00:11:22:33:44:55,,60,1700000060,1,0,0,,0,,0\n192.0.2.2,00:11:22:33",
                StandardCharsets.US_ASCII);
        try (MemfileLeaseStore4 store = open(file)) {
            assertThat(store.getAll()).hasSize(1);
            store.add(Lease4.of(ip("192.0.2.3"), HwAddress.parse("00:11:22:33:44:56"), null, 60, T, 1));
        }
        try (MemfileLeaseStore4 store = open(file)) {
            assertThat(store.getAll()).extracting(l -> Ipv4.toString(l.address())).containsExactly("192.0.2.1", "192.0.2.3");
        }
    }
    @Test
    void invalidHeaderOrTooManyBadRowsRefuseToLoad() throws Exception {
        Path bad = dir.resolve("bad-header.csv");
        Files.write(bad, List.of("address,mac,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname"));
        assertThatThrownBy(() -> open(bad)).isInstanceOf(LeaseStoreException.class).hasMessageContaining("'mac'");

        Path rows = dir.resolve("bad-rows.csv");
        Files.write(rows, List.of(HEADER, "x", "y", "z"));
        assertThatThrownBy(() -> MemfileLeaseStore4.open(Map.of("name", rows.toString(), "lfc-interval", "0",
                "max-row-errors", "2"), ctx)).isInstanceOf(LeaseStoreException.class).hasMessageContaining("maximum number");
        try (MemfileLeaseStore4 store = open(rows)) {
            assertThat(store.getAll()).isEmpty();
        }
    }

    @Test
    void escapingFollowsKeaCsvFile() {
        assertThat(KeaCsv.escape("plain-host.example.")).isEqualTo("plain-host.example.");
        assertThat(KeaCsv.escape("a,b&c\n")).isEqualTo("a&#x2cb&#x26c&#x0a");
        assertThat(KeaCsv.escape("tab\there")).isEqualTo("tab&#x09here");
        assertThat(KeaCsv.unescape("a&#x2Cb&#x26c")).isEqualTo("a,b&c");
        // a tag without two hex digits stays literal, as in Kea
        assertThat(KeaCsv.unescape("x&#xzz&#x4")).isEqualTo("x&#xzz&#x4");
        assertThat(KeaCsv.split("a,,b,")).containsExactly("a", "", "b", "");
    }
}
