package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nestor.it.harness.DhcpClient;
import dev.nestor.it.harness.ServerConfig;
import dev.nestor.it.harness.DumpOnFailure;
import dev.nestor.it.harness.LeaseFile;
import dev.nestor.it.harness.LeaseFile6;
import dev.nestor.it.harness.NetnsLab;
import dev.nestor.it.harness.Require;
import dev.nestor.it.harness.ServerKind;
import dev.nestor.it.harness.ServerProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One lab (namespaces) and one server per test class; the server must stop with exit code 0 on SIGTERM at the
 * end. Failures print the server log, the lease file and every registered client's output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabTest {
    final ServerKind kind = ServerKind.selected();

    @RegisterExtension
    final DumpOnFailure dump = new DumpOnFailure();

    NetnsLab lab;
    ServerProcess server;
    private final List<DhcpClient> clients = new ArrayList<>();

    /** Checks root, tools and the server binary (skip locally, fail in CI), then builds the lab. */
    void createLab(String serverCidr, String... tools) {
        Require.lab(kind, tools);
        lab = NetnsLab.create(serverCidr);
        dump.add("server (" + kind + ") log", () -> server == null ? "(not started)" : server.logTail(80));
        dump.add("lease file", () -> server == null ? "(not started)" : server.leaseDump());
    }

    /** As {@link #createLab}, for the DHCPv6 daemon: an IPv6 lab whose server bridge holds {@code serverCidr6}. */
    void createLab6(String serverCidr6, String... tools) {
        Require.lab6(kind, tools);
        lab = NetnsLab.create6(serverCidr6);
        dump.add("server (" + kind + " dhcp6) log", () -> server == null ? "(not started)" : server.logTail(80));
        dump.add("lease file", () -> server == null ? "(not started)" : server.leaseDump());
    }

    ServerProcess startServer(ServerConfig config) {
        server = ServerProcess.start(lab, kind, config);
        return server;
    }

    /** SIGHUP with {@code next} as the config file; waits (bounded) until the server's log shows {@code logText}. */
    void reloadAndAwaitLog(ServerConfig next, String logText) {
        server.reload(next);
        await("server log shows \"" + logText + "\"").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.readString(server.log()).contains(logText));
    }

    /** SIGTERM: the server must exit cleanly (0) within the bound. */
    void stopServerCleanly() {
        int exit = server.stop();
        assertThat(exit).as("%s exit code after SIGTERM\n%s", kind, server.logTail(30)).isZero();
    }

    <C extends DhcpClient> C client(C c) {
        clients.add(c);
        dump.add(c);
        return c;
    }

    /** Waits (bounded) until the lease file satisfies {@code condition}; servers may write just after replying. */
    LeaseFile awaitLeases(String what, Predicate<LeaseFile> condition) {
        return await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(server::leases, condition);
    }

    /** As {@link #awaitLeases}, for a DHCPv6 lease file. */
    LeaseFile6 awaitLeases6(String what, Predicate<LeaseFile6> condition) {
        return await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(server::leases6, condition);
    }

    /** Sleeps into the next wall-clock second so a new cltt (whole seconds in the lease file) is distinguishable. */
    static void nextSecond() throws InterruptedException {
        long ms = System.currentTimeMillis();
        Thread.sleep(1000 - ms % 1000 + 100);
    }

    @AfterEach
    void stopClients() {
        for (DhcpClient c : clients) c.close();
        clients.clear();
    }

    @AfterAll
    void tearDownLab() {
        try {
            if (server != null && server.isAlive()) stopServerCleanly();
        } finally {
            if (lab != null) lab.close();
        }
    }
}
