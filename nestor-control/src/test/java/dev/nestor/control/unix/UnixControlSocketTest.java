package dev.nestor.control.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandException;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixControlSocketTest {
    @TempDir
    Path dir;

    private Path path;
    private final CommandRegistry registry = new CommandRegistry();
    private UnixControlSocket socket;

    @BeforeEach
    void setUp() throws IOException {
        path = dir.resolve("kea4-ctrl-socket");
        registry.register("status-get", c -> {
            ObjectNode args = KeaJson.object();
            args.put("pid", ProcessHandle.current().pid());
            args.put("uptime", 42);
            return Answer.success(args);
        });
        registry.register("echo", c -> Answer.success(c.arguments()));
        socket = new UnixControlSocket(path, registry);
        socket.start();
    }

    @AfterEach
    void tearDown() {
        socket.close();
    }

    /** Sends {@code request} (half-closing after it when asked) and reads the answer until the server closes. */
    private static String exchange(Path path, String request, boolean halfClose) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) ch.write(out);
            if (halfClose) ch.shutdownOutput();
            return readAll(ch);
        }
    }

    private static String readAll(SocketChannel ch) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.allocate(8192);
        while (ch.read(in.clear()) >= 0) got.write(in.array(), 0, in.position());
        return got.toString(StandardCharsets.UTF_8);
    }

    private static Answer answer(String text) throws CommandException {
        return Answer.parse(text);
    }

    @Test
    void statusRoundTripWithoutHalfClose() throws Exception {
        Answer a = answer(exchange(path, "{ \"command\": \"status-get\" }", false));
        assertThat(a.result()).isZero();
        assertThat(a.arguments().get("pid").longValue()).isEqualTo(ProcessHandle.current().pid());
        assertThat(a.arguments().get("uptime").intValue()).isEqualTo(42);
    }

    @Test
    void commandMayArriveInPieces() throws Exception {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            ch.write(ByteBuffer.wrap("{\"command\": \"ec".getBytes(StandardCharsets.UTF_8)));
            ch.write(ByteBuffer.wrap("ho\", \"arguments\": {\"n\": [1, 2]}}".getBytes(StandardCharsets.UTF_8)));
            assertThat(readAll(ch)).isEqualTo("{ \"arguments\": { \"n\": [ 1, 2 ] }, \"result\": 0 }");
        }
    }

    @Test
    void unknownCommandGetsKeaText() throws Exception {
        assertThat(exchange(path, "{\"command\": \"foo\"}", true))
                .isEqualTo("{ \"result\": 2, \"text\": \"'foo' command not supported.\" }");
    }

    @Test
    void malformedJsonIsAnsweredAndTheListenerSurvives() throws Exception {
        Answer bad = answer(exchange(path, "{\"command\": \"status-get\",, }", false));
        assertThat(bad.result()).isEqualTo(Answer.ERROR);
        assertThat(bad.text()).startsWith("invalid JSON:");
        Answer notACommand = answer(exchange(path, "[1]", false));
        assertThat(notACommand.text())
                .isEqualTo("Error during command processing: invalid command: expected toplevel entry to be a map, got list instead");
        assertThat(answer(exchange(path, "{\"command\": \"status-get\"}", false)).result()).isZero();
    }

    @Test
    void oversizedRequestIsRefused() throws Exception {
        String pad = "a".repeat(UnixControlSocket.DEFAULT_MAX_REQUEST_BYTES + 1000);
        String request = "{\"command\": \"echo\", \"arguments\": {\"pad\": \"" + pad + "\"}}";
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            // the server stops reading at the limit, so write from another thread and ignore a broken pipe
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
                    while (out.hasRemaining()) ch.write(out);
                } catch (IOException expected) {
                    // server closed after refusing
                }
            });
            Answer a = answer(readAll(ch));
            assertThat(a).isEqualTo(Answer.error("Command exceeds the maximum size of 1048576 bytes"));
            writer.join();
        }
        assertThat(answer(exchange(path, "{\"command\": \"status-get\"}", false)).result()).isZero();
    }

    @Test
    void concurrentClientsEachGetTheirOwnAnswer() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String req = "{\"command\": \"echo\", \"arguments\": {\"id\": " + i + "}}";
                boolean halfClose = i % 2 == 0;
                answers.add(pool.submit(() -> exchange(path, req, halfClose)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo("{ \"arguments\": { \"id\": " + i + " }, \"result\": 0 }");
            }
        }
    }

    @Test
    void socketFileIsOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    @Test
    void closeDeletesTheSocketFile() {
        assertThat(path).exists();
        socket.close();
        assertThat(path).doesNotExist();
        socket.close(); // idempotent
    }

    @Test
    void partialCommandBeforeEofIsReported() throws Exception {
        assertThat(answer(exchange(path, "{\"command\": \"sta", true)).text())
                .isEqualTo("Connection closed before a complete command was received, discarded partial command of 16 bytes");
        assertThat(exchange(path, "  \n", true)).isEmpty();
    }

    @Test
    void slowClientTimesOut() throws Exception {
        Path p2 = dir.resolve("slow");
        try (UnixControlSocket s = new UnixControlSocket(p2, registry, Duration.ofMillis(200), 1024)) {
            s.start();
            // never completes the document and never half-closes: only the server's timer ends this exchange
            assertThat(answer(exchange(p2, "{\"command\"", false)).text())
                    .isEqualTo("Connection over control channel timed out, discarded partial command of 10 bytes");
            assertThat(answer(exchange(p2, "", false)).text()).isEqualTo("Connection over control channel timed out");
        }
    }

    @Test
    void refusesToStealALiveServersSocket() {
        UnixControlSocket second = new UnixControlSocket(path, registry);
        assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasMessageContaining("in use by another running server");
        assertThat(path).exists();
    }

    @Test
    void replacesAStaleSocketFile() throws Exception {
        Path stale = dir.resolve("stale");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale));
        } // closed, but the file stays behind as after a crash
        assertThat(stale).exists();
        try (UnixControlSocket s = new UnixControlSocket(stale, registry)) {
            s.start();
            assertThat(answer(exchange(stale, "{\"command\": \"list-commands\"}", false)).isSuccess()).isTrue();
        }
    }

    @Test
    void refusesToReplaceARegularFile() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-socket"), "data");
        UnixControlSocket s = new UnixControlSocket(file, registry);
        assertThatThrownBy(s::start).isInstanceOf(IOException.class).hasMessageContaining("is not a socket");
        assertThat(Files.readString(file)).isEqualTo("data");
    }

    @Test
    void worksWithSocat() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat not installed");
        Process p = new ProcessBuilder("/usr/bin/socat", "-t", "5", "-", "UNIX-CONNECT:" + path).start();
        try (var in = p.getOutputStream()) {
            in.write("{ \"command\": \"list-commands\" }\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).isEqualTo("{ \"arguments\": [ \"echo\", \"list-commands\", \"status-get\" ], \"result\": 0 }");
    }
}
