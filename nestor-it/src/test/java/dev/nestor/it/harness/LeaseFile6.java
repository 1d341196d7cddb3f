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

/**
 * A Kea memfile DHCPv6 lease file read the way Kea loads it: columns by the header line, later rows for an
 * (address, type) replace earlier ones, and a row with {@code valid_lifetime} 0 deletes the lease.
 */
public record LeaseFile6(Path path, List<String> header, List<Row> rows) {
    /** Kea's v6 columns, in order. */
    public static final String HEADER = "address,duid,valid_lifetime,expire,subnet_id,pref_lifetime,lease_type,iaid,"
            + "prefix_len,fqdn_fwd,fqdn_rev,hostname,hwaddr,state,user_context,hwtype,hwaddr_source,pool_id";

    /** One CSV row; {@code leaseType} 0 = IA_NA, 2 = IA_PD. */
    public record Row(String address, String duid, long validLifetime, long expire, long subnetId, long preferredLifetime,
                      int leaseType, long iaid, int prefixLength, String hwaddr, int state, String raw) {
        public boolean isDeletion() {
            return validLifetime == 0;
        }

        public String key() {
            return leaseType + "/" + address;
        }
    }

    public static LeaseFile6 read(Path path) {
        List<String> lines;
        try {
            lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) return new LeaseFile6(path, List.of(), List.of());
        List<String> header = List.of(lines.getFirst().split(",", -1));
        int address = header.indexOf("address"), duid = header.indexOf("duid"), valid = header.indexOf("valid_lifetime"),
                expire = header.indexOf("expire"), subnet = header.indexOf("subnet_id"), pref = header.indexOf("pref_lifetime"),
                type = header.indexOf("lease_type"), iaid = header.indexOf("iaid"), len = header.indexOf("prefix_len"),
                hw = header.indexOf("hwaddr"), state = header.indexOf("state");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] f = line.split(",", -1);
            rows.add(new Row(f[address], f[duid], Long.parseLong(f[valid]), Long.parseLong(f[expire]), Long.parseLong(f[subnet]),
                    Long.parseLong(f[pref]), Integer.parseInt(f[type]), Long.parseLong(f[iaid]), Integer.parseInt(f[len]),
                    f[hw], f[state].isEmpty() ? 0 : Integer.parseInt(f[state]), line));
        }
        return new LeaseFile6(path, header, List.copyOf(rows));
    }

    /** The lease set Kea would load from this file: last row per (type, address), deletions removed. */
    public Map<String, Row> current() {
        Map<String, Row> m = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.isDeletion()) m.remove(r.key());
            else m.put(r.key(), r);
        }
        return m;
    }

    /** Current leases of one client DUID (as written in the file: colon-separated hex). */
    public List<Row> currentFor(String duid) {
        return current().values().stream().filter(r -> r.duid().equalsIgnoreCase(duid)).toList();
    }

    /** All rows for one address, oldest first. */
    public List<Row> history(String address) {
        return rows.stream().filter(r -> r.address().equals(address)).toList();
    }

    public String dump() {
        try {
            return "---- " + path + "\n" + (Files.exists(path) ? Files.readString(path) : "(missing)") + "----";
        } catch (IOException e) {
            return "(cannot read " + path + ")";
        }
    }
}
