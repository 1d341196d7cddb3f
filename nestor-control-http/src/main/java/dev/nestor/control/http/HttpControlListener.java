package dev.nestor.control.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.nestor.control.KeaJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kea's HTTP(S) control channel on the JDK's {@code com.sun.net.httpserver}: {@code POST /} with one JSON command,
 * answered {@code 200} with the processor's JSON (a list of answers). Each request runs on its own virtual thread.
 *
 * <ul>
 *   <li>Basic authentication first, as Kea: without valid credentials {@code 401} with
 *       {@code WWW-Authenticate: Basic realm="..."} and Kea's body {@code { "result": 401, "text": "Unauthorized" }}.</li>
 *   <li>Only {@code POST} on {@code /} ({@code 405} / {@code 404} otherwise). A body over {@code maxBodyBytes}
 *       gets {@code 413}, malformed JSON {@code 400}; both with {@code "result": 1} and a clear text.</li>
 *   <li>TLS from PEM files; with {@code cert-required} a client without a certificate from the trust anchor
 *       fails the handshake, without it a certificate is asked for but optional.</li>
 *   <li>{@code http-headers} are added to every response.</li>
 * </ul>
 */
public final class HttpControlListener implements ControlListener {
    /** Kea's HTTP request size limit is not configurable; commands with a whole config fit in this. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 << 20;
    private static final Logger LOG = LoggerFactory.getLogger("dev.nestor.commands");
    private static final int GRACE_SECONDS = 2;

    private final HttpControlConfig config;
    private final CommandProcessor processor;
    private final int maxBodyBytes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private HttpServer server;
    private ExecutorService executor;

    public HttpControlListener(HttpControlConfig config, CommandProcessor processor) {
        this(config, processor, DEFAULT_MAX_BODY_BYTES);
    }

    public HttpControlListener(HttpControlConfig config, CommandProcessor processor, int maxBodyBytes) {
        this.config = Objects.requireNonNull(config, "config");
        this.processor = Objects.requireNonNull(processor, "processor");
        if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes must be positive");
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Loads the TLS material now, so a config with unusable files is refused before anything is swapped. */
    public static Optional<SSLContext> checkTls(HttpControlConfig config) throws ControlConfigException {
        if (config.tls() == null) return Optional.empty();
        try {
            return Optional.of(PemTls.serverContext(config.tls()));
        } catch (GeneralSecurityException | IOException e) {
            throw new ControlConfigException(config.path(), "TLS setup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void start() throws IOException {
        if (server != null || closed.get()) throw new IllegalStateException("already started or closed");
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(config.address()), config.port());
        HttpServer s;
        if (config.tls() != null) {
            SSLContext ctx;
            try {
                ctx = checkTls(config).orElseThrow();
            } catch (ControlConfigException e) {
                throw new IOException(e.toString(), e);
            }
            HttpsServer https = HttpsServer.create(bind, 64);
            boolean required = config.tls().certRequired();
            https.setHttpsConfigurator(new HttpsConfigurator(ctx) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = getSSLContext().getDefaultSSLParameters();
                    if (required) p.setNeedClientAuth(true);
                    else p.setWantClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            s = https;
        } else {
            s = HttpServer.create(bind, 64);
        }
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("nestor-http-ctrl-", 0).factory());
        s.setExecutor(executor);
        s.createContext("/", this::handle);
        s.start();
        server = s;
        LOG.info("COMMAND_HTTP_LISTENER_STARTED Command HTTP{} listener started on {}", config.tls() != null ? "S" : "", describe());
    }

    /** {@return the bound port (useful when the config asked for port 0)} */
    public synchronized int port() {
        return server == null ? config.port() : server.getAddress().getPort();
    }

    @Override
    public String describe() {
        String host = config.address().contains(":") ? "[" + config.address() + "]" : config.address();
        return (config.tls() != null ? "https" : "http") + "://" + host + ":" + port() + "/";
    }

    public HttpControlConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        HttpServer s;
        synchronized (this) {
            s = server;
        }
        if (s == null) return;
        s.stop(GRACE_SECONDS); // waits for exchanges in progress (e.g. the config-set that closes us) to finish
        executor.close();
        LOG.info("COMMAND_HTTP_LISTENER_STOPPED Command HTTP listener on {} stopped", describe());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            config.headers().forEach(h -> ex.getResponseHeaders().add(h.name(), h.value()));
            String path = ex.getRequestURI().getPath();
            if (path != null && !path.isEmpty() && !path.equals("/")) {
                drain(ex);
                respond(ex, 404, generic(404, "Not Found"));
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                drain(ex);
                ex.getResponseHeaders().set("Allow", "POST");
                respond(ex, 405, generic(405, "Method Not Allowed"));
                return;
            }
            if (config.auth() != null) {
                Optional<String> user = config.auth().authenticate(ex.getRequestHeaders().getFirst("Authorization"));
                if (user.isEmpty()) {
                    LOG.info("HTTP_CLIENT_REQUEST_NOT_AUTHORIZED HTTP request from {} not authorized", ex.getRemoteAddress());
                    drain(ex);
                    ex.getResponseHeaders().set("WWW-Authenticate", config.auth().challenge());
                    respond(ex, 401, generic(401, "Unauthorized"));
                    return;
                }
            }
            byte[] body = readBody(ex);
            if (body == null) {
                respond(ex, 413, generic(1, "Command exceeds the maximum size of " + maxBodyBytes + " bytes"));
                return;
            }
            JsonNode request;
            try {
                request = KeaJson.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                respond(ex, 400, generic(1, "invalid JSON: " + e.getOriginalMessage()));
                return;
            }
            if (request == null || request.isMissingNode()) {
                respond(ex, 400, generic(1, "invalid command: no command specified"));
                return;
            }
            String remote = ex.getRemoteAddress() == null ? null : ex.getRemoteAddress().getAddress().getHostAddress();
            JsonNode answer = processor.process(request, remote);
            respond(ex, 200, answer);
        } catch (IOException | RuntimeException e) {
            LOG.debug("COMMAND_HTTP_REQUEST_FAILED HTTP control request failed: {}", e.toString());
            throw e;
        }
    }

    /** The body, or null when it is larger than the limit (the rest is not read). */
    private byte[] readBody(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > maxBodyBytes) return null;
            } catch (NumberFormatException ignored) {
                // the server rejects bad lengths itself; read what comes
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] data = in.readNBytes(maxBodyBytes + 1);
            return data.length > maxBodyBytes ? null : data;
        }
    }

    private static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.skip(1 << 20);
        }
    }

    /** Kea's generic error body, {@code { "result": code, "text": "..." }}. */
    private static JsonNode generic(int result, String text) {
        ObjectNode o = KeaJson.object();
        o.put("result", result);
        o.put("text", text);
        return o;
    }

    private static void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = KeaJson.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
