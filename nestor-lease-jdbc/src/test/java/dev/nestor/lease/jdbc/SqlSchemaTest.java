package dev.nestor.lease.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseStores;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.StoreContext;
import dev.nestor.lease.SubnetLeaseCounts;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema versions and sharing a database with Kea 2.2: databases created by Nestor and by Kea's own
 * {@code kea-admin db-init}, leases written by one and read by the other in Kea's column encodings.
 */
public abstract class SqlSchemaTest {
    /** Leases expire a day from now in real time: kea-admin's tools look at the clock. */
    private static final long CLTT = System.currentTimeMillis() / 1000;
    private static final StoreContext CTX = new StoreContext(() -> CLTT, Path.of("/nonexistent"));

    private DatabaseConfig db;

    protected abstract DbEngine engine();

    private SchemaMigrator migrator() {
        return SchemaMigrator.of(engine());
    }

    @BeforeEach
    void createDatabase() {
        db = TestDatabases.create(engine());
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.drop(db);
    }

    private LeaseStore4 open4() throws LeaseStoreException {
        return LeaseStores.open4(TestDatabases.parameters(db), CTX);
    }

    private LeaseStore6 open6() throws LeaseStoreException {
        return LeaseStores.open6(TestDatabases.parameters(db), CTX);
    }

    @Test
    void anEmptyDatabaseIsRefusedWithTheCommandThatCreatesTheSchema() {
        assertThatThrownBy(this::open4).isInstanceOf(LeaseStoreException.class)
                .hasMessageContaining("no lease schema").hasMessageContaining("nestor-admin db-init " + engine().type());
    }

    @Test
    void initCreatesTheLatestVersionWhichKeaAdminAccepts() throws Exception {
        try (Connection c = JdbcConnections.open(db)) {
            assertThat(migrator().currentVersion(c)).isEmpty();
            assertThat(migrator().init(c)).isEqualTo(migrator().latest());
            assertThat(migrator().currentVersion(c)).contains(migrator().latest());
            assertThatThrownBy(() -> migrator().init(c)).isInstanceOf(LeaseStoreException.class)
                    .hasMessageContaining("already has lease schema");
            assertThat(migrator().upgrade(c)).isEqualTo(migrator().latest());
        }
        try (LeaseStore4 store = open4()) {
            assertThat(store.add(fullLease4())).isTrue();
        }
        KeaAdmin.require();
        assertThat(KeaAdmin.dbVersion(db)).isEqualTo(migrator().latest().keaVersion());
        // kea-admin's dump runs on the procedures of our schema and shows the lease in Kea's encoding
        assertThat(KeaAdmin.leaseDump(db, 4)).contains(expectedDumpLine4());
    }

    @Test
    void statsRecountRepairsTheStatisticsTables() throws Exception {
        try (Connection c = JdbcConnections.open(db)) {
            migrator().init(c);
        }
        try (LeaseStore4 store = open4()) {
            store.add(fullLease4());
            store.add(Lease4.of(Ipv4.parse("192.0.2.11"), null, null, 3600, CLTT, 42).withState(LeaseState.DECLINED));
            TestDatabases.execute(db, "UPDATE lease4_stat SET leases = 99", "INSERT INTO lease4_stat VALUES (7, 0, 5)");
            assertThat(store.countBySubnet().get(42L)).isEqualTo(new SubnetLeaseCounts(99, 99));
            try (Connection c = JdbcConnections.open(db)) {
                migrator().recountStatistics(c);
            }
            assertThat(store.countBySubnet()).containsEntry(42L, new SubnetLeaseCounts(1, 1)).doesNotContainKey(7L);
        }
    }

    @Test
    void aNewerSchemaIsRefusedAsUnknown() throws Exception {
        try (Connection c = JdbcConnections.open(db)) {
            migrator().init(c);
        }
        TestDatabases.execute(db, "UPDATE nestor_schema SET level = 99");
        assertThatThrownBy(this::open4).isInstanceOf(LeaseStoreException.class)
                .hasMessageContaining("not one this Nestor knows");
    }

