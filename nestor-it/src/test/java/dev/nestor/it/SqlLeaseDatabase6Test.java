package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.it.harness.DbRelay;
import dev.nestor.it.harness.Dhclient6;
import dev.nestor.it.harness.Dhcp6Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Json;
import dev.nestor.it.harness.LeaseDb;
import dev.nestor.it.harness.ServerKind;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.jdbc.DbEngine;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * nestor-dhcp6 on PostgreSQL and MariaDB (throwaway databases on the local servers, reached from the IPv6 lab
 * through a socat relay in the server namespace): {@code dhclient -6 -N -P}'s address and prefix are lease6 rows
 * (address, DUID, IAID, lease type, prefix length), its renewal moves their expiry and its release deletes them; a
 * reservation added and then updated through the control socket in a {@code hosts-database} is what the next
 * client gets; a server started while its databases are down serves once they are back.
 */
class SqlLeaseDatabase6Test extends LabTest {
    static final String POOL_FIRST = "2001:db8:1::100";
    static final String POOL_LAST = "2001:db8:1::1ff";
    private int clients;

    @BeforeAll
    void setUp() {
        createLab6("2001:db8:1::1/64", "dhclient", "socat");
    }

    private Dhcp6Config config() {
        Dhcp6Config cfg = Dhcp6Config.basic(lab);
        cfg.dhcp6().put("renew-timer", 2).put("rebind-timer", 4);
        ObjectNode subnet = cfg.subnet(1, "2001:db8:1::/64", POOL_FIRST + " - " + POOL_LAST);
        subnet.put("interface", lab.serverIface());
        Dhcp6Config.pdPool(subnet, "2001:db8:8000::", 40, 56);
        return cfg;
    }

    private Host newHost() {
        return lab.addClient("c" + (++clients), String.format("02:00:00:00:66:%02x", clients));
    }

    private JsonNode command(String name, String arguments) throws Exception {
        return server.control().command(name, (ObjectNode) Json.MAPPER.readTree(arguments));
    }

    private static Bytes duid(Dhclient6 c) {
        return Bytes.fromHex(c.duid());
    }

    /** dhclient's {@code new_iaid}: colon-separated hex bytes or a number. */
    private static long iaid(String text) {
        if (text.contains(":")) return Long.parseLong(text.replace(":", ""), 16);
        return Long.parseLong(text);
    }

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void dhclientAddressAndPrefixAreRowsRenewedAndReleased(DbEngine engine) throws Exception {
        try (LeaseDb db = LeaseDb.create(engine); DbRelay relay = DbRelay.of(lab, engine).start()) {
            dump.add(engine + " lease database", db::dump6);
            Dhcp6Config cfg = config();
            db.configure(cfg, relay.port());
            startServer(cfg);
            Host h = newHost();
            Dhclient6 c = client(new Dhclient6(lab, h, true));
            Dhclient6.Bound bound = c.obtain6();
            assertThat(Dhcp6ClientTest.inRange(bound.address(), POOL_FIRST, POOL_LAST)).as("%s in pool", bound.address()).isTrue();
            assertThat(bound.prefix()).endsWith("/56");
            String prefix = bound.prefix().substring(0, bound.prefix().indexOf('/'));

            List<Lease6> rows = db.leases6();
            assertThat(rows).as("lease6 rows in %s", db.name()).hasSize(2);
            Lease6 na = rows.stream().filter(l -> l.type() == LeaseType6.NA).findFirst().orElseThrow();
            Lease6 pd = rows.stream().filter(l -> l.type() == LeaseType6.PD).findFirst().orElseThrow();
            assertThat(na.address()).isEqualTo(Ipv6Text.parse(bound.address()));
            assertThat(na.prefixLength()).isEqualTo(128);
            assertThat(pd.address()).isEqualTo(Ipv6Text.parse(prefix));
            assertThat(pd.prefixLength()).isEqualTo(56);
            for (Lease6 l : rows) {
                assertThat(l.duid()).as("DUID of %s", l.addressText()).isEqualTo(duid(c));
                assertThat(l.subnetId()).isEqualTo(1);
                assertThat(l.validLifetime()).isEqualTo(600);
                assertThat(l.preferredLifetime()).isEqualTo(300);
                assertThat(l.state()).isEqualTo(LeaseState.DEFAULT);
            }
            if (bound.iaid() != null) assertThat(na.iaid()).as("IAID of the address").isEqualTo(iaid(bound.iaid()));
            // the raw columns, as Kea's own tools read them
            assertThat(db.count("SELECT COUNT(*) FROM lease6 WHERE address = '" + bound.address()
                    + "' AND lease_type = 0 AND prefix_len = 128 AND iaid = " + na.iaid() + " AND subnet_id = 1")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM lease6 WHERE address = '" + prefix
                    + "' AND lease_type = 2 AND prefix_len = 56 AND subnet_id = 1")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM lease6 WHERE duid = "
                    + (engine == DbEngine.POSTGRESQL ? "'\\x" : "X'") + HexFormat.of().formatHex(duid(c).toArray()) + "'"))
                    .isEqualTo(2);
            assertThat(server.control().command("lease6-get-all").path("arguments").path("leases")).hasSize(2);

