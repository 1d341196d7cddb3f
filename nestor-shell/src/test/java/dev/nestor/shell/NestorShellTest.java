package dev.nestor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.nestor.control.KeaJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** nestor-shell against a tiny HTTP endpoint that records what it receives (what a Kea agent would see). */
class NestorShellTest {
    private HttpServer server;
    private final List<String> bodies = new ArrayList<>();
    private final List<String> auth = new ArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] out = "[ { \"result\": 0, \"text\": \"ok\" } ]".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private record Run(int exit, String out) {
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--port", Integer.toString(server.getAddress().getPort())));
        argv.addAll(List.of(args));
        int exit = NestorShell.run(argv.toArray(String[]::new), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        return new Run(exit, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sendsTheCommandServicesAndArgumentsLikeKeaShell() throws Exception {
        Run r = run("\"remove\": true\n", "--service", "dhcp4", "--service", "dhcp6", "leases-reclaim");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("[ { \"result\": 0, \"text\": \"ok\" } ]\n");
        JsonNode sent = KeaJson.parse(bodies.getFirst());
        assertThat(KeaJson.write(sent)).isEqualTo("{ \"arguments\": { \"remove\": true }, \"command\": \"leases-reclaim\", "
                + "\"service\": [ \"dhcp4\", \"dhcp6\" ] }");
        assertThat(auth.getFirst()).isNull();
    }

    @Test
    void defaultsToListCommandsAndAcceptsAWholeMapOnStdin() throws Exception {
        run("");
        assertThat(KeaJson.write(KeaJson.parse(bodies.getFirst()))).isEqualTo("{ \"command\": \"list-commands\" }");
        run("{\"name\": \"pkt4-received\"}", "--auth-user", "admin", "--auth-password", "pw", "statistic-get");
        assertThat(KeaJson.parse(bodies.get(1)).get("arguments").get("name").asText()).isEqualTo("pkt4-received");
        assertThat(auth.get(1)).isEqualTo("Basic YWRtaW46cHc=");
    }

    @Test
    void failuresExitWithOneAsKeaShell() {
        status = 401;
        Run r = run("", "version-get");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("Failed to run: HTTP Error 401: Unauthorized\n");
        assertThat(run("", "--cert", "/x.pem", "version-get").out()).isEqualTo("--cert and --key must be used together\n");
        assertThat(run("", "--cert", "/x.pem", "--key", "/k.pem", "version-get").out()).isEqualTo("--cert and --key with HTTPS disabled (no --ca)\n");
        Run bad = run("\"remove\": ", "leases-reclaim");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).startsWith("Failed to run: cannot build the command: arguments read from standard input are not valid JSON");
    }
}
