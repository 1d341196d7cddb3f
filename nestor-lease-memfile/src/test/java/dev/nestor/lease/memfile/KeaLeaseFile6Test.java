package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.StoreContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DHCPv6 lease files exactly as Kea writes them, read by Nestor, and files Nestor writes, line for line. */
class KeaLeaseFile6Test {
    /** Kea 3.0's header (csv_lease_file6.cc, schema 5.0). */
    private static final String HEADER = "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,"
            + "prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source,pool_id";
    /** Kea 2.2 to 2.4 (schema 4.0: no pool_id). */
    private static final String HEADER_4_0 = "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,"
            + "iaid,prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source";
    /** Schema 1.0: stops at hostname. */
    private static final String HEADER_1_0 = "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,"
            + "iaid,prefix_len,fqdn_fwd,fqdn_rev,hostname";
    private static final long T = 1_700_000_000L;
    private static final Bytes DUID_A = Bytes.fromHex("00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:55");
    private static final Bytes DUID_B = Bytes.fromHex("00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:66");

    @TempDir
    Path dir;

    private final StoreContext ctx = new StoreContext(() -> T, Path.of("/unused"));

    private MemfileLeaseStore6 open(Path file) throws Exception {
        return MemfileLeaseStore6.open(Map.of("name", file.toString(), "lfc-interval", "0"), ctx);
    }

    private static Bytes ip(String s) {
        return Ipv6Text.parse(s);
    }

