package dev.nestor.lease.jdbc;

import dev.nestor.common.Bytes;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseStore6;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.LeaseType6;
import dev.nestor.lease.SubnetLeaseCounts6;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LeaseStore6} on Kea's {@code lease6} table, with the same conditional-statement writes as
 * {@link JdbcLeaseStore4}. The primary key is the address alone, so one address holds one lease of any type.
 * Numeric address order (paging, listings) comes from the dialect's order key: Kea keys the table by text.
 * Statistics come from {@code lease6_stat}, kept by the database's triggers.
 */
public final class JdbcLeaseStore6 implements LeaseStore6, DatabaseBacked {
    private static final long INFINITE = Lease6.INFINITE_LIFETIME;
    /**
     * The type condition of a per-client lookup (and its subnet condition, {@code subnet_id + 0 = ?}), written so
     * that {@code lease6_by_subnet_id_lease_type} cannot serve it: on a table not yet analyzed PostgreSQL would
     * otherwise prefer that index to {@code lease6_by_duid_iaid_subnet_id} and read every lease of the subnet per
     * lookup, under a cached plan that outlives the table's growth.
     */
    static final String TYPE_FILTER = "lease_type + 0 = ?";

    private final Database db;
    private final LeaseDialect dialect;
    private final LeaseRows6 rows;
    private final String order;
    private final String sqlGet;
    private final String sqlUpdateIf;
    private final String sqlUpdate;
    private final String sqlDeleteIf;
    private final String sqlDelete;
    private final String sqlLock;

    public JdbcLeaseStore6(Database db, LeaseDialect dialect) {
        this.db = Objects.requireNonNull(db, "db");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.rows = new LeaseRows6(dialect);
        this.order = " ORDER BY " + dialect.lease6OrderKey();
        this.sqlGet = rows.select + " WHERE address = ?";
        this.sqlUpdateIf = "UPDATE lease6 SET " + rows.set + " WHERE " + rows.match;
        this.sqlUpdate = "UPDATE lease6 SET " + rows.set + " WHERE address = ?";
        this.sqlDeleteIf = "DELETE FROM lease6 WHERE " + rows.match;
        this.sqlDelete = "DELETE FROM lease6 WHERE address = ?";
        this.sqlLock = sqlGet + " FOR UPDATE";
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    @Override
    public boolean add(Lease6 lease) throws LeaseStoreException {
        Binder params = rows.key(lease).all(rows.values(lease));
        return db.call("add lease " + lease, c -> {
            try (PreparedStatement ps = params.bind(c.prepareStatement(rows.insert))) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                if (!dialect.engine().isDuplicateKey(e)) throw e;
                // see JdbcLeaseStore4.add: a duplicate on a statistics row is worth another try
                if (find(c, lease.address()).isPresent()) return 0;
                throw new SQLException("duplicate key outside lease6: " + e.getMessage(), "40001", e);
            }
        }) == 1;
    }

    @Override
    public boolean replace(Lease6 expected, Lease6 updated) throws LeaseStoreException {
        if (!expected.address().equals(updated.address()) || expected.type() != updated.type())
            throw new IllegalArgumentException("replace across addresses or types: " + expected + " -> " + updated);
        Binder fast = rows.values(updated).all(rows.key(expected)).all(rows.matchValues(expected));
        Binder slow = rows.values(updated).all(rows.key(updated));
        return db.call("update lease " + updated,
                c -> run(c, sqlUpdateIf, fast) == 1 || lockedCompareAndRun(c, expected, sqlUpdate, slow));
    }

    @Override
    public boolean delete(Lease6 expected) throws LeaseStoreException {
        Binder fast = rows.key(expected).all(rows.matchValues(expected));
        Binder slow = rows.key(expected);
        return db.call("delete lease " + expected,
                c -> run(c, sqlDeleteIf, fast) == 1 || lockedCompareAndRun(c, expected, sqlDelete, slow));
    }

    private static int run(Connection c, String sql, Binder params) throws SQLException {
        try (PreparedStatement ps = params.bind(c.prepareStatement(sql))) {
            return ps.executeUpdate();
        }
    }

