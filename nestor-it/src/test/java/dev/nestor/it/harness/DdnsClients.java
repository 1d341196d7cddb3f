package dev.nestor.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * DHCP clients that ask for a DNS name, and the DHCID record (RFC 4701) a DDNS daemon must write for them.
 *
 * <p>The clients are the harness's ISC dhclient ({@link Dhclient}, {@link Dhclient6}) with lines added to their
 * private {@code dhclient.conf} before they first run: {@code send fqdn.fqdn "NAME"; send fqdn.server-update on;}
 * (the client FQDN option, 81 in DHCPv4 and 39 in DHCPv6, with the S flag: "server, please update DNS") or
 * {@code send host-name "NAME";} (option 12, which the server qualifies with {@code ddns-qualifying-suffix}).
 */
public final class DdnsClients {
    private DdnsClients() {}

    /** dhclient (v4) that sends the client FQDN option with {@code fqdn} and the S flag. */
    public static Dhclient dhclientWithFqdn(NetnsLab lab, Host host, String fqdn) {
        Dhclient c = new Dhclient(lab, host);
        append(c.dir.resolve("dhclient.conf"), fqdnLines(fqdn));
        return c;
    }

    /** dhclient (v4) that sends the host-name option (12) with {@code hostname}. */
    public static Dhclient dhclientWithHostname(NetnsLab lab, Host host, String hostname) {
        return new Dhclient(lab, host, hostname);
    }

    /** dhclient -6 (an address only, DUID-LL) that sends the client FQDN option (39) with {@code fqdn} and the S flag. */
    public static Dhclient6 dhclient6WithFqdn(NetnsLab lab, Host host, String fqdn) {
        Dhclient6 c = new Dhclient6(lab, host, false);
        append(c.dir.resolve("dhclient6.conf"), fqdnLines(fqdn));
        return c;
    }

    private static String fqdnLines(String fqdn) {
        if (fqdn.contains("\"")) throw new IllegalArgumentException("bad name " + fqdn);
        return "send fqdn.fqdn \"" + fqdn + "\";\nsend fqdn.server-update on;\n";
    }

    private static void append(Path conf, String text) {
        try {
            Files.writeString(conf, text, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The DHCID RDATA, as {@code dig +short} prints it (base64), for a DHCPv4 client identified by its hardware
     * address (identifier type 0: htype 1 and the MAC), which is what Kea uses when the client sends no client-id.
     */
    public static String dhcidFromMac(String mac, String fqdn) {
        byte[] hw = HexFormat.ofDelimiter(":").parseHex(mac.toLowerCase(Locale.ROOT));
        byte[] id = new byte[hw.length + 1];
        id[0] = 1; // htype: Ethernet
        System.arraycopy(hw, 0, id, 1, hw.length);
        return dhcid(0, id, fqdn);
    }

    /** As {@link #dhcidFromMac}, for a DHCPv6 client (identifier type 2: its DUID, hex with colons). */
    public static String dhcidFromDuid(String duid, String fqdn) {
        return dhcid(2, HexFormat.ofDelimiter(":").parseHex(duid.toLowerCase(Locale.ROOT)), fqdn);
    }

    /** RFC 4701 section 3.3/3.5: identifier type, digest type 1, SHA-256(identifier || canonical wire name). */
    static String dhcid(int identifierType, byte[] identifier, String fqdn) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(identifier);
            sha.update(wireName(fqdn));
            byte[] digest = sha.digest();
            byte[] rdata = new byte[3 + digest.length];
            rdata[0] = (byte) (identifierType >> 8);
            rdata[1] = (byte) identifierType;
            rdata[2] = 1;
            System.arraycopy(digest, 0, rdata, 3, digest.length);
            return Base64.getEncoder().encodeToString(rdata);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A domain name in lower-case DNS wire format (length-prefixed labels, root label last). */
    static byte[] wireName(String fqdn) {
        String name = fqdn.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            byte[] b = label.getBytes(StandardCharsets.US_ASCII);
            out.write(b.length);
            out.writeBytes(b);
        }
        out.write(0);
        return out.toByteArray();
    }
}
