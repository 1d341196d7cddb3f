package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.it.harness.ClientLease;
import dev.nestor.it.harness.DbRelay;
import dev.nestor.it.harness.Dhclient;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.Ipv4Text;
import dev.nestor.it.harness.LeaseDb;
import dev.nestor.it.harness.ServerKind;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.jdbc.DbEngine;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server with {@code lease-database} PostgreSQL and MariaDB (throwaway databases on the local servers, reached
 * from the lab through a socat relay): a real client's lease is a row; a server started while the database is
 * down ({@code retry-on-startup}) serves once it is back; a database lost for good stops the server
 * ({@code on-fail stop-retry-exit} after {@code max-reconnect-tries}).
 */
class SqlLeaseDatabaseTest extends LabTest {
    static final String POOL_FIRST = "192.0.2.100";
    static final String POOL_LAST = "192.0.2.199";
    private int clients;

    @BeforeAll
    void setUp() {
        createLab("192.0.2.1/24", "dhclient", "socat");
    }

    private Dhcp4Config config(LeaseDb db, DbRelay relay) {
        Dhcp4Config cfg = Dhcp4Config.basic(lab);
        cfg.subnet(1, "192.0.2.0/24", POOL_FIRST + " - " + POOL_LAST);
        db.configure(cfg, relay.port());
        return cfg;
    }

    private Host newHost() {
        return lab.addClient("c" + (++clients), null);
    }

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void dhclientLeaseIsARowInTheDatabase(DbEngine engine) throws Exception {
        try (LeaseDb db = LeaseDb.create(engine); DbRelay relay = DbRelay.of(lab, engine).start()) {
            dump.add(engine + " lease database", db::dump);
            startServer(config(db, relay));
            Host h = newHost();
            ClientLease lease = client(new Dhclient(lab, h)).obtain();
            assertThat(Ipv4Text.inRange(lease.address(), POOL_FIRST, POOL_LAST)).as("%s in pool", lease.address()).isTrue();

            List<Lease4> rows = db.leases4();
            assertThat(rows).as("lease rows in %s", db.name()).hasSize(1);
            Lease4 row = rows.getFirst();
            assertThat(Ipv4.toString(row.address())).isEqualTo(lease.address());
            assertThat(row.hwAddress()).isEqualTo(HwAddress.parse(h.mac()));
            assertThat(row.subnetId()).isEqualTo(1);
            assertThat(row.validLifetime()).isEqualTo(600);
            assertThat(row.state()).isEqualTo(LeaseState.DEFAULT);
            // the database keeps the statistics too (Kea's triggers), for every server sharing it
            assertThat(db.count("SELECT leases FROM lease4_stat WHERE subnet_id = 1 AND state = 0")).isEqualTo(1);
            assertThat(server.control().command("lease4-get-all").path("arguments").path("leases")).hasSize(1);
            stopServerCleanly();
        }
    }

    @Test
    void startsWhileTheDatabaseIsDownAndServesOnceItIsBack() {
        Assumptions.assumeTrue(kind == ServerKind.NESTOR, "Kea 2.2 has no retry-on-startup");
        try (LeaseDb db = LeaseDb.create(DbEngine.POSTGRESQL); DbRelay relay = DbRelay.of(lab, DbEngine.POSTGRESQL)) {
            dump.add("lease database", db::dump);
            Dhcp4Config cfg = config(db, relay);
            cfg.root().withObject("lease-database").put("retry-on-startup", true).put("max-reconnect-tries", 10000)
                    .put("reconnect-wait-time", 200).put("on-fail", "stop-retry-exit").put("connect-timeout", 1);
            startServer(cfg); // the relay is not listening: the database is unreachable
            JsonNode state = server.control().command("status-get").path("arguments").path("dhcp-state");
            assertThat(state.path("disabled-by-db-connection").toString()).as("dhcp-state %s", state).isEqualTo("[3000]");

            relay.start();
            await("service enabled once the database is reachable").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> server.control().command("status-get")
                            .path("arguments").path("dhcp-state").path("globally-disabled").asBoolean(true) == false);
            Host h = newHost();
            ClientLease lease = client(new Dhclient(lab, h)).obtain();
            assertThat(db.leases4()).extracting(l -> Ipv4.toString(l.address())).containsExactly(lease.address());
            assertThat(log()).contains("DHCP4_DB_CONNECTION_LOST").contains("DHCP4_DB_RECONNECT_SUCCEEDED");
            stopServerCleanly();
        }
    }

    @Test
    void aDatabaseLostForGoodStopsTheServer() {
        try (LeaseDb db = LeaseDb.create(DbEngine.POSTGRESQL); DbRelay relay = DbRelay.of(lab, DbEngine.POSTGRESQL).start()) {
            dump.add("lease database", db::dump);
            Dhcp4Config cfg = config(db, relay);
            cfg.root().withObject("lease-database").put("max-reconnect-tries", 3).put("reconnect-wait-time", 200)
                    .put("on-fail", "stop-retry-exit").put("connect-timeout", 1);
            startServer(cfg);
            Host h = newHost();
            ClientLease lease = client(new Dhclient(lab, h)).obtain();
            assertThat(db.leases4()).extracting(l -> Ipv4.toString(l.address())).containsExactly(lease.address());

            relay.stop();
            // the next use of the database finds it gone (a lease query here)
            server.control().command("lease4-get-all");
            await("server exits after max-reconnect-tries").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> !server.isAlive());
            assertThat(server.stop()).as("exit status\n%s", server.logTail(30)).isEqualTo(1);
            if (kind == ServerKind.NESTOR)
                assertThat(log()).contains("DHCP4_DB_CONNECTION_LOST").contains("DHCP4_DB_RECONNECT_FAILED");
        }
    }

    private String log() {
        try {
            return Files.readString(server.log());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
