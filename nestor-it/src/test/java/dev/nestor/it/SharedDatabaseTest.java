package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.net.Ipv4;
import dev.nestor.it.harness.DbRelay;
import dev.nestor.it.harness.DhcpCapture;
import dev.nestor.it.harness.Dhcp4Config;
import dev.nestor.it.harness.DumpOnFailure;
import dev.nestor.it.harness.Host;
import dev.nestor.it.harness.LeaseDb;
import dev.nestor.it.harness.NetnsLab;
import dev.nestor.it.harness.Perfdhcp;
import dev.nestor.it.harness.Require;
import dev.nestor.it.harness.ServerKind;
import dev.nestor.it.harness.ServerProcess;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.jdbc.DbEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers, one database: two {@code nestor-dhcp4} processes (each in its own lab, so each gets its own
 * perfdhcp stream) keep their leases in the same PostgreSQL database and hand out the same pool at the same
 * time, to clients from two MAC ranges. The database must be what keeps them apart: every DHCPACK either server
 * sent (captured on the wire) is a row naming that client, and no address was acknowledged to two clients.
 */
class SharedDatabaseTest {
    static final int RATE = 150;
    static final int EXCHANGES = 600;
    static final int CLIENTS = 100;

    final ServerKind kind = ServerKind.selected();

    @RegisterExtension
    final DumpOnFailure dump = new DumpOnFailure();

    @Test
    void twoServersNeverGiveOneAddressToTwoClients() throws Exception {
        Require.lab(kind, "perfdhcp", "socat", "tcpdump");
        List<AutoCloseable> open = new ArrayList<>();
        try (LeaseDb db = LeaseDb.create(DbEngine.POSTGRESQL)) {
            dump.add("lease database", db::dump);
            List<Side> sides = new ArrayList<>();
            for (String macBase : List.of("00:0c:01:00:00:00", "00:0c:02:00:00:00")) {
                NetnsLab lab = NetnsLab.create("192.0.2.1/24");
                open.add(lab);
                DbRelay relay = DbRelay.of(lab, DbEngine.POSTGRESQL).start();
                open.add(relay);
                Dhcp4Config cfg = Dhcp4Config.basic(lab);
                // both servers hand out the same pool (241 addresses for 200 clients), from its start
                cfg.subnet(1, "192.0.2.0/24", "192.0.2.10 - 192.0.2.250");
                cfg.root().put("valid-lifetime", 3600);
                db.configure(cfg, relay.port());
                ServerProcess server = ServerProcess.start(lab, kind, cfg);
                open.add(server);
                dump.add("server " + macBase, () -> server.logTail(40));
                Host perf = lab.addClient("perf", null);
                lab.addAddress(perf, "192.0.2.2/24");
                DhcpCapture capture = DhcpCapture.start(lab, perf);
                open.add(capture);
                sides.add(new Side(lab, server, perf, capture, macBase));
            }

            List<CompletableFuture<Perfdhcp.Result>> runs = sides.stream().map(s -> CompletableFuture.supplyAsync(() ->
                    Perfdhcp.run(s.lab, s.perf, RATE, EXCHANGES, CLIENTS, 20, List.of("-b", "mac=" + s.macBase)))).toList();
            for (int i = 0; i < runs.size(); i++) {
                Perfdhcp.Result r = runs.get(i).join();
                dump.add("perfdhcp " + sides.get(i).macBase, r::output);
                assertThat(r.requestAck()).as("perfdhcp report\n%s", r.output()).isNotNull();
            }

            Map<String, String> clientOf = new HashMap<>(); // address -> the client it was acknowledged to
            Set<String> ackedClients = new HashSet<>();
            for (Side s : sides) {
                List<DhcpCapture.Ack> acks = s.capture.stopAndReadAcks();
                assertThat(acks).as("DHCPACKs from the server of %s", s.macBase).isNotEmpty();
                String prefix = s.macBase.substring(0, 8);
                for (DhcpCapture.Ack a : acks) {
                    assertThat(a.chaddr()).as("ACK to a client of this stream").startsWith(prefix);
                    String before = clientOf.putIfAbsent(a.yiaddr(), a.chaddr());
                    assertThat(before == null || before.equals(a.chaddr()))
                            .as("%s acknowledged to %s and to %s", a.yiaddr(), before, a.chaddr()).isTrue();
                    ackedClients.add(a.chaddr());
                }
            }

            List<Lease4> rows = db.leases4();
            Map<String, Lease4> byAddress = rows.stream().collect(Collectors.toMap(l -> Ipv4.toString(l.address()), l -> l));
            assertThat(byAddress).hasSameSizeAs(rows);
            // every ACK seen on the wire is a row for that very client (leases are long: nothing expired or moved)
            for (Map.Entry<String, String> e : clientOf.entrySet()) {
                Lease4 row = byAddress.get(e.getKey());
                assertThat(row).as("row for acknowledged address %s", e.getKey()).isNotNull();
                assertThat(row.hwAddress().toString()).as("client of %s", e.getKey()).isEqualTo(e.getValue());
            }
            // one lease per client, and a client per lease
            Set<String> rowClients = rows.stream().map(l -> l.hwAddress().toString()).collect(Collectors.toSet());
            assertThat(rowClients).as("distinct clients holding leases").hasSameSizeAs(rows);
            assertThat(rows.size()).as("rows >= clients acknowledged").isGreaterThanOrEqualTo(ackedClients.size());
            assertThat(ackedClients).as("clients acknowledged by both servers together").hasSizeGreaterThan(CLIENTS);

            for (Side s : sides) assertThat(s.server.stop()).as("exit code\n%s", s.server.logTail(30)).isZero();
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception ignored) {
                    // best effort: the labs remove what is left
                }
            }
        }
    }

    private record Side(NetnsLab lab, ServerProcess server, Host perf, DhcpCapture capture, String macBase) {}
}
