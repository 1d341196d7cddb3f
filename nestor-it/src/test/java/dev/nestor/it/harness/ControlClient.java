package dev.nestor.it.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kea's unix control socket: one JSON command per connection, one JSON answer ({@code result}, {@code text},
 * {@code arguments}). Path-based unix sockets are not tied to a network namespace, so the test JVM talks to a
 * server inside the lab directly.
 */
public record ControlClient(Path socket) {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public JsonNode command(String command) {
        return command(command, null);
    }

    public JsonNode command(String command, ObjectNode arguments) {
        ObjectNode req = Json.MAPPER.createObjectNode().put("command", command);
        if (arguments != null) req.set("arguments", arguments);
        return send(req.toString(), TIMEOUT);
    }

    /** Sends raw text, returns the parsed answer; throws if none arrives in {@code timeout}. */
    public JsonNode send(String request, Duration timeout) {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new UncheckedIOException("control socket " + socket, e);
        }
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<JsonNode> answer = exec.submit(() -> exchange(ch, request));
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("no answer on " + socket + " within " + timeout + " to " + request);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException r) throw r;
                throw new IllegalStateException("control socket " + socket + ": " + c, c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                closeQuietly(ch); // also unblocks a reader that is still waiting, so the executor can close
            }
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private JsonNode exchange(SocketChannel ch, String request) throws IOException {
        ch.connect(UnixDomainSocketAddress.of(socket));
        ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (true) {
            buf.clear();
            int n = ch.read(buf);
            if (n < 0) break;
            got.write(buf.array(), 0, n);
            JsonNode complete = tryParse(got.toString(StandardCharsets.UTF_8));
            if (complete != null) return complete; // a server may keep the connection open
        }
        String text = got.toString(StandardCharsets.UTF_8);
        JsonNode parsed = tryParse(text);
        if (parsed == null) throw new IllegalStateException("incomplete answer on " + socket + ": " + text);
        return parsed;
    }

    private static JsonNode tryParse(String text) {
        if (text.isBlank()) return null;
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** True if the server answers any command with JSON (readiness probe). */
    public boolean answers() {
        try {
            return send("{\"command\": \"list-commands\"}", Duration.ofSeconds(2)).has("result");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Latest value of a statistic from {@code statistic-get-all} (Kea: name → [[value, time], ...]), or -1. */
    public long statistic(String name) {
        JsonNode answer = command("statistic-get-all");
        JsonNode samples = answer.path("arguments").path(name);
        if (!samples.isArray() || samples.isEmpty()) return -1;
        return samples.get(0).get(0).asLong();
    }
}