    @Test
    void aKeaAdminDatabaseIsUpgradedInPlaceAndSharedBothWays() throws Exception {
        KeaAdmin.require();
        KeaAdmin.run("db-init", db);
        SchemaVersion kea = new SchemaVersion(migrator().latest().major(), migrator().latest().minor(), 0);
        try (Connection c = JdbcConnections.open(db)) {
            assertThat(migrator().currentVersion(c)).contains(kea);
        }
        assertThatThrownBy(this::open4).isInstanceOf(LeaseStoreException.class)
                .hasMessageContaining("nestor-admin db-upgrade " + engine().type());

        try (Connection c = JdbcConnections.open(db)) {
            assertThat(migrator().upgrade(c)).isEqualTo(migrator().latest());
        }
        // Kea still accepts the database: its version is unchanged
        assertThat(KeaAdmin.dbVersion(db)).isEqualTo(kea.keaVersion());

        try (LeaseStore4 store4 = open4(); LeaseStore6 store6 = open6()) {
            // Nestor writes, Kea's dump reads
            assertThat(store4.add(fullLease4())).isTrue();
            Lease4 declined = Lease4.of(Ipv4.parse("192.0.2.11"), null, null, 3600, CLTT, 42)
                    .withState(LeaseState.DECLINED);
            assertThat(store4.add(declined)).isTrue();
            assertThat(KeaAdmin.leaseDump(db, 4)).contains(expectedDumpLine4(),
                    "192.0.2.11,,,3600," + (CLTT + 3600) + ",42,0,0,,1,");
            assertThat(store6.add(fullLease6())).isTrue();
            // Kea keeps the IAID in PostgreSQL's signed INT, and its dump prints it that way
            String iaid = engine() == DbEngine.POSTGRESQL ? "-16" : "4294967280";
            assertThat(KeaAdmin.leaseDump(db, 6)).contains("2001:db8:1::10,00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:ab,"
                    + "7200," + (CLTT + 7200) + ",42,3000,0," + iaid + ",128,1,0,host&#x2cwith&#x2ccommas.example.org.,"
                    + "00:11:22:33:44:ab,0,{ \"comment\": \"a&#x2c b & c\" },1,0");

            // Kea writes (kea-admin lease-upload goes through Kea's own procedures), Nestor reads. (The user context
            // is not left empty: upload stores '' and Kea 2.2's own MariaDB update trigger then fails on it.)
            KeaAdmin.leaseUpload(db, 4, List.of(
                    "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context",
                    "192.0.2.20,00:aa:bb:cc:dd:ee,01:02:03,600," + (CLTT + 600) + ",42,1,1,kea.example.org.,0,"
                            + "{\"origin\":\"kea\"}"));
            Lease4 fromKea = store4.get(Ipv4.parse("192.0.2.20")).orElseThrow();
            // Kea's MySQL upload re-serialises the JSON, so only its content is compared
            assertThat(fromKea.userContext()).isNotNull().containsPattern("\"origin\": ?\"kea\"");
            assertThat(fromKea).isEqualTo(new Lease4(Ipv4.parse("192.0.2.20"), HwAddress.parse("00:aa:bb:cc:dd:ee"),
                    Bytes.fromHex("01:02:03"), 600, CLTT, 42, true, true, "kea.example.org.", LeaseState.DEFAULT,
                    fromKea.userContext(), 0));
            // both writers' leases are counted by the database's triggers
            assertThat(store4.countBySubnet().get(42L)).isEqualTo(new SubnetLeaseCounts(2, 1));
            // and Nestor can update the row Kea wrote
            assertThat(store4.replace(fromKea, fromKea.withCltt(CLTT + 10))).isTrue();
            assertThat(store4.get(fromKea.address())).contains(fromKea.withCltt(CLTT + 10));

            // (Kea 2.2's own upload cannot take a v6 lease without a hardware address: lfc leaves hwtype empty)
            KeaAdmin.leaseUpload(db, 6, List.of(
                    "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,prefix_len,fqdn_fwd,"
                            + "fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source",
                    "2001:db8:8000::,00:03:00:01:00:11:22:33:44:55,900," + (CLTT + 900) + ",42,450,2,7,56,0,0,,00:11:22:33:44:55,0,,1,0"));
            Lease6 pd = Lease6.pd(Ipv6Text.parse("2001:db8:8000::"), 56, Bytes.fromHex("00:03:00:01:00:11:22:33:44:55"),
                    7, 450, 900, CLTT, 42).withHwAddress(HwAddress.parse("00:11:22:33:44:55"));
            assertThat(store6.get(LeaseType6.PD, pd.address())).contains(pd);
            assertThat(store6.getPage(Ipv6Text.parse("::"), 10)).extracting(Lease6::addressText)
                    .containsExactly("2001:db8:1::10", "2001:db8:8000::");
            assertThat(store6.delete(pd)).isTrue();
            assertThat(store6.get(LeaseType6.PD, pd.address())).isEqualTo(Optional.empty());
        }
    }

