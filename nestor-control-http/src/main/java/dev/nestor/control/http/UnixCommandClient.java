package dev.nestor.control.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.KeaJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends one command to a Kea-style unix control socket and reads the one answer (what the Control Agent does when
 * it forwards a command). The answer is complete when it parses as JSON or the server closes the connection.
 */
public final class UnixCommandClient {
    private final Duration timeout;

    public UnixCommandClient(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        this.timeout = timeout;
    }

    /**
     * @return the parsed answer
     * @throws IOException when the socket cannot be reached, the answer is not JSON, or it does not come in time
     */
    public JsonNode send(Path socket, String request) throws IOException {
        AtomicBoolean timedOut = new AtomicBoolean();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
             ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                     Thread.ofVirtual().name("nestor-unix-client-timer").factory())) {
            // a blocked connect/read has no timeout of its own: closing the channel ends it
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                timedOut.set(true);
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return exchange(ch, socket, request);
            } catch (IOException e) {
                if (timedOut.get()) throw new SocketTimeoutException("no answer from " + socket + " within " + timeout);
                throw e;
            } finally {
                deadline.cancel(false);
                timer.shutdownNow();
            }
        }
    }

    private static JsonNode exchange(SocketChannel ch, Path socket, String request) throws IOException {
        ch.connect(UnixDomainSocketAddress.of(socket));
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) ch.write(out);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (true) {
            buf.clear();
            int n = ch.read(buf);
            if (n < 0) break;
            got.write(buf.array(), 0, n);
            JsonNode done = tryParse(got);
            if (done != null) return done;
        }
        JsonNode done = tryParse(got);
        if (done == null) {
            throw new IOException(got.size() == 0 ? "connection closed without an answer"
                    : "incomplete or invalid answer: " + got.toString(StandardCharsets.UTF_8));
        }
        return done;
    }

    private static JsonNode tryParse(ByteArrayOutputStream got) {
        if (got.size() == 0) return null;
        try {
            JsonNode n = KeaJson.mapper().readTree(got.toByteArray());
            return n == null || n.isMissingNode() ? null : n;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
