package dev.nestor.dhcp4.command;

import dev.nestor.common.net.Ipv4;
import dev.nestor.lease.Lease4;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes leases as a Kea memfile CSV (kea-leases4.csv, current schema), the way Kea's
 * {@code Memfile_LeaseMgr::writeLeases4} dumps them: to {@code name.tmp<pid>} first, then the previous file (if
 * any) is moved to {@code name.bak<pid>} and the dump renamed into place.
 */
final class LeaseCsvWriter4 {
    static final String HEADER = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,"
            + "hostname,state,user_context,pool_id";

    private LeaseCsvWriter4() {}

    static void write(Path file, List<Lease4> leases) throws IOException {
        long pid = ProcessHandle.current().pid();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + pid);
        Files.deleteIfExists(tmp);
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write(HEADER);
            w.write('\n');
            for (Lease4 l : leases) {
                w.write(row(l));
                w.write('\n');
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (Files.exists(file)) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".bak" + pid), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    static String row(Lease4 l) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(Ipv4.toString(l.address())).append(',');
        if (l.hwAddress() != null) sb.append(l.hwAddress());
        sb.append(',');
        if (l.clientId() != null) sb.append(l.clientId().toHexColon());
        sb.append(',').append(l.validLifetime());
        sb.append(',').append(l.expire());
        sb.append(',').append(l.subnetId());
        sb.append(',').append(l.fqdnFwd() ? '1' : '0');
        sb.append(',').append(l.fqdnRev() ? '1' : '0');
        sb.append(',').append(escape(l.hostname()));
        sb.append(',').append(l.state().code());
        sb.append(',');
        if (l.userContext() != null) sb.append(escape(l.userContext()));
        sb.append(',').append(l.poolId());
        return sb.toString();
    }

    /** Kea's CSV escaping: control bytes, non-ASCII bytes, ',' and '&' become {@code &#xHH}. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte raw : value.getBytes(StandardCharsets.UTF_8)) {
            int b = raw & 0xFF;
            if (b < 0x20 || b > 0x7e || b == ',' || b == '&') out.append(String.format("&#x%02x", b));
            else out.append((char) b);
        }
        return out.toString();
    }
}