            // the client renews at T1 (2 s): the same leases, with a later expiry in the database
            long firstExpire = na.expire();
            Dhclient6.Bound renewed = c.awaitRenew6();
            assertThat(renewed.address()).isEqualTo(bound.address());
            assertThat(renewed.prefix()).isEqualTo(bound.prefix());
            await("renewal written to " + db.name()).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> db.leases6().stream().filter(l -> l.type() == LeaseType6.NA)
                            .allMatch(l -> l.expire() > firstExpire));
            assertThat(db.leases6()).hasSize(2);

            c.release();
            await("both rows deleted after RELEASE").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> db.leases6().isEmpty());
            stopServerCleanly();
        }
    }

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void aReservationInTheHostsDatabaseIsWhatTheClientGets(DbEngine engine) throws Exception {
        assumeTrue(kind == ServerKind.NESTOR, "host_cmds is built into nestor only");
        try (LeaseDb db = LeaseDb.create(engine); DbRelay relay = DbRelay.of(lab, engine).start()) {
            dump.add(engine + " hosts database", db::dump6);
            Dhcp6Config cfg = config();
            ObjectNode hostsDb = db.configure(cfg, relay.port());
            cfg.root().set("hosts-database", hostsDb);
            cfg.root().putObject("lease-database").put("type", "memfile").put("persist", true)
                    .put("name", lab.workDir().resolve("leases6-" + engine.type() + ".csv").toString()).put("lfc-interval", 0);
            startServer(cfg);
            Host h = newHost();
            Dhclient6 c = client(new Dhclient6(lab, h, false));

            JsonNode added = command("reservation-add", "{ \"reservation\": { \"subnet-id\": 1, \"duid\": \"" + c.duid()
                    + "\", \"ip-addresses\": [ \"2001:db8:1::42\" ], \"hostname\": \"six\" } }");
            assertThat(added.path("result").asInt()).as(added.toString()).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM ipv6_reservations WHERE address = '2001:db8:1::42'")).isEqualTo(1);
            Dhclient6.Bound bound = c.obtain6();
            assertThat(bound.address()).as("address reserved in the %s hosts database", engine).isEqualTo("2001:db8:1::42");
            c.release();

            // Kea's reservation-update: delete and add in one transaction; the next exchange gets the new address
            JsonNode updated = command("reservation-update", "{ \"reservation\": { \"subnet-id\": 1, \"duid\": \"" + c.duid()
                    + "\", \"ip-addresses\": [ \"2001:db8:1::43\" ], \"hostname\": \"six-b\" } }");
            assertThat(updated.path("result").asInt()).as(updated.toString()).isZero();
            assertThat(updated.path("text").asText()).isEqualTo("Host updated.");
            assertThat(db.count("SELECT COUNT(*) FROM ipv6_reservations")).as("the old address row went").isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM ipv6_reservations WHERE address = '2001:db8:1::43'")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM hosts WHERE hostname = 'six-b'")).isEqualTo(1);
            JsonNode missing = command("reservation-update", "{ \"reservation\": { \"subnet-id\": 1, \"duid\": \"00:03:00:01:02:00:00:00:00:99\","
                    + " \"ip-addresses\": [ \"2001:db8:1::44\" ] } }");
            assertThat(missing.path("result").asInt()).as(missing.toString()).isEqualTo(1);
            assertThat(missing.path("text").asText()).isEqualTo("Host not updated (not found).");

            c.obtain6();
            // the server tells the client to drop its old address (lifetimes 0) beside the new one, so dhclient's
            // script sees both: the server's lease is what counts
            JsonNode lease = command("lease6-get", "{ \"ip-address\": \"2001:db8:1::43\" }");
            assertThat(lease.path("result").asInt()).as("lease6-get of the updated reservation: %s", lease).isZero();
            assertThat(lease.path("arguments").path("duid").asText()).isEqualTo(c.duid());
            assertThat(lease.path("arguments").path("hostname").asText()).isEqualTo("six-b");
            c.release();
            stopServerCleanly();
        }
    }

    @Test
    void startsWhileTheDatabasesAreDownAndServesOnceTheyAreBack() throws Exception {
        assumeTrue(kind == ServerKind.NESTOR, "Kea 2.2 has no retry-on-startup");
        try (LeaseDb db = LeaseDb.create(DbEngine.POSTGRESQL); DbRelay relay = DbRelay.of(lab, DbEngine.POSTGRESQL)) {
            dump.add("lease database", db::dump6);
            Dhcp6Config cfg = config();
            ObjectNode leaseDb = db.configure(cfg, relay.port());
            leaseDb.put("retry-on-startup", true).put("max-reconnect-tries", 10000).put("reconnect-wait-time", 200)
                    .put("on-fail", "stop-retry-exit").put("connect-timeout", 1);
            cfg.root().set("hosts-database", leaseDb.deepCopy());
            startServer(cfg); // the relay is not listening: both databases are unreachable
            JsonNode state = server.control().command("status-get").path("arguments").path("dhcp-state");
            assertThat(state.path("disabled-by-db-connection").toString()).as("dhcp-state %s", state)
                    .isEqualTo("[3000,3001]"); // the lease database and the hosts database, each its own origin

            relay.start();
            await("service enabled once the databases are reachable").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> !server.control().command("status-get")
                            .path("arguments").path("dhcp-state").path("globally-disabled").asBoolean(true));
            Host h = newHost();
            Dhclient6 c = client(new Dhclient6(lab, h, false));
            Dhclient6.Bound bound = c.obtain6();
            assertThat(db.leases6()).extracting(Lease6::addressText).containsExactly(bound.address());
            String log = Files.readString(server.log());
            assertThat(log).contains("DHCP6_DB_CONNECTION_LOST").contains("DHCP6_DB_RECONNECT_SUCCEEDED");
            stopServerCleanly();
        }
    }
}