    @Test
    void hostsWrittenByKeaAreReadAndHostsWrittenByNestorHaveKeaEncodings() throws Exception {
        KeaAdmin.require();
        KeaAdmin.run("db-init", db);
        try (Connection c = JdbcConnections.open(db)) {
            migrator().upgrade(c);
        }
        // the rows as Kea 2.2's host backend inserts them: identifier bytes, address as a number, text option
        // with its payload, scope 3 (host), unused DHCPv6 subnet NULL
        boolean pg = engine() == DbEngine.POSTGRESQL;
        TestDatabases.execute(db,
                "INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id, dhcp6_subnet_id, ipv4_address,"
                        + " hostname, dhcp4_client_classes, dhcp4_next_server, user_context) VALUES ("
                        + (pg ? "'\\x001122334455'" : "X'001122334455'") + ", 0, 1, NULL, 3221225994, 'kea-host',"
                        + " 'foo,bar', 0, '{ \"from\": \"kea\" }')",
                "INSERT INTO dhcp4_options (code, value, formatted_value, space, persistent, dhcp_client_class,"
                        + " dhcp4_subnet_id, host_id, scope_id) SELECT 6, " + (pg ? "'\\xc0000235'" : "X'c0000235'")
                        + ", '192.0.2.53', 'dhcp4', " + (pg ? "TRUE" : "1") + ", NULL, NULL, host_id, 3 FROM hosts");
        try (dev.nestor.lease.host.HostStore store = dev.nestor.lease.host.HostStores.open(TestDatabases.parameters(db))) {
            var h = store.get(dev.nestor.lease.host.HostStore.Family.V4, 1,
                    dev.nestor.lease.host.HostIdentifierType.HW_ADDRESS, Bytes.fromHex("00:11:22:33:44:55")).orElseThrow();
            assertThat(h.ipv4Address()).isEqualTo(Ipv4.parse("192.0.2.10"));
            assertThat(h.hostname()).isEqualTo("kea-host");
            assertThat(h.dhcp4ClientClasses()).containsExactly("foo", "bar");
            assertThat(h.ipv6SubnetId()).isNull();
            assertThat(h.options4()).containsExactly(new dev.nestor.lease.host.HostOption(6, "dhcp4",
                    Bytes.fromHex("c0:00:02:35"), "192.0.2.53", true, false, null, null));
            // and the other way: what Nestor adds reads back in Kea's columns
            store.add(dev.nestor.lease.host.Host.v4(dev.nestor.lease.host.HostIdentifierType.CLIENT_ID,
                    Bytes.fromHex("01:02:03"), 1, Ipv4.parse("192.0.2.11")));
            try (Connection c = JdbcConnections.open(db); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT dhcp_identifier_type, ipv4_address, dhcp6_subnet_id FROM hosts"
                         + " WHERE dhcp4_subnet_id = 1 AND ipv4_address = 3221225995")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
                rs.getLong(3);
                assertThat(rs.wasNull()).isTrue();
            }
            assertThat(store.delete(dev.nestor.lease.host.HostStore.Family.V4, 1,
                    Bytes.of(Ipv4.toBytes(Ipv4.parse("192.0.2.10"))))).isTrue();
        }
        assertThat(KeaAdmin.dbVersion(db)).isEqualTo(migrator().latest().keaVersion());
    }

    private static Lease4 fullLease4() {
        return new Lease4(Ipv4.parse("192.0.2.10"), HwAddress.parse("00:11:22:33:44:ab"),
                Bytes.fromHex("01:00:11:22:33:44:ab"), 7200, CLTT, 42, true, false, "host,with,commas.example.org.",
                LeaseState.DEFAULT, "{ \"comment\": \"a, b & c\" }", 0);
    }

    /** The line Kea's lease-dump prints for {@link #fullLease4()} (commas in text escaped as Kea's memfile does). */
    private static String expectedDumpLine4() {
        return "192.0.2.10,00:11:22:33:44:ab,01:00:11:22:33:44:ab,7200," + (CLTT + 7200)
                + ",42,1,0,host&#x2cwith&#x2ccommas.example.org.,0,{ \"comment\": \"a&#x2c b & c\" }";
    }

    private static Lease6 fullLease6() {
        return new Lease6(Ipv6Text.parse("2001:db8:1::10"), LeaseType6.NA, 128,
                Bytes.fromHex("00:01:00:01:2c:3d:4e:5f:00:11:22:33:44:ab"), 0xFFFFFFF0L, 3000, 7200, CLTT, 42, true,
                false, "host,with,commas.example.org.", HwAddress.parse("00:11:22:33:44:ab"), LeaseState.DEFAULT,
                "{ \"comment\": \"a, b & c\" }", 0);
    }
}