    /** The slow compare-and-set of {@link JdbcLeaseStore4}: lock the row, decode, compare, then run {@code sql}. */
    private boolean lockedCompareAndRun(Connection c, Lease6 expected, String sql, Binder params) throws SQLException {
        c.setAutoCommit(false);
        try {
            Optional<Lease6> current;
            try (PreparedStatement ps = c.prepareStatement(sqlLock)) {
                ps.setString(1, LeaseRows6.key(expected.address()));
                current = one(ps);
            }
            boolean matches = current.isPresent() && current.get().equals(expected);
            if (matches) {
                try (PreparedStatement ps = params.bind(c.prepareStatement(sql))) {
                    matches = ps.executeUpdate() == 1;
                }
            }
            c.commit();
            return matches;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Override
    public int deleteReclaimedExpiredBefore(long expireBefore) throws LeaseStoreException {
        long before = dialect.storableExpire(expireBefore);
        return db.call("flush reclaimed leases", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM lease6 WHERE state = 2 AND valid_lifetime <> "
                    + INFINITE + " AND expire < " + dialect.expireParam())) {
                ps.setLong(1, before);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int wipe(long subnetId) throws LeaseStoreException {
        return db.call("wipe leases of subnet " + subnetId, c -> {
            try (PreparedStatement ps = c.prepareStatement(subnetId == 0
                    ? "DELETE FROM lease6" : "DELETE FROM lease6 WHERE subnet_id = ?")) {
                if (subnetId != 0) ps.setLong(1, subnetId);
                return ps.executeUpdate();
            }
        });
    }

    /** Every write is committed when it returns. */
    @Override
    public void flush() {}

    // ---- reads -----------------------------------------------------------------------------------------------

    @Override
    public Optional<Lease6> get(LeaseType6 type, Bytes address) {
        Objects.requireNonNull(type, "type");
        return db.read("get lease", c -> find(c, address)).filter(l -> l.type() == type);
    }

    private Optional<Lease6> find(Connection c, Bytes address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sqlGet)) {
            ps.setString(1, LeaseRows6.key(address));
            return one(ps);
        }
    }

    @Override
    public List<Lease6> getByDuidIaid(Bytes duid, long iaid, LeaseType6 type) {
        return client("WHERE duid = ? AND iaid = ? AND " + TYPE_FILTER, new Binder().bytes(duid.toArray())
                .object(dialect.iaidValue(iaid), Types.BIGINT).number(type.code()));
    }

    @Override
    public List<Lease6> getByDuidIaid(Bytes duid, long iaid, LeaseType6 type, long subnetId) {
        return client("WHERE duid = ? AND iaid = ? AND " + TYPE_FILTER + " AND subnet_id + 0 = ?",
                new Binder().bytes(duid.toArray()).object(dialect.iaidValue(iaid), Types.BIGINT).number(type.code())
                        .number(subnetId));
    }

    @Override
    public List<Lease6> getByDuid(Bytes duid) {
        return client("WHERE duid = ?", new Binder().bytes(duid.toArray()));
    }

    @Override
    public List<Lease6> getByHostname(String hostname) {
        // the column may compare case-insensitively; the contract is an exact match
        return client("WHERE hostname = ?", new Binder().text(hostname)).stream()
                .filter(l -> l.hostname().equals(hostname)).toList();
    }

    @Override
    public List<Lease6> getAll() {
        return list(order, new Binder());
    }

    @Override
    public List<Lease6> getBySubnet(long subnetId) {
        return list("WHERE subnet_id = ?" + order, new Binder().number(subnetId));
    }

    @Override
    public List<Lease6> getPage(Bytes fromExclusive, int limit) {
        if (limit < 1) throw new IllegalArgumentException("page limit must be at least 1: " + limit);
        if (fromExclusive.length() != 16) throw new IllegalArgumentException("not an IPv6 address: " + fromExclusive);
        boolean fromStart = fromExclusive.equals(Bytes.of(new byte[16]));
        return list("WHERE " + dialect.lease6OrderKey() + (fromStart ? " >= " : " > ") + dialect.lease6OrderKeyParam()
                + order + " LIMIT ?", new Binder().object(dialect.lease6OrderKeyValue(fromExclusive), Types.OTHER)
                .number(limit));
    }

    @Override
    public List<Lease6> getExpired(long now, int max) {
        if (max < 0) throw new IllegalArgumentException("negative max: " + max);
        long at;
        try {
            at = dialect.storableExpire(now);
        } catch (LeaseStoreException e) {
            throw new DatabaseException(e);
        }
        return list("WHERE state IN (0, 1, 4) AND valid_lifetime <> " + INFINITE + " AND expire < "
                + dialect.expireParam() + " ORDER BY expire, " + dialect.lease6OrderKey()
                + (max > 0 ? " LIMIT " + max : ""), new Binder().number(at));
    }

    @Override
    public Map<Long, SubnetLeaseCounts6> countBySubnet() {
        return db.read("count leases", c -> {
            Map<Long, long[]> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT subnet_id, lease_type, state, leases FROM lease6_stat WHERE state IN (0, 1)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] n = counts.computeIfAbsent(rs.getLong(1), _ -> new long[3]);
                    int type = rs.getInt(2);
                    int state = rs.getInt(3);
                    long leases = Math.max(0, rs.getLong(4));
                    // Kea's assigned-nas, declined-addresses and assigned-pds; TA leases are not reported
                    if (type == LeaseType6.NA.code()) n[state] += leases;
                    else if (type == LeaseType6.PD.code() && state == 0) n[2] += leases;
                }
            }
            Map<Long, SubnetLeaseCounts6> out = new HashMap<>();
            counts.forEach((subnet, n) -> out.put(subnet, new SubnetLeaseCounts6(n[0], n[1], n[2])));
            return Map.copyOf(out);
        });
    }

    /**
     * A per-client lookup: few rows, sorted here rather than by an ORDER BY that could lead the planner to walk the
     * order-key index.
     */
    private List<Lease6> client(String where, Binder params) {
        List<Lease6> found = list(where, params);
        if (found.size() < 2) return found;
        return found.stream().sorted(java.util.Comparator.comparing(Lease6::address)).toList();
    }

    private List<Lease6> list(String where, Binder params) {
        return db.read("look up leases", c -> {
            try (PreparedStatement ps = params.bind(c.prepareStatement(rows.select + " " + where));
                 ResultSet rs = ps.executeQuery()) {
                List<Lease6> out = new ArrayList<>();
                while (rs.next()) out.add(LeaseRows6.map(rs));
                return List.copyOf(out);
            }
        });
    }

    private static Optional<Lease6> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(LeaseRows6.map(rs)) : Optional.empty();
        }
    }

    // ---- status ----------------------------------------------------------------------------------------------

    @Override
    public Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
