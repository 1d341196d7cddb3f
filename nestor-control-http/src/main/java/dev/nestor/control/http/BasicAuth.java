package dev.nestor.control.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Kea's basic HTTP authentication ({@code "authentication": {"type": "basic", "realm", "directory", "clients"}}).
 * Credentials are kept as the base64 text of {@code user:password}, compared with what the client sends, as Kea
 * does. With no clients every request is let through (Kea's rule for an empty credential list).
 *
 * @param realm       sent in {@code WWW-Authenticate: Basic realm="..."}
 * @param credentials base64 {@code user:password} → user name
 */
public record BasicAuth(String realm, Map<String, String> credentials) {
    public BasicAuth {
        Objects.requireNonNull(realm, "realm");
        credentials = Map.copyOf(credentials);
    }

    /** {@return the authenticated user, or empty when the header is missing, malformed or unknown} */
    public Optional<String> authenticate(String authorizationHeader) {
        if (credentials.isEmpty()) return Optional.of("");
        if (authorizationHeader == null) return Optional.empty();
        String value = authorizationHeader.strip();
        if (value.length() < 8 || !value.substring(0, 5).equalsIgnoreCase("basic")) return Optional.empty();
        return Optional.ofNullable(credentials.get(value.substring(5).strip()));
    }

    /** The {@code WWW-Authenticate} header value of a 401 answer. */
    public String challenge() {
        return "Basic realm=\"" + realm + "\"";
    }

    /**
     * Parses an {@code authentication} map with Kea's rules and texts: user/password in clear, or user-file /
     * password-file read (first line) from {@code directory}; a password-file alone holds {@code user:password}.
     */
    public static BasicAuth parse(JsonNode auth, String path) throws ControlConfigException {
        if (!auth.isObject()) throw new ControlConfigException(path, "invalid type specified for parameter 'authentication'");
        String type = text(auth, "type", path, "basic");
        if (!type.equals("basic")) throw new ControlConfigException(path + ".type", "unsupported 'type' '" + type + "' not 'basic'");
        String realm = text(auth, "realm", path, "");
        String directory = text(auth, "directory", path, "");
        Map<String, String> creds = new LinkedHashMap<>();
        JsonNode clients = auth.get("clients");
        if (clients == null || clients.isNull()) return new BasicAuth(realm, creds);
        if (!clients.isArray()) throw new ControlConfigException(path + ".clients", "clients must be a list");
        int i = 0;
        for (JsonNode client : clients) {
            String cpath = path + ".clients[" + i++ + "]";
            if (!client.isObject()) throw new ControlConfigException(cpath, "clients items must be maps");
            String[] userPassword = credentials(client, cpath, directory);
            String user = userPassword[0];
            if (user.isEmpty()) throw new ControlConfigException(cpath, "user must not be empty");
            if (user.indexOf(':') >= 0) throw new ControlConfigException(cpath, "user must not contain a ':': '" + user + "'");
            String token = Base64.getEncoder().encodeToString((user + ":" + userPassword[1]).getBytes(StandardCharsets.UTF_8));
            if (creds.putIfAbsent(token, user) != null) {
                throw new ControlConfigException(cpath, "basic HTTP authentication credential already exists for user '" + user + "'");
            }
        }
        return new BasicAuth(realm, creds);
    }

    private static String[] credentials(JsonNode client, String path, String directory) throws ControlConfigException {
        boolean hasUser = client.has("user");
        boolean hasUserFile = client.has("user-file");
        boolean hasPassword = client.has("password");
        boolean hasPasswordFile = client.has("password-file");
        if (hasUser && hasUserFile) throw new ControlConfigException(path, "user and user-file are mutually exclusive");
        if (hasPassword && hasPasswordFile) throw new ControlConfigException(path, "password and password-file are mutually exclusive");
        if (!hasUser && !hasUserFile && !hasPasswordFile) throw new ControlConfigException(path, "user is required in clients items");
        if (!hasUser && !hasUserFile) {
            // a password-file alone holds "user:password"
            String content = fileLine(directory, text(client, "password-file", path, ""), path + ".password-file");
            int colon = content.indexOf(':');
            if (colon < 0) {
                throw new ControlConfigException(path + ".password-file", "can't find the user id part in password-file '"
                        + client.get("password-file").asText() + "'");
            }
            return new String[] {content.substring(0, colon), content.substring(colon + 1)};
        }
        String user = hasUser ? text(client, "user", path, "")
                : fileLine(directory, text(client, "user-file", path, ""), path + ".user-file");
        String password = hasPasswordFile ? fileLine(directory, text(client, "password-file", path, ""), path + ".password-file")
                : text(client, "password", path, "");
        return new String[] {user, password};
    }

    /** Kea's {@code getFileContent}: the file named relative to {@code directory}, first line only. */
    static String fileLine(String directory, String name, String path) throws ControlConfigException {
        Path file = name.startsWith("/") && directory.isEmpty() ? Path.of(name)
                : Path.of(directory.isEmpty() ? "." : directory, name.startsWith("/") ? name.substring(1) : name);
        if (!Files.isRegularFile(file)) throw new ControlConfigException(path, "Expected a file at path '" + file + "'");
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new ControlConfigException(path, "Cannot open '" + file + "': " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode map, String key, String path, String dflt) throws ControlConfigException {
        JsonNode v = map.get(key);
        if (v == null || v.isNull()) return dflt;
        if (!v.isTextual()) throw new ControlConfigException(path + "." + key, key + " must be a string");
        return v.textValue();
    }
}
