package dev.nestor.control.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI made with the openssl command: a CA, a server certificate for 127.0.0.1/localhost and a client
 * certificate signed by it, and a second CA with its own client (a certificate the server must not trust).
 */
record TestCerts(Path dir) {
    Path ca() { return dir.resolve("ca.crt"); }
    Path serverCert() { return dir.resolve("server.crt"); }
    Path serverKey() { return dir.resolve("server.key"); }
    Path clientCert() { return dir.resolve("client.crt"); }
    Path clientKey() { return dir.resolve("client.key"); }
    Path rogueCert() { return dir.resolve("rogue.crt"); }
    Path rogueKey() { return dir.resolve("rogue.key"); }

    static TestCerts create(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        ca(dir, "ca");
        ca(dir, "rogue-ca");
        leaf(dir, "server", "ca", "localhost", "server.ext");
        leaf(dir, "client", "ca", "nestor-client", "client.ext");
        leaf(dir, "rogue", "rogue-ca", "rogue-client", "client.ext");
        return new TestCerts(dir);
    }

    private static void ca(Path dir, String name) throws IOException, InterruptedException {
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".crt", "-subj", "/CN=" + name, "-days", "2");
    }

    private static void leaf(Path dir, String name, String ca, String cn, String ext) throws IOException, InterruptedException {
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn);
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key",
                "-CAcreateserial", "-out", name + ".crt", "-days", "2", "-extfile", ext);
    }

    static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add("openssl");
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
    }
}
