package dev.nestor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.time.Clock;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.memfile.MemfileLeaseStore4;
import dev.nestor.lease.memfile.MemfileLeaseStore6;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that apply to memfile: lease-dump of a lease file, lease-upload into one, and the refusals. */
class MemfileCommandsTest {
    @TempDir
    Path dir;

    /** A Kea 1.x file (no state, user_context or pool_id), a renewal and a deletion row, as the servers append them. */
    private static final String OLD_LEASE_FILE = """
            address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname
            192.0.2.10,01:02:03:04:05:06,,3600,1800000000,1,0,0,one
            192.0.2.11,01:02:03:04:05:07,01:07,3600,1800000000,1,0,0,two&#x2ctoo
            192.0.2.10,01:02:03:04:05:06,,3600,1800000600,1,0,0,one
            192.0.2.11,01:02:03:04:05:07,01:07,0,1800000000,1,0,0,two&#x2ctoo
            """;

    @Test
    void leaseDumpCompactsALeaseFile() throws Exception {
        Path in = write("leases4.csv", OLD_LEASE_FILE);
        Path out = dir.resolve("dump.csv");
        Admin.Run r = Admin.nestor("lease-dump", "memfile", "-4", "-i", in.toString(), "-o", out.toString());
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(Files.readAllLines(out)).containsExactly(KeaCsvWriter.HEADER4,
                "192.0.2.10,01:02:03:04:05:06,,3600,1800000600,1,0,0,one,0,,0");
        assertThat(Files.readString(in)).isEqualTo(OLD_LEASE_FILE); // the input is never touched

        // an existing output is kept unless -y
        Admin.Run refused = Admin.nestor("lease-dump", "memfile", "-4", "-i", in.toString(), "-o", out.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("exists; use -y");
        assertThat(Admin.nestor("lease-dump", "memfile", "-4", "-i", in.toString(), "-o", out.toString(), "-y").exit()).isZero();
    }

    @Test
    void leaseUploadIntoALeaseFileTheServersLoad() throws Exception {
        Path kea = write("kea-dump.csv", """
                address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context
                192.0.2.10,01:02:03:04:05:06,01:aa:bb,3600,1800000000,1,1,0,host&#x2cone.example.org,0,{"a": 1}
                192.0.2.11,01:02:03:04:05:07,,3600,1800000000,1,0,0,,1,
                """);
        Path target = dir.resolve("leases4.csv");
        Admin.Run r = Admin.nestor("lease-upload", "memfile", "-4", "-i", kea.toString(), "-o", target.toString());
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(r.out()).contains("Uploaded 2 leases to lease file " + target + ": 2 added");
        try (MemfileLeaseStore4 store = MemfileLeaseStore4.open(LeaseTransfer.memfile(target), new StoreContext(Clock.SYSTEM, dir))) {
            assertThat(store.getAll()).containsExactlyInAnyOrder(
                    new Lease4(Ipv4.parse("192.0.2.10"), HwAddress.parse("01:02:03:04:05:06"), Bytes.fromHex("01:aa:bb"),
                            3600, 1_800_000_000L - 3600, 1, true, false, "host,one.example.org", LeaseState.DEFAULT, "{\"a\": 1}", 0),
                    new Lease4(Ipv4.parse("192.0.2.11"), HwAddress.parse("01:02:03:04:05:07"), null, 3600,
                            1_800_000_000L - 3600, 1, false, false, "", LeaseState.DECLINED, null, 0));
        }
    }

    @Test
    void dhcpv6LeaseFileRoundTrip() throws Exception {
        Path in = write("leases6.csv", """
                address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source
                2001:db8::5,00:01:02:03,3600,1800000000,1,1800,0,7,128,0,0,h6,0a:0b:0c:0d:0e:0f,0,,1,0
                2001:db8:1::,00:01:02:04,3600,1800000000,1,1800,2,8,56,0,0,,,0,,NULL,0
                """);
        Path out = dir.resolve("dump6.csv");
        Admin.Run r = Admin.nestor("lease-dump", "memfile", "-6", "-i", in.toString(), "-o", out.toString());
        assertThat(r.exit()).as("%s", r).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).containsExactly(KeaCsvWriter.HEADER6,
                "2001:db8::5,00:01:02:03,3600,1800000000,1,1800,0,7,128,0,0,h6,0a:0b:0c:0d:0e:0f,0,,1,0,0",
                "2001:db8:1::,00:01:02:04,3600,1800000000,1,1800,2,8,56,0,0,,,0,,,,0");
        try (MemfileLeaseStore6 store = MemfileLeaseStore6.open(LeaseTransfer.memfile(out), new StoreContext(Clock.SYSTEM, dir))) {
            assertThat(store.getAll()).hasSize(2);
        }
    }

    @Test
    void escapingMatchesKea() {
        assertThat(KeaCsvWriter.escape("a,b&c")).isEqualTo("a&#x2cb&#x26c");
        assertThat(KeaCsvWriter.escape("zürich")).isEqualTo("z&#xc3&#xbcrich");
        assertThat(KeaCsvWriter.escape("{\"a\": 1}")).isEqualTo("{\"a\": 1}");
    }

    @Test
    void refusalsAndUsage() throws Exception {
        Path in = write("leases4.csv", OLD_LEASE_FILE);
        Admin.Run noFamily = Admin.nestor("lease-dump", "memfile", "-i", in.toString(), "-o", dir.resolve("x").toString());
        assertThat(noFamily.exit()).isEqualTo(2);
        assertThat(noFamily.err()).contains("lease type ( -4 or -6 ) needs to be specified");
        assertThat(Admin.nestor("lease-dump", "memfile", "-4", "-i", in.toString()).err()).contains("output file");
        assertThat(Admin.nestor("db-init", "sqlite").err()).contains("unknown backend 'sqlite'");
        assertThat(Admin.nestor("db-init", "memfile").exit()).isEqualTo(1);
        Admin.Run stats = Admin.nestor("stats-recount", "memfile");
        assertThat(stats.exit()).isZero();
        assertThat(stats.out()).contains("memfile does not keep lease statistics");
        assertThat(Admin.nestor("frobnicate", "mysql").exit()).isEqualTo(2);
        assertThat(Admin.nestor("-v").out().strip()).isEqualTo(NestorAdmin.VERSION);
        Admin.Run missing = Admin.nestor("lease-upload", "memfile", "-4", "-i", dir.resolve("nope.csv").toString(),
                "-o", dir.resolve("t.csv").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
