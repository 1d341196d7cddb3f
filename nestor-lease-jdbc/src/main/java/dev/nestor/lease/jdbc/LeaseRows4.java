package dev.nestor.lease.jdbc;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStoreException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Kea's {@code lease4} row encoding: address as an unsigned number, {@code expire} = cltt + valid lifetime (cltt
 * alone for an infinite lifetime), hardware type in Nestor's {@code nestor_hwtype} (NULL meaning Ethernet, as Kea
 * assumes), pool id in {@code nestor_pool_id}.
 */
final class LeaseRows4 {
    /** Everything after the address, in the order of {@link #values}. */
    private static final String[] DATA_COLUMNS = {"hwaddr", "client_id", "valid_lifetime", "expire", "subnet_id",
        "fqdn_fwd", "fqdn_rev", "hostname", "state", "user_context", "nestor_hwtype", "nestor_pool_id"};

    final String select;
    final String insert;
    /** The column list of {@link #insert} and one row's placeholders, bound with {@link #key} then {@link #values}. */
    final String columns;
    final String rowValues;
    /** {@code SET ...} assigning every data column from {@link #values}. */
    final String set;
    /** {@code address = ? AND every data column equals}, bound with {@link #key} then {@link #values}. */
    final String match;
    private final LeaseDialect dialect;

    LeaseRows4(LeaseDialect dialect) {
        this.dialect = dialect;
        this.select = "SELECT address, hwaddr, client_id, valid_lifetime, " + dialect.expireColumn()
                + " AS expire_s, subnet_id, fqdn_fwd, fqdn_rev, hostname, state, user_context, nestor_hwtype,"
                + " nestor_pool_id FROM lease4";
        StringBuilder values = new StringBuilder("?");
        StringBuilder setClause = new StringBuilder();
        StringBuilder matchClause = new StringBuilder("address = ?");
        for (String col : DATA_COLUMNS) {
            String param = col.equals("expire") ? dialect.expireParam() : "?";
            values.append(", ").append(param);
            setClause.append(setClause.isEmpty() ? "" : ", ").append(col).append(" = ").append(param);
            matchClause.append(" AND ").append(switch (col) {
                case "hwaddr", "client_id", "nestor_hwtype" -> dialect.nullSafeEquals(col);
                case "hostname", "user_context" -> dialect.exactTextEquals(col);
                case "expire" -> "expire = " + param;
                default -> col + " = ?";
            });
        }
        this.columns = "address, " + String.join(", ", DATA_COLUMNS);
        this.rowValues = values.toString();
        this.insert = dialect.insert("lease4", columns, rowValues);
        this.set = setClause.toString();
        this.match = matchClause.toString();
    }

    static long address(int address) {
        return Integer.toUnsignedLong(address);
    }

    Binder key(Lease4 l) {
        return new Binder().number(address(l.address()));
    }

    /** The data columns of a lease, as Nestor writes them. */
    Binder values(Lease4 l) throws LeaseStoreException {
        HwAddress hw = l.hwAddress();
        // Kea has no hardware type for v4 and assumes Ethernet: write NULL for it so rows match Kea's own
        Integer hwtype = hw == null || hw.htype() == HwAddress.HTYPE_ETHERNET ? null : hw.htype();
        long expire = l.infinite() ? l.cltt() : l.expire();
        return new Binder()
                .bytes(hw == null ? null : hw.bytes())
                .bytes(l.clientId() == null ? null : l.clientId().toArray())
                .number(l.validLifetime())
                .number(dialect.storableExpire(expire))
                .number(l.subnetId())
                .bool(l.fqdnFwd())
                .bool(l.fqdnRev())
                .text(l.hostname())
                .number(l.state().code())
                .text(l.userContext())
                .number(hwtype)
                .number(l.poolId());
    }

    /** Reads a row selected with {@link #select}. */
    static Lease4 map(ResultSet rs) throws SQLException {
        int address = (int) rs.getLong("address");
        byte[] hw = rs.getBytes("hwaddr");
        long htype = rs.getLong("nestor_hwtype");
        if (rs.wasNull()) htype = HwAddress.HTYPE_ETHERNET;
        byte[] clientId = rs.getBytes("client_id");
        long valid = rs.getLong("valid_lifetime") & 0xFFFFFFFFL;
        long expire = rs.getLong("expire_s");
        long cltt = Math.max(0, valid == Lease4.INFINITE_LIFETIME ? expire : expire - valid);
        String userContext = rs.getString("user_context");
        return new Lease4(address, hw == null || hw.length == 0 ? null : new HwAddress((int) htype, hw),
                clientId == null ? null : Bytes.of(clientId), valid, cltt, rs.getLong("subnet_id"),
                rs.getBoolean("fqdn_fwd"), rs.getBoolean("fqdn_rev"), rs.getString("hostname"),
                LeaseState.of(rs.getInt("state")), userContext, rs.getLong("nestor_pool_id"));
    }
}
