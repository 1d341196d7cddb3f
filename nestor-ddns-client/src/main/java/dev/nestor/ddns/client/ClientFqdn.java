package dev.nestor.ddns.client;

import dev.nestor.common.Bytes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Client FQDN option: DHCPv4 option 81 (RFC 4702) and DHCPv6 option 39 (RFC 4704), as Kea's
 * {@code Option4ClientFqdn} / {@code Option6ClientFqdn} hold it. Names are kept in lower case, as Kea's
 * {@code dns::Name(text, true)} keeps them.
 *
 * @param flags  S (0x01), O (0x02), E (0x04, DHCPv4 only) and N (0x08)
 * @param rcode1 DHCPv4 only: the deprecated RCODE1 field (echoed back as Kea does); 0 for DHCPv6
 * @param rcode2 DHCPv4 only: RCODE2
 * @param name   the domain name as text: "" when absent, without a trailing dot when partial, with one when full
 * @param full   true for a fully qualified name; false for a partial (or absent) one
 */
public record ClientFqdn(int flags, int rcode1, int rcode2, String name, boolean full) {
    public static final int FLAG_S = 0x01;
    public static final int FLAG_O = 0x02;
    public static final int FLAG_E = 0x04;
    public static final int FLAG_N = 0x08;
    private static final int FLAG_MASK = 0x0F;