    @Test
    void readsAFileWrittenByKea() throws Exception {
        Path file = dir.resolve("kea-leases6.csv");
        Files.write(file, List.of(
                HEADER,
                "2001:db8:1::10,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:55,3600,1700003600,1,1800,0,305419896,128,1,1,"
                        + "laptop&#x2cwith&#x2ccommas.example.org.,00:11:22:33:44:55,0,,1,4,0",
                "2001:db8:8000:100::,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:66,4000,1700004000,2,3000,2,1,56,0,0,,,0,"
                        + "{ \"ISC\": { \"client-classes\": [ \"a\"&#x2c \"b\" ] } },,,7",
                "2001:db8:1::12,00:00:00,86400,1700086400,1,0,0,0,128,0,0,,,1,,,,0",
                "2001:db8:1::13,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:77,3600,1699996400,1,1800,0,1,128,0,0,old.example.org.,,2,,,,0",
                "2001:db8:1::14,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:88,3600,1700003600,1,1800,0,1,128,0,0,,,0,,,,0",
                "2001:db8:1::14,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:88,0,1700000000,1,0,0,1,128,0,0,,,0,,,,0",
                "2001:db8:1::10,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:55,3600,1700007200,1,1800,0,305419896,128,1,1,"
                        + "laptop&#x2cwith&#x2ccommas.example.org.,00:11:22:33:44:55,0,,1,4,0",
                "this row is garbage",
                // the empty DUID is only valid for declined leases: Kea skips this row
                "2001:db8:1::16,00:00:00,3600,1700003600,1,1800,0,1,128,0,0,,,0,,,,0",
                "2001:db8:1::15,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:99,4294967295,5994967295,1,4294967295,0,1,0,0,0,,,0,,,,0",
                "2001:db8:1::17,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:aa,3600,1700003600,1,1800,0,1,128,0,0,,"
                        + "01:02:03:04:05:06,4,,6,8,0",
                "2001:db8:1::18,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:bb,600,1700000600,1,300,1,9,128,0,0,,,0,,,,0"),
                StandardCharsets.US_ASCII);

        try (MemfileLeaseStore6 store = open(file)) {
            assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::10"))).contains(new Lease6(ip("2001:db8:1::10"),
                    LeaseType6.NA, 128, DUID_A, 305419896, 1800, 3600, 1_700_003_600L, 1, true, true,
                    "laptop,with,commas.example.org.", HwAddress.parse("00:11:22:33:44:55"), LeaseState.DEFAULT, null, 0));
            assertThat(store.get(LeaseType6.PD, ip("2001:db8:8000:100::"))).contains(new Lease6(ip("2001:db8:8000:100::"),
                    LeaseType6.PD, 56, DUID_B, 1, 3000, 4000, T, 2, false, false, "", null, LeaseState.DEFAULT,
                    "{ \"ISC\": { \"client-classes\": [ \"a\", \"b\" ] } }", 7));
            assertThat(store.get(LeaseType6.NA, ip("2001:db8:8000:100::"))).as("address holds a prefix").isEmpty();
            Lease6 declined = store.get(LeaseType6.NA, ip("2001:db8:1::12")).orElseThrow();
            assertThat(declined.state()).isEqualTo(LeaseState.DECLINED);
            assertThat(declined.duid()).isEqualTo(Lease6.EMPTY_DUID);
            assertThat(declined.hwAddress()).isNull();
            assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::13")).orElseThrow().state()).isEqualTo(LeaseState.EXPIRED_RECLAIMED);
            assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::14"))).as("deleted by a valid_lifetime 0 row").isEmpty();
            assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::16"))).as("no DUID, not declined").isEmpty();
            Lease6 infinite = store.get(LeaseType6.NA, ip("2001:db8:1::15")).orElseThrow();
            assertThat(infinite.infinite()).isTrue();
            assertThat(infinite.cltt()).isEqualTo(T);
            assertThat(infinite.prefixLength()).as("addresses are always /128 whatever the column says").isEqualTo(128);
            Lease6 registered = store.get(LeaseType6.NA, ip("2001:db8:1::17")).orElseThrow();
            assertThat(registered.state()).isEqualTo(LeaseState.REGISTERED);
            assertThat(registered.hwAddress()).isEqualTo(new HwAddress(6, new byte[] {1, 2, 3, 4, 5, 6}));
            Lease6 temporary = store.get(LeaseType6.TA, ip("2001:db8:1::18")).orElseThrow();
            assertThat(temporary.iaid()).isEqualTo(9);
            assertThat(store.getAll()).hasSize(7);
            assertThat(store.getByHostname("laptop,with,commas.example.org.")).hasSize(1);
            assertThat(store.getByDuidIaid(DUID_A, 305419896, LeaseType6.NA)).hasSize(1);
        }
    }

    @Test
    void readsOlderSchemasAndUpgradesTheFileWithACleanup() throws Exception {
        // schema 1.0 header with rows of schemas 1.0 to 3.1, as in Kea's own mixedSchemaLoad test
        Path mixed = dir.resolve("mixed.csv");
        Files.write(mixed, List.of(
                HEADER_1_0,
                "2001:db8:1::1,00:01:02:03:04:05:06:0a:0b:0c:0d:0e:01,200,200,8,100,0,7,0,1,1,one.example.com",
                "2001:db8:1::2,00:01:02:03:04:05:06:0a:0b:0c:0d:0e:02,200,200,8,100,0,7,0,1,1,two.example.com,01:02:03:04:05",
                "2001:db8:1::3,00:01:02:03:04:05:06:0a:0b:0c:0d:0e:03,200,200,8,100,0,7,0,1,1,three.example.com,0a:0b:0c:0d:0e,1",
                "2001:db8:1::4,00:01:02:03:04:05:06:0a:0b:0c:0d:0e:03,200,200,8,100,0,7,0,1,1,three.example.com,0a:0b:0c:0d:0e,1,"
                        + "{ \"foobar\": true }"), StandardCharsets.US_ASCII);
        try (MemfileLeaseStore6 store = open(mixed)) {
            assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::1"))).contains(new Lease6(ip("2001:db8:1::1"),
                    LeaseType6.NA, 128, Bytes.fromHex("00:01:02:03:04:05:06:0a:0b:0c:0d:0e:01"), 7, 100, 200, 0, 8,
                    true, true, "one.example.com", null, LeaseState.DEFAULT, null, 0));
            assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::2")).orElseThrow().hwAddress())
                    .isEqualTo(HwAddress.parse("01:02:03:04:05"));
            assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::3")).orElseThrow().state()).isEqualTo(LeaseState.DECLINED);
            assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::4")).orElseThrow().userContext()).isEqualTo("{ \"foobar\": true }");
        }

        // what Kea 2.2 to 2.4 write: schema 4.0, no pool_id
        Path file = dir.resolve("old.csv");
        Files.write(file, List.of(
                HEADER_4_0,
                "2001:db8:1::20,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:55,3600,1700003600,1,1800,0,1,128,0,0,a.example.org.,,0,,,",
                "2001:db8:8000::,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:66,3600,1700003600,1,1800,2,2,48,0,0,,"
                        + "00:11:22:33:44:66,0,,1,2"), StandardCharsets.US_ASCII);
        MemfileLeaseStore6 store = open(file);
        assertThat(store.get(LeaseType6.NA, ip("2001:db8:1::20")).orElseThrow().hostname()).isEqualTo("a.example.org.");
        Lease6 pd = store.get(LeaseType6.PD, ip("2001:db8:8000::")).orElseThrow();
        assertThat(pd.prefixLength()).isEqualTo(48);
        assertThat(pd.poolId()).isZero();
        assertThat(pd.hwAddress()).isEqualTo(HwAddress.parse("00:11:22:33:44:66"));
        // close() waits for the conversion cleanup Kea also runs right after loading an old schema
        store.close();
        assertThat(Files.readAllLines(dir.resolve("old.csv.2"))).containsExactly(HEADER,
                "2001:db8:1::20,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:55,3600,1700003600,1,1800,0,1,128,0,0,a.example.org.,,0,,,,0",
                "2001:db8:8000::,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:66,3600,1700003600,1,1800,2,2,48,0,0,,"
                        + "00:11:22:33:44:66,0,,1,0,0");
        assertThat(Files.readAllLines(file)).containsExactly(HEADER);
        try (MemfileLeaseStore6 again = open(file)) {
            assertThat(again.getAll()).hasSize(2);
        }
    }

    /** The leases and the exact text of Kea 3.0's own CSVLeaseFile6Test.parse, written through the store. */
    @Test
    void writesKeasHeaderAndRowFormat() throws Exception {
        Path file = dir.resolve("nestor.csv");
        Bytes duid0 = Bytes.fromHex("00:01:02:03:04:05:06:0a:0b:0c:0d:0e:0f");
        Bytes duid1 = Bytes.fromHex("01:01:01:01:0a:01:02:03:04:05");
        try (MemfileLeaseStore6 store = open(file)) {
            assertThat(store.add(Lease6.na(ip("2001:db8:1::1"), duid0, 7, 100, 200, 0, 8).withFqdn(true, true)
                    .withHostname("host.example.com"))).isTrue();
            Lease6 second = Lease6.na(ip("2001:db8:2::10"), duid1, 8, 150, 300, 0, 6);
            assertThat(store.add(second)).isTrue();
            assertThat(store.add(Lease6.pd(ip("3000:1:1::"), 64, duid0, 7, 150, 300, 0, 10)
                    .withUserContext("{ \"foobar\": true }"))).isTrue();
            // as Kea: only a declined lease may be written with the empty DUID
            Lease6 noDuid = second.withDuid(Lease6.EMPTY_DUID);
            assertThatThrownBy(() -> store.replace(second, noDuid)).isInstanceOf(LeaseStoreException.class)
                    .hasMessageContaining("has no DUID");
            assertThat(store.replace(second, noDuid.withState(LeaseState.DECLINED))).isTrue();
        }
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo(
                "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,"
                        + "lease_type,iaid,prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,"
                        + "state,user_context,hwtype,hwaddr_source,pool_id\n"
                        + "2001:db8:1::1,00:01:02:03:04:05:06:0a:0b:0c:0d:0e:0f,"
                        + "200,200,8,100,0,7,128,1,1,host.example.com,,0,,,,0\n"
                        + "2001:db8:2::10,01:01:01:01:0a:01:02:03:04:05"
                        + ",300,300,6,150,0,8,128,0,0,,,0,,,,0\n"
                        + "3000:1:1::,00:01:02:03:04:05:06:0a:0b:0c:0d:0e:0f,"
                        + "300,300,10,150,2,7,64,0,0,,,0,{ \"foobar\": true },,,0\n"
                        + "2001:db8:2::10,00:00:00,300,300,6,150,0,8,128,0,0,,,1,,,,0\n");
    }

    @Test
    void writesHardwareAddressTypeAndDeletionRowsAsKea() throws Exception {
        Path file = dir.resolve("hw.csv");
        Lease6 l = new Lease6(ip("2001:db8:1::5"), LeaseType6.NA, 128, DUID_A, 0xFFFFFFFFL, 1800, 3600, T, 4294967295L,
                false, true, "a,b.example.org.", new HwAddress(6, new byte[] {0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f}),
                LeaseState.DEFAULT, "{ \"k\": \"v\", \"n\": 1 }", 5);
        Lease6 infinite = Lease6.pd(ip("2001:db8:ffff::"), 48, DUID_B, 3, Lease6.INFINITE_LIFETIME, Lease6.INFINITE_LIFETIME, T, 1);
        try (MemfileLeaseStore6 store = open(file)) {
            assertThat(store.add(l)).isTrue();
            assertThat(store.delete(l)).isTrue();
            assertThat(store.add(infinite)).isTrue();
        }
        assertThat(Files.readAllLines(file, StandardCharsets.US_ASCII)).containsExactly(
                HEADER,
                "2001:db8:1::5,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:55,3600,1700003600,4294967295,1800,0,4294967295,128,"
                        + "0,1,a&#x2cb.example.org.,0a:0b:0c:0d:0e:0f,0,{ \"k\": \"v\"&#x2c \"n\": 1 },6,0,5",
                "2001:db8:1::5,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:55,0,1700000000,4294967295,0,0,4294967295,128,"
                        + "0,1,a&#x2cb.example.org.,0a:0b:0c:0d:0e:0f,0,{ \"k\": \"v\"&#x2c \"n\": 1 },6,0,5",
                "2001:db8:ffff::,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:66,4294967295,5994967295,1,4294967295,2,3,48,"
                        + "0,0,,,0,,,,0");
    }

    @Test
    void writeThenReopenGivesIdenticalLeases() throws Exception {
        Path file = dir.resolve("roundtrip.csv");
        List<Lease6> leases = List.of(
                new Lease6(ip("2001:db8:1::1"), LeaseType6.NA, 128, DUID_A, 77, 3600, 7200, T, 10, true, true,
                        "bücher & co,\tltd.example.", new HwAddress(32, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                        LeaseState.DEFAULT, "{ \"comment\": \"ÜNICODE, ampersand & co\" }", 2),
                Lease6.pd(ip("2001:db8:8000:ff00::"), 56, DUID_B, 5, 0xFFFFFFFFL, 0xFFFFFFFFL, 0, 10),
                new Lease6(ip("2001:db8:1::2"), LeaseType6.TA, 128, DUID_B, 6, 60, 120, T - 1000, 20, false, false, "",
                        null, LeaseState.RELEASED, null, 0),
                Lease6.na(ip("2001:db8:1::3"), null, 0, 0, 300, T, 30).withState(LeaseState.DECLINED),
                Lease6.na(ip("::ffff:192.0.2.1"), DUID_A, 1, 30, 60, T, 30).withState(LeaseState.REGISTERED),
                Lease6.na(ip("fe80::1"), DUID_A, 1, 30, 60, T, 30).withState(LeaseState.EXPIRED_RECLAIMED));
        try (MemfileLeaseStore6 store = open(file)) {
            for (Lease6 l : leases) assertThat(store.add(l)).isTrue();
        }
        try (MemfileLeaseStore6 store = open(file)) {
            assertThat(store.getAll()).containsExactlyInAnyOrderElementsOf(leases);
        }
    }

    @Test
    void invalidHeaderOrAV4FileRefuseToLoad() throws Exception {
        Path bogus = dir.resolve("bogus.csv");
        Files.write(bogus, List.of(HEADER.replace(",duid,", ",BOGUS,")));
        assertThatThrownBy(() -> open(bogus)).isInstanceOf(LeaseStoreException.class).hasMessageContaining("'BOGUS'");

        Path v4 = dir.resolve("v4.csv");
        Files.write(v4, List.of(LeaseCsv4.HEADER));
        assertThatThrownBy(() -> open(v4)).isInstanceOf(LeaseStoreException.class).hasMessageContaining("'hwaddr'");

        Path tooShort = dir.resolve("short.csv");
        Files.write(tooShort, List.of("address,duid,valid_lifetime,expire,subnet_id"));
        assertThatThrownBy(() -> open(tooShort)).isInstanceOf(LeaseStoreException.class)
                .hasMessageContaining("at least 12");
    }

    @Test
    void openedByTypeNameWithKeasDefaultFileName() throws Exception {
        try (LeaseStore6 store = LeaseStores.open6(Map.of("type", "memfile", "lfc-interval", "0"),
                new StoreContext(() -> T, dir))) {
            assertThat(store).isInstanceOf(MemfileLeaseStore6.class);
            assertThat(((MemfileLeaseStore6) store).leaseFile()).contains(dir.resolve("kea-leases6.csv").toAbsolutePath());
            store.add(Lease6.na(ip("2001:db8::1"), DUID_A, 1, 30, 60, T, 1));
        }
        assertThat(Files.readAllLines(dir.resolve("kea-leases6.csv"))).hasSize(2).first().isEqualTo(HEADER);
    }
}
