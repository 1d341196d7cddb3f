package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * CLIENT_FQDN (39, RFC 4704): flags (N, O, S) and a domain name in DNS wire format without compression. A name
 * whose wire form ends with the root label is fully qualified and its text ends with a dot
 * ({@code "host.example.org."}); without the root label it is partial ({@code "host"}); an empty name is allowed.
 * Labels are mapped byte-per-char (ISO-8859-1) so any wire name round-trips exactly.
 */
public record ClientFqdn(int flags, String domainName) implements Option6Value {
    public static final int CODE = OptionCodes6.CLIENT_FQDN;
    /** S: the server should perform the AAAA update. */
    public static final int FLAG_S = 0x01;
    /** O: the server overrode the client's S preference (server to client only). */
    public static final int FLAG_O = 0x02;
    /** N: the server should perform no DNS update. */
    public static final int FLAG_N = 0x04;

    public ClientFqdn {
        Wire6.u8("flags", flags);
        Objects.requireNonNull(domainName, "domainName");
        validate(domainName);
    }

    /** True when the name ends with the root label (text ends with '.'). */
    public boolean fullyQualified() { return domainName.endsWith("."); }

    public boolean flag(int mask) { return (flags & mask) != 0; }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        WireWriter w = new WireWriter(domainName.length() + 3);
        w.u8(flags);
        String body = fullyQualified() ? domainName.substring(0, domainName.length() - 1) : domainName;
        if (!body.isEmpty()) for (String label : body.split("\\.", -1)) {
            byte[] b = label.getBytes(StandardCharsets.ISO_8859_1);
            w.u8(b.length).bytes(b);
        }
        if (fullyQualified()) w.u8(0);
        return Bytes.of(w.toByteArray());
    }

    public static ClientFqdn decode(Bytes payload) throws WireFormatException {
        WireReader r = Wire6.reader(payload);
        Wire6.need(r, 1, "CLIENT_FQDN");
        int flags = r.u8();
        StringBuilder sb = new StringBuilder();
        boolean root = false;
        while (r.hasRemaining()) {
            int at = r.position();
            int n = r.u8();
            if (n == 0) {
                if (r.hasRemaining()) throw new WireFormatException("CLIENT_FQDN has data after the root label", r.position());
                root = true;
                break;
            }
            if (n > 63) throw new WireFormatException("CLIENT_FQDN label length " + n + " over 63 (compression is not allowed)", at);
            if (n > r.remaining()) throw new WireFormatException("CLIENT_FQDN label length " + n + " overruns the option", at);
            if (!sb.isEmpty()) sb.append('.');
            String label = new String(r.bytes(n), StandardCharsets.ISO_8859_1);
            if (label.indexOf('.') >= 0) throw new WireFormatException("CLIENT_FQDN label contains a dot", at + 1);
            sb.append(label);
        }
        if (payload.length() - 1 > 255) throw new WireFormatException("CLIENT_FQDN domain name longer than 255 bytes", 1);
        if (root) sb.append('.');
        return new ClientFqdn(flags, sb.toString());
    }

    private static void validate(String name) {
        if (name.isEmpty() || name.equals(".")) return;
        String body = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        int wire = 0;
        for (String label : body.split("\\.", -1)) {
            int n = label.getBytes(StandardCharsets.ISO_8859_1).length;
            if (n == 0) throw new IllegalArgumentException("domain name '" + name + "' has an empty label");
            if (n > 63) throw new IllegalArgumentException("domain name '" + name + "' has a label longer than 63 bytes");
            wire += n + 1;
        }
        if (wire + 1 > 255) throw new IllegalArgumentException("domain name '" + name + "' is longer than 255 bytes");
    }
}
