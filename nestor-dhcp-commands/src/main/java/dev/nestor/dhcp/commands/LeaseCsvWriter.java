package dev.nestor.dhcp.commands;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;

/**
 * Writes leases as a Kea memfile CSV (kea-leases4.csv / kea-leases6.csv, current schema), the way Kea's
 * {@code Memfile_LeaseMgr::writeLeases4/6} dumps them: to {@code name.tmp<pid>} first, then the previous file (if
 * any) is moved to {@code name.bak<pid>} and the dump renamed into place. The protocol supplies the header and
 * the row format.
 */
public final class LeaseCsvWriter {
    private LeaseCsvWriter() {}

    public static <L> void write(Path file, String header, List<L> leases, Function<L, String> row) throws IOException {
        long pid = ProcessHandle.current().pid();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + pid);
        Files.deleteIfExists(tmp);
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
            w.write(header);
            w.write('\n');
            for (L l : leases) {
                w.write(row.apply(l));
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

    /** Kea's CSV escaping: control bytes, non-ASCII bytes, ',' and '&' become {@code &#xHH}. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte raw : value.getBytes(StandardCharsets.UTF_8)) {
            int b = raw & 0xFF;
            if (b < 0x20 || b > 0x7e || b == ',' || b == '&') out.append(String.format("&#x%02x", b));
            else out.append((char) b);
        }
        return out.toString();
    }
}
