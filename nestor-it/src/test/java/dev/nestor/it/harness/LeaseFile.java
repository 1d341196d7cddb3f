package dev.nestor.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Kea memfile DHCPv4 lease file read the way Kea loads it: columns by the header line (Kea 2.2 has no
 * {@code pool_id} column, later versions add it), later rows for an address replace earlier ones, and a row with
 * {@code valid_lifetime} 0 deletes the lease (that is how Kea's memfile records a removal).
 */
public record LeaseFile(Path path, List<String> header, List<Row> rows) {

    /** One CSV row. {@code state}: 0 default, 1 declined, 2 expired-reclaimed (Kea's numbering). */
    public record Row(String address, String hwaddr, String clientId, long validLifetime, long expire, long subnetId,
                      String hostname, int state, String raw) {
        /** Client last transmission time, as Kea derives it. */
        public long cltt() {
            return expire - validLifetime;
        }

        public boolean isDeletion() {
            return validLifetime == 0;
        }
    }

    public static LeaseFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) return new LeaseFile(path, List.of(), List.of());
        List<String> header = List.of(lines.getFirst().split(",", -1));
        int address = col(header, "address"), hw = col(header, "hwaddr"), cid = col(header, "client_id"),
                valid = col(header, "valid_lifetime"), expire = col(header, "expire"), subnet = col(header, "subnet_id"),
                host = col(header, "hostname"), state = col(header, "state");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1); // Kea escapes commas inside values as &#x2c
            rows.add(new Row(f[address], f[hw], f[cid], Long.parseLong(f[valid]), Long.parseLong(f[expire]),
                    Long.parseLong(f[subnet]), unescape(f[host]), state < f.length && !f[state].isEmpty() ? Integer.parseInt(f[state]) : 0,
                    line));
        }
        return new LeaseFile(path, header, List.copyOf(rows));
    }

    private static int col(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalStateException("lease file header lacks " + name + ": " + header);
        return i;
    }

    private static String unescape(String s) {
        return s.replace("&#x2c", ",");
    }

    /** The lease set Kea would load from this file: last row per address, deletions removed. */
    public Map<String, Row> current() {
        Map<String, Row> m = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.isDeletion()) m.remove(r.address());
            else m.put(r.address(), r);
        }
        return m;
    }

    /** All rows for one address, oldest first. */
    public List<Row> history(String address) {
        return rows.stream().filter(r -> r.address().equals(address)).toList();
    }

    public Optional<Row> last(String address) {
        List<Row> h = history(address);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.getLast());
    }

    /** Current (non-deleted) lease of a hardware address, if any. */
    public Optional<Row> currentFor(String hwaddr) {
        return current().values().stream().filter(r -> r.hwaddr().equalsIgnoreCase(hwaddr)).reduce((a, b) -> b);
    }

    public String dump() {
        try {
            return "---- " + path + "\n" + (Files.exists(path) ? Files.readString(path) : "(missing)") + "----";
        } catch (IOException e) {
            return "(cannot read " + path + ")";
        }
    }
}
