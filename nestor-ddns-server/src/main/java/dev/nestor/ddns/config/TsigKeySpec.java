package dev.nestor.ddns.config;

import java.util.Objects;

/**
 * One {@code tsig-keys} entry. The secret is either inline ({@code secret}, base64, checked at parse time) or in a
 * file ({@code secret-file}), read when the configuration is prepared for use (like TLS files of control sockets),
 * so a parse never touches the file system.
 *
 * @param name       the key's DNS name as configured (also the statistics' {@code key[name.]} label)
 * @param digestBits 0 = full-length MAC; otherwise the truncation Kea would use (we send the full MAC, which
 *                   servers accept for any truncation they allow)
 * @param secret     base64 secret, null when {@code secretFile} is set
 * @param secretFile path of a file holding the base64 secret, null when {@code secret} is set
 * @param path       JSON path of the entry, for errors found later
 */
public record TsigKeySpec(String name, TsigAlgorithm algorithm, int digestBits, String secret, String secretFile,
                          String path) {
    public TsigKeySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algorithm, "algorithm");
        if ((secret == null) == (secretFile == null)) throw new IllegalArgumentException("exactly one of secret and secret-file");
        path = path == null ? "" : path;
    }

    /** The name as a DNS name in text, absolute (what Kea's statistics print). */
    public String dnsName() {
        return name.endsWith(".") ? name : name + ".";
    }
}
