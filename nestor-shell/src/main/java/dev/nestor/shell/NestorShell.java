package dev.nestor.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nestor.control.KeaJson;
import dev.nestor.control.http.HttpCommandClient;
import dev.nestor.control.http.PemTls;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;

/**
 * nestor-shell: kea-shell's command line in Java. Sends one command to a Control Agent or a daemon's HTTP(S)
 * control socket and prints the answer as received. Arguments come from standard input, as with kea-shell: either
 * the inside of the arguments map ({@code "remove": true}), which kea-shell wraps in braces, or a whole JSON map.
 * Exit status 0 when an answer arrived (whatever its result), 1 otherwise, as kea-shell.
 */
@Command(name = "nestor-shell", sortOptions = false,
        description = "Sends a command to a Kea/Nestor control agent or HTTP control socket (kea-shell compatible).")
public final class NestorShell implements Callable<Integer> {
    static final String VERSION = "0.1.0";
    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized", 403, "Forbidden",
            404, "Not Found", 405, "Method Not Allowed", 413, "Request Entity Too Large", 500, "Internal Server Error",
            503, "Service Unavailable");

    @Option(names = "--host", description = "hostname of the CA to connect to (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";
    @Option(names = "--port", description = "TCP port of the CA to connect to (default: ${DEFAULT-VALUE})")
    int port = 8000;
    @Option(names = "--path", description = "Path of the URL to connect to (default: \"\")")
    String path = "";
    @Option(names = "--ca", description = "File or directory name of the CA (default: \"\" i.e. do not use HTTPS)")
    String ca = "";
    @Option(names = "--cert", description = "File name of the client certificate (default: \"\")")
    String cert = "";
    @Option(names = "--key", description = "File name of the client private key (default: \"\")")
    String key = "";
    @Option(names = "--timeout", description = "Timeout (in seconds) when attempting to connect to CA (default: ${DEFAULT-VALUE})")
    int timeout = 10;
    @Option(names = "--service", arity = "0..1", description = "target specified service; repeat for several")
    List<String> services = new ArrayList<>();
    @Option(names = "--auth-user", description = "Basic HTTP authentication user")
    String authUser = "";
    @Option(names = "--auth-password", description = "Basic HTTP authentication password")
    String authPassword = "";
    @Option(names = "-v", description = "Prints version")
    boolean version;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;
    @Parameters(index = "0", arity = "0..1", defaultValue = "list-commands",
            description = "command to be executed. If not specified, \"list-commands\" is used")
    String command;

    private final InputStream stdin;
    private final PrintStream out;

    public NestorShell(InputStream stdin, PrintStream out) {
        this.stdin = stdin;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the shell with explicit streams; {@return the exit status} */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new NestorShell(in, out));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        if (version) {
            out.println(VERSION);
            return 0;
        }
        if (cert.isEmpty() != key.isEmpty()) {
            out.println("--cert and --key must be used together");
            return 1;
        }
        if (!cert.isEmpty() && ca.isEmpty()) {
            out.println("--cert and --key with HTTPS disabled (no --ca)");
            return 1;
        }
        String body;
        try {
            body = request(readStdin());
        } catch (IOException e) {
            out.println("Failed to run: cannot build the command: " + e.getMessage());
            return 1;
        }
        SSLContext ssl = null;
        if (!ca.isEmpty()) {
            try {
                ssl = PemTls.clientContext(Path.of(ca), cert.isEmpty() ? null : Path.of(cert), key.isEmpty() ? null : Path.of(key));
            } catch (GeneralSecurityException | IOException e) {
                out.println("Failed to run: " + e.getMessage());
                return 1;
            }
        }
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        URI uri = URI.create((ssl != null ? "https" : "http") + "://" + h + ":" + port + "/" + path);
        try (HttpCommandClient client = new HttpCommandClient(ssl, authUser.isEmpty() ? null : authUser, authPassword,
                Duration.ofSeconds(Math.max(1, timeout)))) {
            HttpCommandClient.Response r = client.post(uri, body);
            if (r.status() / 100 != 2) {
                out.println("Failed to run: HTTP Error " + r.status() + ": " + REASONS.getOrDefault(r.status(), "Error"));
                return 1;
            }
            out.println(r.body());
            return 0;
        } catch (HttpTimeoutException e) {
            out.println("Connection timeout");
            return 1;
        } catch (IOException e) {
            out.println("Failed to run: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private String readStdin() throws IOException {
        var console = System.console();
        if (stdin == System.in && console != null && console.isTerminal()) return "";
        return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The command document: command, service list (empty entries dropped, as kea-shell) and arguments. */
    String request(String args) throws IOException {
        ObjectNode req = KeaJson.object();
        req.put("command", command);
        List<String> named = services.stream().filter(s -> s != null && !s.isEmpty()).toList();
        if (!named.isEmpty()) {
            ArrayNode list = req.putArray("service");
            named.forEach(list::add);
        }
        String text = args.strip();
        if (!text.isEmpty()) {
            String json = text.startsWith("{") ? text : "{ " + text + " }";
            try {
                JsonNode parsed = KeaJson.parse(json);
                if (!parsed.isObject()) throw new IOException("arguments must be a JSON map");
                req.set("arguments", parsed);
            } catch (JsonProcessingException e) {
                throw new IOException("arguments read from standard input are not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        return KeaJson.write(req);
    }
}
