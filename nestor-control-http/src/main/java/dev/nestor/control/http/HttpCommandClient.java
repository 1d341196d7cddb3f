package dev.nestor.control.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * POSTs one JSON command to a Kea HTTP(S) control endpoint (a daemon's http control socket or the agent), the
 * way kea-shell does: {@code Content-Type: application/json}, optional basic authentication, optional TLS with a
 * client certificate.
 */
public final class HttpCommandClient implements AutoCloseable {
    /** Status and body of the answer; the body is JSON for every status Kea sends. */
    public record Response(int status, String body, String wwwAuthenticate) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final String authorization;

    /**
     * @param ssl  null for plain HTTP
     * @param user null for no authentication
     */
    public HttpCommandClient(SSLContext ssl, String user, String password, Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout);
        if (ssl != null) b.sslContext(ssl);
        this.client = b.build();
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    }

    public Response post(URI uri, String json) throws IOException {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) r.header("Authorization", authorization);
        try {
            HttpResponse<String> resp = client.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(resp.statusCode(), resp.body(), resp.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