    public ClientFqdn {
        Objects.requireNonNull(name, "name");
        if ((flags & ~FLAG_MASK) != 0) throw new IllegalArgumentException("invalid Client FQDN flags 0x" + Integer.toHexString(flags));
        if ((rcode1 & ~0xFF) != 0 || (rcode2 & ~0xFF) != 0) throw new IllegalArgumentException("RCODE out of range");
        name = name.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            if (full) throw new IllegalArgumentException("fully qualified domain-name must not be empty");
        } else {
            if (full && !name.endsWith(".")) name = name + ".";
            if (!full && name.endsWith(".")) name = name.substring(0, name.length() - 1);
            checkName(name);
        }
    }

    /** A DHCPv6 option (no RCODE fields). */
    public static ClientFqdn v6(int flags, String name, boolean full) {
        return new ClientFqdn(flags & ~FLAG_E, 0, 0, name, full);
    }

    public boolean s() { return (flags & FLAG_S) != 0; }

    public boolean o() { return (flags & FLAG_O) != 0; }

    public boolean e() { return (flags & FLAG_E) != 0; }

    public boolean n() { return (flags & FLAG_N) != 0; }

    public ClientFqdn withFlags(int f) { return new ClientFqdn(f, rcode1, rcode2, name, full); }

    /** The same flags and RCODEs with another name ("" = none, which is always partial). */
    public ClientFqdn withName(String n, boolean isFull) { return new ClientFqdn(flags, rcode1, rcode2, n, !n.isBlank() && isFull); }

    // ---- DHCPv4, option 81 ----

    /**
     * Parses option 81's payload. With E the name is in DNS wire form (partial when it lacks the root label),
     * without E it is ASCII (full when it ends with a dot).
     *
     * @throws IllegalArgumentException when truncated, when N and S are both set, or for a malformed name
     */
    public static ClientFqdn decodeV4(Bytes payload) {
        byte[] b = payload.toArray();
        if (b.length < 3) throw new IllegalArgumentException("DHCPv4 Client FQDN Option (81) is truncated");
        int flags = b[0] & 0xFF & FLAG_MASK;
        checkNs(flags);
        Parsed p = (flags & FLAG_E) != 0 ? fromWire(b, 3) : fromAscii(b, 3);
        return new ClientFqdn(flags, b[1] & 0xFF, b[2] & 0xFF, p.name, p.full);
    }

    /** Option 81's payload: flags, RCODE1, RCODE2, then the name (wire form when E is set, ASCII otherwise). */
    public Bytes encodeV4() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flags);
        out.write(rcode1);
        out.write(rcode2);
        if (!name.isEmpty()) {
            if (e()) out.writeBytes(toWire());
            else out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        }
        return Bytes.of(out.toByteArray());
    }

    // ---- DHCPv6, option 39 ----

    /** N's bit in option 39 (RFC 4704): v6 has no E flag, so N sits where v4 keeps E. */
    private static final int WIRE6_N = 0x04;

    /** Parses option 39's payload: flags then the name in DNS wire form. */
    public static ClientFqdn decodeV6(Bytes payload) {
        byte[] b = payload.toArray();
        if (b.length < 1) throw new IllegalArgumentException("DHCPv6 Client FQDN Option (39) is truncated");
        int wire = b[0] & 0xFF;
        int flags = (wire & (FLAG_S | FLAG_O)) | ((wire & WIRE6_N) != 0 ? FLAG_N : 0);
        checkNs(flags);
        Parsed p = fromWire(b, 1);
        return v6(flags, p.name, p.full);
    }

    /** Option 39's payload. */
    public Bytes encodeV6() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((flags & (FLAG_S | FLAG_O)) | (n() ? WIRE6_N : 0));
        if (!name.isEmpty()) out.writeBytes(toWire());
        return Bytes.of(out.toByteArray());
    }

    @Override
    public String toString() {
        return "N=" + (n() ? 1 : 0) + " E=" + (e() ? 1 : 0) + " O=" + (o() ? 1 : 0) + " S=" + (s() ? 1 : 0)
                + " name='" + name + "' (" + (full ? "full" : "partial") + ")";
    }

    // ---- names ----

    private record Parsed(String name, boolean full) {}

    private static void checkNs(int flags) {
        if ((flags & (FLAG_N | FLAG_S)) == (FLAG_N | FLAG_S)) {
            throw new IllegalArgumentException("both N and S flag of the Client FQDN Option are set");
        }
    }

    private static Parsed fromWire(byte[] b, int at) {
        if (at >= b.length) return new Parsed("", false);
        List<String> labels = new ArrayList<>();
        boolean full = false;
        int i = at;
        while (i < b.length) {
            int len = b[i] & 0xFF;
            if (len == 0) {
                full = true;
                break;
            }
            if (len > 63) throw new IllegalArgumentException("bad label length " + len + " in Client FQDN name");
            if (i + 1 + len > b.length) throw new IllegalArgumentException("Client FQDN name is truncated");
            labels.add(new String(b, i + 1, len, StandardCharsets.ISO_8859_1));
            i += 1 + len;
        }
        if (labels.isEmpty()) return new Parsed("", false);
        return new Parsed(String.join(".", labels), full);
    }

    private static Parsed fromAscii(byte[] b, int at) {
        int end = b.length;
        while (end > at && b[end - 1] == 0) end--; // some clients NUL-terminate the name
        if (end <= at) return new Parsed("", false);
        String text = new String(b, at, end - at, StandardCharsets.ISO_8859_1).trim();
        if (text.isEmpty()) return new Parsed("", false);
        if (text.equals(".")) throw new IllegalArgumentException("Client FQDN name is the root");
        return new Parsed(text, text.endsWith("."));
    }

    private static void checkName(String name) {
        String body = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        int wire = 1;
        for (String label : body.split("\\.", -1)) {
            if (label.isEmpty()) throw new IllegalArgumentException("empty label in '" + name + "'");
            if (label.length() > 63) throw new IllegalArgumentException("label longer than 63 bytes in '" + name + "'");
            wire += 1 + label.length();
        }
        if (wire > 255) throw new IllegalArgumentException("name longer than 255 bytes: '" + name + "'");
    }

    /** Wire form; a partial name has no terminating root label (RFC 4702 section 2.3.1). */
    private byte[] toWire() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String body = full ? name.substring(0, name.length() - 1) : name;
        for (String label : body.split("\\.")) {
            byte[] l = label.getBytes(StandardCharsets.ISO_8859_1);
            out.write(l.length);
            out.writeBytes(l);
        }
        if (full) out.write(0);
        return out.toByteArray();
    }
}
