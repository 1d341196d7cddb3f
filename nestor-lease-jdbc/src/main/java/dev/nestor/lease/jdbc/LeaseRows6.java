package dev.nestor.lease.jdbc;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv6Text;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseType6;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Kea's {@code lease6} row encoding: the address as canonical text (the primary key, whatever the lease type),
 * {@code expire} = cltt + valid lifetime (cltt alone for an infinite lifetime), the IAID as an unsigned number
 * (PostgreSQL: its signed 32-bit twin), pool id in {@code nestor_pool_id}.
 */
final class LeaseRows6 {
    /** Everything after the address, in the order of {@link #values}. */
    private static final String[] DATA_COLUMNS = {"duid", "valid_lifetime", "expire", "subnet_id", "pref_lifetime",
        "lease_type", "iaid", "prefix_len", "fqdn_fwd", "fqdn_rev", "hostname", "hwaddr", "hwtype", "hwaddr_source",
        "state", "user_context", "nestor_pool_id"};

    final String select;
    final String insert;
    final String set;
    /** {@code address = ? AND every data column equals} (but hwaddr_source, which a lease does not carry). */
    final String match;
    private final LeaseDialect dialect;

    LeaseRows6(LeaseDialect dialect) {
        this.dialect = dialect;
        this.select = "SELECT address, duid, valid_lifetime, " + dialect.expireColumn() + " AS expire_s, subnet_id,"
                + " pref_lifetime, lease_type, iaid, prefix_len, fqdn_fwd, fqdn_rev, hostname, hwaddr, hwtype, state,"
                + " user_context, nestor_pool_id FROM lease6";
        StringBuilder values = new StringBuilder("?");
        StringBuilder setClause = new StringBuilder();
        StringBuilder matchClause = new StringBuilder("address = ?");
        for (String col : DATA_COLUMNS) {
            String param = col.equals("expire") ? dialect.expireParam() : "?";
            values.append(", ").append(param);
            setClause.append(setClause.isEmpty() ? "" : ", ").append(col).append(" = ").append(param);
            if (col.equals("hwaddr_source")) continue; // written, but a Lease6 does not carry it
            matchClause.append(" AND ").append(switch (col) {
                case "duid", "hwaddr", "hwtype" -> dialect.nullSafeEquals(col);
                case "hostname", "user_context" -> dialect.exactTextEquals(col);
                case "expire" -> "expire = " + param;
                default -> col + " = ?";
            });
        }
        this.insert = dialect.insert("lease6", "address, " + String.join(", ", DATA_COLUMNS), values.toString());
        this.set = setClause.toString();
        this.match = matchClause.toString();
    }

    static String key(Bytes address) {
        return Ipv6Text.format(address);
    }

    Binder key(Lease6 l) {
        return new Binder().text(key(l.address()));
    }

    /** The data columns of a lease, as Nestor writes them. */
    Binder values(Lease6 l) throws LeaseStoreException {
        return binder(l, true);
    }

    /** The values {@link #match} compares after the address: those of {@link #values} but hwaddr_source. */
    Binder matchValues(Lease6 l) throws LeaseStoreException {
        return binder(l, false);
    }

    private Binder binder(Lease6 l, boolean withSource) throws LeaseStoreException {
        HwAddress hw = l.hwAddress();
        long expire = l.infinite() ? l.cltt() : l.expire();
        Binder b = new Binder()
                .bytes(l.duid().toArray())
                .number(l.validLifetime())
                .number(dialect.storableExpire(expire))
                .number(l.subnetId())
                .number(l.preferredLifetime())
                .number(l.type().code())
                .object(dialect.iaidValue(l.iaid()), Types.BIGINT)
                .number(l.prefixLength())
                .bool(l.fqdnFwd())
                .bool(l.fqdnRev())
                .text(l.hostname())
                .bytes(hw == null ? null : hw.bytes())
                .number(hw == null ? null : hw.htype());
        // the source is unknown to a Lease6: HWADDR_SOURCE_UNKNOWN when there is an address
        if (withSource) b.number(hw == null ? null : 0);
        return b.number(l.state().code())
                .text(l.userContext())
                .number(l.poolId());
    }

    /** Reads a row selected with {@link #select}. */
    static Lease6 map(ResultSet rs) throws SQLException {
        Bytes address = Ipv6Text.parse(rs.getString("address"));
        LeaseType6 type = LeaseType6.of(rs.getInt("lease_type"));
        int prefixLength = rs.getInt("prefix_len");
        if (rs.wasNull() || type != LeaseType6.PD) prefixLength = 128;
        byte[] duid = rs.getBytes("duid");
        long valid = rs.getLong("valid_lifetime") & 0xFFFFFFFFL;
        long expire = rs.getLong("expire_s");
        long cltt = Math.max(0, valid == Lease6.INFINITE_LIFETIME ? expire : expire - valid);
        byte[] hw = rs.getBytes("hwaddr");
        int htype = rs.getInt("hwtype");
        if (rs.wasNull()) htype = HwAddress.HTYPE_ETHERNET;
        return new Lease6(address, type, prefixLength, duid == null ? null : Bytes.of(duid),
                rs.getLong("iaid") & 0xFFFFFFFFL, rs.getLong("pref_lifetime") & 0xFFFFFFFFL, valid, cltt,
                rs.getLong("subnet_id"), rs.getBoolean("fqdn_fwd"), rs.getBoolean("fqdn_rev"), rs.getString("hostname"),
                hw == null || hw.length == 0 ? null : new HwAddress(htype, hw), LeaseState.of6(rs.getInt("state")),
                rs.getString("user_context"), rs.getLong("nestor_pool_id"));
    }
}
