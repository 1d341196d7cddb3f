package dev.nestor.admin;

import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes leases as Kea's memfile lease files (current schema: v4 with {@code pool_id}, v6 with {@code hwtype},
 * {@code hwaddr_source} and {@code pool_id}), one row at a time, so a dump of any size streams. A file written
 * here loads in kea-dhcp4/6 and in Nestor's memfile store unchanged.
 */
final class KeaCsvWriter implements AutoCloseable {
    static final String HEADER4 = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,"
            + "hostname,state,user_context,pool_id";
    static final String HEADER6 = "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,"
            + "prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source,pool_id";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final BufferedWriter out;

    private KeaCsvWriter(Writer out, String header) throws IOException {
        this.out = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
        this.out.write(header);
        this.out.write('\n');
    }

    static KeaCsvWriter v4(Writer out) throws IOException {
        return new KeaCsvWriter(out, HEADER4);
    }

    static KeaCsvWriter v6(Writer out) throws IOException {
        return new KeaCsvWriter(out, HEADER6);
    }

    void write(Lease4 l) throws IOException {
        StringBuilder sb = new StringBuilder(128);
        sb.append(Ipv4.toString(l.address())).append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress());
        sb.append(',');
        if (l.clientId() != null) sb.append(l.clientId().toHexColon());
        sb.append(',').append(l.validLifetime()).append(',').append(l.expire()).append(',').append(l.subnetId());
        sb.append(',').append(l.fqdnFwd() ? '1' : '0').append(',').append(l.fqdnRev() ? '1' : '0');
        sb.append(',').append(escape(l.hostname())).append(',').append(l.state().code()).append(',');
        if (l.userContext() != null) sb.append(escape(l.userContext()));
        sb.append(',').append(l.poolId()).append('\n');
        out.write(sb.toString());
    }

    void write(Lease6 l) throws IOException {
        StringBuilder sb = new StringBuilder(160);
        sb.append(l.addressText()).append(',').append(l.duid().toHexColon());
        sb.append(',').append(l.validLifetime()).append(',').append(l.expire()).append(',').append(l.subnetId());
        sb.append(',').append(l.preferredLifetime()).append(',').append(l.type().code()).append(',').append(l.iaid());
        sb.append(',').append(l.prefixLength());
        sb.append(',').append(l.fqdnFwd() ? '1' : '0').append(',').append(l.fqdnRev() ? '1' : '0');
        sb.append(',').append(escape(l.hostname())).append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress());
        sb.append(',').append(l.state().code()).append(',');
        if (l.userContext() != null) sb.append(escape(l.userContext()));
        sb.append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress().htype()).append(",0");
        else sb.append(',');
        sb.append(',').append(l.poolId()).append('\n');
        out.write(sb.toString());
    }

    /**
     * Kea's CSV escaping of text columns: the separator, '&amp;', control bytes and bytes above 0x7e (UTF-8
     * sequences byte by byte) become {@code &#xHH}, so every row is plain ASCII without stray commas.
     */
    static String escape(String value) {
        if (value == null || value.isEmpty()) return "";
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte raw : bytes) {
            int b = raw & 0xFF;
            if (b < 0x20 || b > 0x7e || b == ',' || b == '&') sb.append("&#x").append(HEX[b >>> 4]).append(HEX[b & 0xF]);
            else sb.append((char) b);
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
