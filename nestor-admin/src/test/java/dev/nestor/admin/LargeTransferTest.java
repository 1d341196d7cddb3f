package dev.nestor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.jdbc.DatabaseConfig;
import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Uploads and dumps spanning several pages (1000 leases each), with the progress lines on stderr. */
class LargeTransferTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void severalPagesEachWay(DbEngine engine) throws Exception {
        int n4 = 1001;
        int n6 = 1001;
        List<String> csv4 = new ArrayList<>(List.of(KeaCsvWriter.HEADER4));
        int base = Ipv4.parse("10.0.0.1");
        for (int i = 0; i < n4; i++) {
            String mac = "02:00:" + HexFormat.ofDelimiter(":").formatHex(new byte[] {0, 0, (byte) (i >>> 8), (byte) i});
            csv4.add(Ipv4.toString(base + i) + "," + mac + ",,3600,1800000000,7,0,0,h" + i + ",0,,0");
        }
        List<String> csv6 = new ArrayList<>(List.of(KeaCsvWriter.HEADER6));
        for (int i = 0; i < n6; i++) {
            csv6.add("2001:db8::" + Integer.toHexString(i + 1) + ",00:03:00:01:00:00:00:" + String.format("%02x", i & 0xff)
                    + ",3600,1800000000,1,1800,0," + i + ",128,0,0,,,0,,,,0");
        }
        Path in4 = Files.write(dir.resolve("in4.csv"), csv4);
        Path in6 = Files.write(dir.resolve("in6.csv"), csv6);
        DatabaseConfig db = TestDatabases.create(engine);
        try {
            assertThat(Admin.nestor("db-init", db).exit()).isZero();
            Admin.Run up4 = Admin.nestor("lease-upload", db, "-4", "-i", in4.toString());
            assertThat(up4.exit()).as("%s", up4).isZero();
            assertThat(up4.out()).contains("Uploaded " + n4 + " leases").contains(n4 + " added");
            assertThat(Admin.nestor("lease-upload", db, "-6", "-i", in6.toString()).exit()).isZero();
            assertThat(SchemaCommandsTest.count(db, "SELECT COUNT(*) FROM lease4")).isEqualTo(n4);
            assertThat(SchemaCommandsTest.count(db, "SELECT leases FROM lease4_stat WHERE subnet_id = 7 AND state = 0"))
                    .isEqualTo(n4);

            Path out4 = dir.resolve("out4.csv");
            Admin.Run d4 = Admin.nestor("lease-dump", db, "-4", "-o", out4.toString());
            assertThat(d4.exit()).as("%s", d4).isZero();
            assertThat(Files.readAllLines(out4)).containsExactlyElementsOf(csv4); // address order, as uploaded
            Path out6 = dir.resolve("out6.csv");
            assertThat(Admin.nestor("lease-dump", db, "-6", "-o", out6.toString()).exit()).isZero();
            assertThat(Files.readAllLines(out6)).hasSize(n6 + 1).containsExactlyInAnyOrderElementsOf(csv6);
        } finally {
            TestDatabases.drop(db);
        }
    }
}
