package dev.nestor.control.unix;

import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kea's UNIX control channel ({@code "control-socket": {"socket-type": "unix", "socket-name": ...}}): each
 * connection carries one JSON command and gets one answer, then the server closes it.
 *
 * <ul>
 *   <li>The request is read until it forms a complete JSON document (it may arrive in pieces) or the peer shuts
 *       down its side. Malformed JSON, a request over {@code maxRequestBytes}, or no complete document within
 *       {@code timeout} is answered with {@code {"result": 1, "text": ...}}; the listener always keeps running.</li>
 *   <li>Each connection runs on its own virtual thread, so handlers run concurrently and must be thread-safe.</li>
 *   <li>The socket file is made 0600 right after bind. A leftover file from a dead server is removed; if a live
 *       server answers on it, {@link #start()} fails instead.</li>
 * </ul>
 */
public final class UnixControlSocket implements AutoCloseable {
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    /** Kea's TIMEOUT_DHCP_SERVER_RECEIVE_COMMAND. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger("dev.nestor.commands");
    private static final int CHUNK = 32 * 1024;
    // connects beyond the backlog fail with EAGAIN on UNIX sockets instead of waiting, so leave room for bursts
    private static final int BACKLOG = 256;

    private final Path path;
    private final CommandRegistry registry;
    private final Duration timeout;
    private final int maxRequestBytes;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private ServerSocketChannel server;
    private ScheduledThreadPoolExecutor timer;
    private Thread acceptor;

    public UnixControlSocket(Path socketPath, CommandRegistry registry) {
        this(socketPath, registry, DEFAULT_TIMEOUT, DEFAULT_MAX_REQUEST_BYTES);
    }

    public UnixControlSocket(Path socketPath, CommandRegistry registry, Duration timeout, int maxRequestBytes) {
        this.path = Objects.requireNonNull(socketPath, "socketPath").toAbsolutePath();
        this.registry = Objects.requireNonNull(registry, "registry");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (maxRequestBytes < 1) throw new IllegalArgumentException("maxRequestBytes must be positive");
        this.maxRequestBytes = maxRequestBytes;
    }

    public Path path() {
        return path;
    }

    /**
     * Binds the socket and starts accepting.
     * @throws IOException if the path is taken by a live server or by something that is not a socket, or bind fails
     */
    public synchronized void start() throws IOException {
        if (server != null || closed.get()) throw new IllegalStateException("already started or closed");
        removeStaleSocket();
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), BACKLOG);
            // connecting needs write permission on the file: 0600 leaves the channel to the server's user
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(path);
            throw e;
        }
        server = ch;
        timer = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon().name("nestor-ctrl-timer").unstarted(r));
        timer.setRemoveOnCancelPolicy(true);
        acceptor = Thread.ofVirtual().name("nestor-ctrl-accept").start(this::acceptLoop);
        LOG.info("COMMAND_ACCEPTOR_START Starting to accept connections via unix domain socket bound to {}", path);
    }

    /** Stops accepting, drops open connections and deletes the socket file. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        ServerSocketChannel ch;
        synchronized (this) {
            ch = server;
        }
        if (ch == null) return;
        closeQuietly(ch);
        connections.forEach(UnixControlSocket::closeQuietly);
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("COMMAND_SOCKET_REMOVE_FAIL cannot remove control socket {}: {}", path, e.getMessage());
        }
    }

    private void removeStaleSocket() throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (!attrs.isOther()) {
            throw new IOException("control socket path " + path + " exists and is not a socket; refusing to replace it");
        }
        try {
            SocketChannel.open(UnixDomainSocketAddress.of(path)).close();
        } catch (ConnectException refused) {
            LOG.info("COMMAND_SOCKET_STALE removing stale control socket {}", path);
            Files.delete(path);
            return;
        }
        throw new IOException("control socket " + path + " is in use by another running server");
    }

    private void acceptLoop() {
        long id = 0;
        while (!closed.get()) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.error("COMMAND_SOCKET_ACCEPT_FAIL failed to accept a control connection: {}", e.getMessage());
                pause(); // e.g. out of file descriptors: do not spin
                continue;
            }
            connections.add(ch);
            if (closed.get()) { // raced with close(): do not serve
                connections.remove(ch);
                closeQuietly(ch);
                return;
            }
            Thread.ofVirtual().name("nestor-ctrl-conn-" + ++id).start(() -> serve(ch));
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            Answer answer = readAndProcess(ch);
            if (answer != null) send(ch, answer);
        } catch (IOException e) {
            if (!closed.get()) LOG.debug("COMMAND_SOCKET_READ_FAIL control connection failed: {}", e.toString());
        } finally {
            connections.remove(ch);
        }
    }

    /** {@return the answer to send, or null to close without one (the peer sent nothing)} */
    private Answer readAndProcess(SocketChannel ch) throws IOException {
        RequestReader reader = new RequestReader(KeaJson.mapper(), maxRequestBytes);
        AtomicBoolean timedOut = new AtomicBoolean();
        // A blocked read cannot time out by itself; the timer shuts our input side down, which ends the read as EOF.
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            timedOut.set(true);
            try {
                ch.shutdownInput();
            } catch (IOException ignored) {
                // connection already gone
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        RequestReader.State state;
        try {
            state = readRequest(ch, reader);
        } finally {
            deadline.cancel(false);
        }
        if (timedOut.get() && !(state instanceof RequestReader.State.Complete)) {
            LOG.info("COMMAND_SOCKET_CONNECTION_TIMEOUT timeout occurred for control connection");
            String text = "Connection over control channel timed out";
            if (reader.received() > 0) text += ", discarded partial command of " + reader.received() + " bytes";
            return Answer.error(text);
        }
        return switch (state) {
            case RequestReader.State.Complete(var document) -> registry.process(document);
            case RequestReader.State.Malformed(String message) -> {
                LOG.warn("COMMAND_PROCESS_ERROR1 Error while processing command: {}", message);
                yield Answer.error(message);
            }
            case RequestReader.State.TooLarge(int limit) -> {
                LOG.warn("COMMAND_SOCKET_REQUEST_TOO_LARGE control command exceeds {} bytes", limit);
                yield Answer.error("Command exceeds the maximum size of " + limit + " bytes");
            }
            case RequestReader.State.Incomplete(int bytes) -> bytes == 0 ? null
                    : Answer.error("Connection closed before a complete command was received, discarded partial command of "
                            + bytes + " bytes");
            case RequestReader.State.NeedMore() -> throw new IllegalStateException("reader stopped while needing input");
        };
    }

    private static RequestReader.State readRequest(SocketChannel ch, RequestReader reader) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        while (true) {
            buf.clear();
            int n = ch.read(buf);
            if (n < 0) return reader.endOfInput();
            RequestReader.State s = reader.feed(buf.array(), 0, n);
            if (!(s instanceof RequestReader.State.NeedMore)) return s;
        }
    }

    private void send(SocketChannel ch, Answer answer) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(answer.toJson().getBytes(StandardCharsets.UTF_8));
        // a client that never reads must not hold the connection forever
        ScheduledFuture<?> deadline = timer.schedule(() -> closeQuietly(ch), timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            while (out.hasRemaining()) ch.write(out);
            ch.shutdownOutput();
        } finally {
            deadline.cancel(false);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
