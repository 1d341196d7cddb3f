package dev.nestor.control.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS material of a control channel, as Kea names it: {@code trust-anchor} (a CA file, or a directory of CA
 * files) verifies client certificates, {@code cert-file}/{@code key-file} (PEM) identify the server, and with
 * {@code cert-required} (Kea's default: true) a client without a valid certificate is refused.
 */
public record TlsSettings(Path trustAnchor, Path certFile, Path keyFile, boolean certRequired) {
    public TlsSettings {
        Objects.requireNonNull(trustAnchor, "trustAnchor");
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
    }
}
