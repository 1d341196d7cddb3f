package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.DbRelay;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LeaseDb;
import dev.nestor.it.harness.ServerKind;
import dev.nestor.lease.jdbc.DbEngine;
import dev.nestor.lease.jdbc.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Host reservations in a {@code hosts-database} (PostgreSQL and MariaDB, created by {@code nestor-admin db-init},
 * reached from the lab through a socat relay): a reservation added with {@code reservation-add} through the
 * control socket is a row in the database and what the next real client (dhclient) gets; a row inserted with SQL
 * the way Kea's host backend writes it is honoured too. Leases stay in memfile.
 */
class HostsDatabaseTest extends LabTest {
    static final String ADDED_MAC = "02:aa:00:00:00:01";
    static final String ADDED_IP = "192.0.2.42";
    static final String KEA_MAC = "02:aa:00:00:00:02";
    static final String KEA_IP = "192.0.2.43";

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "dhclient", "socat");
    }

    private JsonNode command(String name, String arguments) throws Exception {
        return server.control().command(name, (ObjectNode) Json.MAPPER.readTree(arguments));
    }

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void reservationsFromTheHostsDatabaseAreServedToRealClients(DbEngine engine) throws Exception {
        // Debian's Kea 2.2 has no host_cmds (a premium hook there)
        assumeTrue(kind == ServerKind.NESTOR, "host_cmds is built into nestor only");
        try (LeaseDb db = LeaseDb.create(engine); DbRelay relay = DbRelay.of(lab, engine).start()) {
            dump.add(engine + " hosts database", db::dump);
            Dhcp4Config cfg = Dhcp4Config.basic(lab);
            cfg.subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.199");
            ObjectNode hostsDb = db.configure(cfg, relay.port());
            cfg.root().remove("lease-database");
            cfg.root().set("hosts-database", hostsDb);
            startServer(cfg);

            // reservation-add goes to the database by default (Kea's operation-target "database")
            JsonNode added = command("reservation-add", "{ \"reservation\": { \"subnet-id\": 1, \"hw-address\": \""
                    + ADDED_MAC + "\", \"ip-address\": \"" + ADDED_IP + "\", \"hostname\": \"db-host\" } }");
            assertThat(added.path("result").asInt()).as(added.toString()).isZero();
            assertThat(added.path("text").asText()).isEqualTo("Host added.");
            assertThat(db.count("SELECT COUNT(*) FROM hosts WHERE dhcp4_subnet_id = 1 AND hostname = 'db-host'"))
                    .isEqualTo(1);
            JsonNode got = command("reservation-get", "{ \"subnet-id\": 1, \"ip-address\": \"" + ADDED_IP
                    + "\", \"operation-target\": \"database\" }");
            assertThat(got.path("arguments").path("hw-address").asText()).as(got.toString()).isEqualTo(ADDED_MAC);
            // the same identifier again is refused by the database's unique key
            JsonNode again = command("reservation-add", "{ \"reservation\": { \"subnet-id\": 1, \"hw-address\": \""
                    + ADDED_MAC + "\", \"ip-address\": \"192.0.2.44\" } }");
            assertThat(again.path("result").asInt()).as(again.toString()).isEqualTo(1);

            Host h = lab.addClient("db-resv-" + engine.type(), ADDED_MAC);
            ClientLease lease = client(new Dhclient(lab, h)).obtain();
            assertThat(lease.address()).as("address reserved in the %s hosts database", engine).isEqualTo(ADDED_IP);
            assertThat(lease.hostname()).isEqualTo("db-host");

            // a row as Kea's host backend writes it: identifier bytes, address as a number, unused v6 subnet NULL
            boolean pg = engine == DbEngine.POSTGRESQL;
            String mac = KEA_MAC.replace(":", "");
            TestDatabases.execute(TestDatabases.local(engine, db.name()),
                    "INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id, dhcp6_subnet_id,"
                            + " ipv4_address, hostname) VALUES (" + (pg ? "'\\x" + mac + "'" : "X'" + mac + "'")
                            + ", 0, 1, NULL, " + Long.toString(0xC000022BL) + ", 'kea-host')");
            Host k = lab.addClient("kea-resv-" + engine.type(), KEA_MAC);
            ClientLease keaLease = client(new Dhclient(lab, k)).obtain();
            assertThat(keaLease.address()).as("address from the Kea-written row").isEqualTo(KEA_IP);

            // reservation-del by default deletes from the database
            JsonNode deleted = command("reservation-del", "{ \"subnet-id\": 1, \"identifier-type\": \"hw-address\","
                    + " \"identifier\": \"" + ADDED_MAC + "\" }");
            assertThat(deleted.path("text").asText()).as(deleted.toString()).isEqualTo("Host deleted.");
            assertThat(db.count("SELECT COUNT(*) FROM hosts")).isEqualTo(1);
            stopServerCleanly();
        }
    }
}
