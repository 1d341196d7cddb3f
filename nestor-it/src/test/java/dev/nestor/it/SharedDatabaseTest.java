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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers, one database: two {@code nestor-dhcp4} processes (each in its own lab, so each gets its own
 * perfdhcp stream) keep their leases in the same PostgreSQL (or MariaDB) database and hand out the same pool at the same
 * time, to clients from two MAC ranges. The database must be what keeps them apart: no DHCPACK either server
 * sent (captured on the wire) gives an address another client still holds, and every address a client holds by
 * its last ACK is a row naming that client.
 */
class SharedDatabaseTest {
    // within what one server does on this shared 2-core machine with the database round trips
    static final int RATE = 40;
    static final int EXCHANGES = 300;
    static final int CLIENTS = 100;

    final ServerKind kind = ServerKind.selected();

    @RegisterExtension
    final DumpOnFailure dump = new DumpOnFailure();

    @ParameterizedTest
    @EnumSource(DbEngine.class)
    void twoServersNeverGiveOneAddressToTwoClients(DbEngine engine) throws Exception {
        Require.lab(kind, "perfdhcp", "socat", "tcpdump");
        List<AutoCloseable> open = new ArrayList<>();
        try (LeaseDb db = LeaseDb.create(engine)) {
            dump.add("lease database", db::dump);
            List<Side> sides = new ArrayList<>();
            for (String macBase : List.of("00:0c:01:00:00:00", "00:0c:02:00:00:00")) {
                NetnsLab lab = NetnsLab.create("192.0.2.1/24");
                open.add(lab);
                DbRelay relay = DbRelay.of(lab, engine).start();
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
                    Perfdhcp.run(s.lab, s.perf, RATE, EXCHANGES, CLIENTS, 15, List.of("-b", "mac=" + s.macBase)))).toList();
            for (int i = 0; i < runs.size(); i++) {
                Perfdhcp.Result r = runs.get(i).join();
                dump.add("perfdhcp " + sides.get(i).macBase, r::output);
                assertThat(r.requestAck()).as("perfdhcp report\n%s", r.output()).isNotNull();
            }

            // both captures on one clock, in time order
            List<DhcpCapture.Message> wire = new ArrayList<>();
            for (Side s : sides) {
                List<DhcpCapture.Message> seen = s.capture.stopAndRead();
                String prefix = s.macBase.substring(0, 8);
                assertThat(seen).as("DHCPACKs of the server of %s", s.macBase)
                        .anySatisfy(m -> assertThat(m.type()).isEqualTo(DhcpCapture.Message.ACK));
                assertThat(seen).allSatisfy(m -> assertThat(m.chaddr()).as("client of this stream").startsWith(prefix));
                wire.addAll(seen);
            }
            wire.sort(Comparator.comparingLong(DhcpCapture.Message::micros));

            // A client holds the address of its last ACK until it starts over with a DISCOVER. No ACK may give an
            // address that another client holds: the DISCOVER that freed it is on the wire before the server that
            // reuses it can know (causality), so this check has no false alarms.
            Map<String, String> holderOf = new HashMap<>(); // address -> client
            Map<String, String> heldBy = new HashMap<>();   // client -> address
            Set<String> ackedClients = new HashSet<>();
            for (DhcpCapture.Message m : wire) {
                if (m.type() == DhcpCapture.Message.DISCOVER) {
                    String had = heldBy.remove(m.chaddr());
                    if (had != null) holderOf.remove(had, m.chaddr());
                } else if (m.type() == DhcpCapture.Message.ACK) {
                    String holder = holderOf.get(m.yiaddr());
                    assertThat(holder == null || holder.equals(m.chaddr()))
                            .as("%s acknowledged to %s while %s held it", m.yiaddr(), m.chaddr(), holder).isTrue();
                    String had = heldBy.put(m.chaddr(), m.yiaddr());
                    if (had != null && !had.equals(m.yiaddr())) holderOf.remove(had, m.chaddr());
                    holderOf.put(m.yiaddr(), m.chaddr());
                    ackedClients.add(m.chaddr());
                }
            }

            List<Lease4> rows = db.leases4();
            Map<String, Lease4> byAddress = rows.stream().collect(Collectors.toMap(l -> Ipv4.toString(l.address()), l -> l));
            // every address a client holds by its last ACK is a row naming that client
            for (Map.Entry<String, String> e : holderOf.entrySet()) {
                Lease4 row = byAddress.get(e.getKey());
                assertThat(row).as("row for %s, acknowledged to %s", e.getKey(), e.getValue()).isNotNull();
                assertThat(row.hwAddress().toString()).as("client of %s", e.getKey()).isEqualTo(e.getValue());
            }
            // one lease per client
            Set<String> rowClients = rows.stream().map(l -> l.hwAddress().toString()).collect(Collectors.toSet());
            assertThat(rowClients).as("distinct clients holding leases").hasSameSizeAs(rows);
            assertThat(rows.size()).as("rows >= clients holding an acknowledged address").isGreaterThanOrEqualTo(holderOf.size());
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
