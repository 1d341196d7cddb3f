package dev.nestor.lease.jdbc;

import dev.nestor.common.Bytes;
import dev.nestor.lease.host.Host;
import dev.nestor.lease.host.HostIdentifierType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Decodes a {@code hosts} row (columns in {@link JdbcHostStore}'s order) in Kea's encodings. */
final class HostRows {
    private HostRows() {}

    /** The host of the current row, without options and IPv6 reservations. */
    static Host host(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Bytes identifier = Bytes.of(rs.getBytes(2));
        HostIdentifierType type = HostIdentifierType.ofCode(rs.getInt(3));
        Long subnet4 = nullableLong(rs, 4);
        Long subnet6 = nullableLong(rs, 5);
        Long address = nullableLong(rs, 6);
        Long nextServer = nullableLong(rs, 10);
        return new Host(id, type, identifier, subnet4, subnet6, address == null || address == 0 ? null : (int) (long) address,
                rs.getString(7), classes(rs.getString(8)), classes(rs.getString(9)),
                nextServer == null || nextServer == 0 ? null : (int) (long) nextServer, rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14), List.of(), List.of(), List.of());
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Kea's comma-separated class list (it writes "a,b"; spaces around names are dropped). */
    static List<String> classes(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        for (String c : text.split(",")) {
            String name = c.strip();
            if (!name.isEmpty()) out.add(name);
        }
        return out;
    }
}
