package dev.nestor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.time.Clock;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.jdbc.DatabaseConfig;
import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.TestDatabases;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migration from Kea: leases written into a Kea 2.2 database (kea-admin db-init, Kea's own upload procedures),
 * dumped with Kea's {@code kea-admin lease-dump}, uploaded with {@code nestor-admin lease-upload} into a Nestor
 * database, and read back through the lease store a server uses. Kea's dump of the Nestor database is then
 * the same file: the schema stays Kea's.
 */
class KeaDumpImportTest {
    private static final long EXPIRE = 1_800_000_000L;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void keaLeaseDumpImports(DbEngine engine) throws Exception {
        DatabaseConfig kea = TestDatabases.create(engine);
        DatabaseConfig nestor = TestDatabases.create(engine);
        try {
            assertThat(Admin.kea("db-init", kea).exit()).isZero();
            String call = engine == DbEngine.MYSQL ? "CALL " : "SELECT ";
            TestDatabases.execute(kea,
                    call + "lease4Upload('192.0.2.10', '01:02:03:04:05:06', '01:aa:bb', 3600, " + EXPIRE
                            + ", 1, 1, 0, 'host,one.example.org', 0, '{\"a\": 1}')",
                    call + "lease4Upload('192.0.2.11', '', '', 86400, " + EXPIRE + ", 2, 0, 0, '', 1, '')",
                    call + "lease4Upload('203.0.113.200', '0a:0b:0c:0d:0e:0f', '', 7200, " + EXPIRE
                            + ", 2, 0, 1, 'third', 0, '')",
                    call + "lease6Upload('2001:db8::5', '00:01:02:03', 3600, " + EXPIRE + ", 1, 1800, 0, 7, 128, 1, 1,"
                            + " 'h6.example.org', '0a:0b:0c:0d:0e:0f', 0, '', 1, 0)",
                    call + "lease6Upload('2001:db8:1::', '00:01:02:04', 7200, " + EXPIRE + ", 1, 3600, 2, 8, 56, 0, 0,"
                            + " '', '', 0, '', NULL, 0)");
            Path dump4 = dir.resolve("kea4.csv");
            Path dump6 = dir.resolve("kea6.csv");
            assertThat(Admin.kea("lease-dump", kea, "-4", "-o", dump4.toString(), "-y").exit()).isZero();
            assertThat(Admin.kea("lease-dump", kea, "-6", "-o", dump6.toString(), "-y").exit()).isZero();
            assertThat(Files.readAllLines(dump4)).hasSize(4);

            assertThat(Admin.nestor("db-init", nestor).exit()).isZero();
            Admin.Run up4 = Admin.nestor("lease-upload", nestor, "-4", "-i", dump4.toString());
            assertThat(up4.exit()).as("%s", up4).isZero();
            assertThat(up4.out()).contains("Uploaded 3 leases to").contains("3 added");
            Admin.Run up6 = Admin.nestor("lease-upload", nestor, "-6", "-i", dump6.toString());
            assertThat(up6.exit()).as("%s", up6).isZero();
            assertThat(up6.out()).contains("Uploaded 2 leases to");

            StoreContext ctx = new StoreContext(Clock.SYSTEM, dir);
            try (LeaseStore4 store = LeaseStores.open4(TestDatabases.parameters(nestor), ctx)) {
                assertThat(store.getAll()).containsExactlyInAnyOrder(
                        new Lease4(Ipv4.parse("192.0.2.10"), HwAddress.parse("01:02:03:04:05:06"), Bytes.fromHex("01:aa:bb"),
                                3600, EXPIRE - 3600, 1, true, false, "host,one.example.org", LeaseState.DEFAULT, "{\"a\": 1}", 0),
                        new Lease4(Ipv4.parse("192.0.2.11"), null, null, 86400, EXPIRE - 86400, 2, false, false, "",
                                LeaseState.DECLINED, null, 0),
                        new Lease4(Ipv4.parse("203.0.113.200"), HwAddress.parse("0a:0b:0c:0d:0e:0f"), null,
                                7200, EXPIRE - 7200, 2, false, true, "third", LeaseState.DEFAULT, null, 0));
                assertThat(store.countBySubnet().get(2L).declined()).isEqualTo(1);
            }
            try (LeaseStore6 store = LeaseStores.open6(TestDatabases.parameters(nestor), ctx)) {
                assertThat(store.getAll()).containsExactlyInAnyOrder(
                        new Lease6(v6("2001:db8::5"), LeaseType6.NA, 128, Bytes.fromHex("00:01:02:03"), 7, 1800, 3600,
                                EXPIRE - 3600, 1, true, true, "h6.example.org", HwAddress.parse("0a:0b:0c:0d:0e:0f"),
                                LeaseState.DEFAULT, null, 0),
                        new Lease6(v6("2001:db8:1::"), LeaseType6.PD, 56, Bytes.fromHex("00:01:02:04"), 8, 3600, 7200,
                                EXPIRE - 7200, 1, false, false, "", null, LeaseState.DEFAULT, null, 0));
            }

            // the Nestor database is still Kea's: kea-admin dumps the same rows from it
            Path again4 = dir.resolve("again4.csv");
            assertThat(Admin.kea("lease-dump", nestor, "-4", "-o", again4.toString(), "-y").exit()).isZero();
            assertThat(Files.readAllLines(again4)).containsExactlyInAnyOrderElementsOf(Files.readAllLines(dump4));
            // and nestor-admin's dump is a memfile-ready file with the same leases
            Path nestorDump = dir.resolve("nestor4.csv");
            Admin.Run d = Admin.nestor("lease-dump", nestor, "-4", "-o", nestorDump.toString());
            assertThat(d.exit()).as("%s", d).isZero();
            assertThat(Files.readAllLines(nestorDump)).first().isEqualTo(KeaCsvWriter.HEADER4);
            assertThat(Files.readAllLines(nestorDump)).hasSize(4).contains(
                    "192.0.2.10,01:02:03:04:05:06,01:aa:bb,3600,1800000000,1,1,0,host&#x2cone.example.org,0,{\"a\": 1},0");

            // uploading the same dump again changes nothing
            Admin.Run repeat = Admin.nestor("lease-upload", nestor, "-4", "-i", dump4.toString());
            assertThat(repeat.out()).contains("0 added, 0 replaced, 3 already there");
        } finally {
            TestDatabases.drop(kea);
            TestDatabases.drop(nestor);
        }
    }

    private static Bytes v6(String text) throws Exception {
        return Bytes.of(InetAddress.getByName(text).getAddress());
    }

    static List<String> lines(Path p) throws Exception {
        return Files.readAllLines(p);
    }
}
