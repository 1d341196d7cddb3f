package dev.nestor.lease.jdbc;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStore4;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.SubnetLeaseCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link LeaseStore4} on Kea's {@code lease4} table. Every write is one conditional statement, so any number of
 * servers can share the database: {@code add} is an INSERT the primary key refuses, {@code replace} and
 * {@code delete} name every column of the expected lease in their WHERE clause and succeed only if they changed a
 * row. Lease statistics ({@link #countBySubnet}) come from {@code lease4_stat}, which the database's triggers keep.
 *
 * <p>When the fast conditional statement matches no row although the stored row is the expected lease under
 * another encoding (a row Kea wrote with an empty instead of a NULL hardware address, say), the compare is
 * redone on the decoded row under a row lock, so such leases never get stuck.
 */
public final class JdbcLeaseStore4 implements LeaseStore4, DatabaseBacked {
    private static final long INFINITE = Lease4.INFINITE_LIFETIME;
    /**
     * The subnet condition of a per-client lookup, written so that no index on {@code subnet_id} alone can serve it:
     * on a table not yet analyzed (a new database, or one just filled) PostgreSQL otherwise picks
     * {@code lease4_by_subnet_id} over {@code lease4_by_hwaddr_subnet_id} and reads every lease of the subnet for
     * each lookup, under a cached plan that outlives the table's growth. The client's column leads the chosen index.
     */
    static final String SUBNET_FILTER = "subnet_id + 0 = ?";
    private static final java.util.Comparator<Lease4> BY_ADDRESS =
            java.util.Comparator.comparingLong(l -> LeaseRows4.address(l.address()));

    private final Database db;
    private final LeaseDialect dialect;
    private final LeaseRows4 rows;
    private final String sqlGet;
    private final String sqlUpdateIf;
    private final String sqlUpdate;
    private final String sqlDeleteIf;
    private final String sqlDelete;
    private final String sqlLock;
    private final LeaseGroupWriter4 groupWriter;
    private final GroupInsert<Lease4> inserts;

    public JdbcLeaseStore4(Database db, LeaseDialect dialect) {
        this.db = Objects.requireNonNull(db, "db");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.rows = new LeaseRows4(dialect);
        this.sqlGet = rows.select + " WHERE address = ?";
        this.sqlUpdateIf = "UPDATE lease4 SET " + rows.set + " WHERE " + rows.match;
        this.sqlUpdate = "UPDATE lease4 SET " + rows.set + " WHERE address = ?";
        this.sqlDeleteIf = "DELETE FROM lease4 WHERE " + rows.match;
        this.sqlDelete = "DELETE FROM lease4 WHERE address = ?";
        this.sqlLock = sqlGet + " FOR UPDATE";
        this.groupWriter = new LeaseGroupWriter4(db, dialect, rows);
        this.inserts = new GroupInsert<>(this::addOne, groupWriter, Lease4::address, LeaseGroupWriter4.MAX_GROUP);
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    /**
     * Where the dialect groups inserts (PostgreSQL), those of concurrent callers are written together, one
     * statement and one commit per group ({@link GroupInsert}): the statistics trigger's counter row then
     * serialises groups, not single leases.
     */
    @Override
    public boolean add(Lease4 lease) throws LeaseStoreException {
        return groupWriter.available() ? inserts.insert(lease) : addOne(lease);
    }

    private boolean addOne(Lease4 lease) throws LeaseStoreException {
        Binder params = rows.key(lease).all(rows.values(lease));
        return db.call("add lease " + lease, c -> {
            try (PreparedStatement ps = params.bind(c.prepareStatement(rows.insert))) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                if (!dialect.engine().isDuplicateKey(e)) throw e;
                // the address is taken, unless the duplicate was on a statistics row (Kea's own triggers race
                // there): then the insert was rolled back and is worth another try
                if (find(c, lease.address()).isPresent()) return 0;
                throw new SQLException("duplicate key outside lease4: " + e.getMessage(), "40001", e);
            }
        }) == 1;
    }

    @Override
    public boolean replace(Lease4 expected, Lease4 updated) throws LeaseStoreException {
        if (expected.address() != updated.address())
            throw new IllegalArgumentException("replace across addresses: " + expected + " -> " + updated);
        Binder fast = rows.values(updated).all(rows.key(expected)).all(rows.values(expected));
        Binder slow = rows.values(updated).all(rows.key(updated));
        return db.call("update lease " + updated,
                c -> run(c, sqlUpdateIf, fast) == 1 || lockedCompareAndRun(c, expected, sqlUpdate, slow));
    }

    @Override
    public boolean delete(Lease4 expected) throws LeaseStoreException {
        Binder fast = rows.key(expected).all(rows.values(expected));
        Binder slow = rows.key(expected);
        return db.call("delete lease " + expected,
                c -> run(c, sqlDeleteIf, fast) == 1 || lockedCompareAndRun(c, expected, sqlDelete, slow));
    }

    private static int run(Connection c, String sql, Binder params) throws SQLException {
        try (PreparedStatement ps = params.bind(c.prepareStatement(sql))) {
            return ps.executeUpdate();
        }
    }

    /**
     * The slow compare-and-set: in a transaction, locks the row, decodes it and runs {@code sql} only if it equals
     * {@code expected}. Cheap to call when the lease really changed: the lock read finds the difference at once.
     */
    private boolean lockedCompareAndRun(Connection c, Lease4 expected, String sql, Binder params) throws SQLException {
        c.setAutoCommit(false);
        try {
            Optional<Lease4> current;
            try (PreparedStatement ps = c.prepareStatement(sqlLock)) {
                ps.setLong(1, LeaseRows4.address(expected.address()));
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
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM lease4 WHERE state = 2 AND valid_lifetime <> "
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
                    ? "DELETE FROM lease4" : "DELETE FROM lease4 WHERE subnet_id = ?")) {
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
    public Optional<Lease4> get(int address) {
        return db.read("get lease", c -> find(c, address));
    }

    private Optional<Lease4> find(Connection c, int address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sqlGet)) {
            ps.setLong(1, LeaseRows4.address(address));
            return one(ps);
        }
    }

    @Override
    public List<Lease4> getByHwAddress(HwAddress hwAddress) {
        return sameHtype(hwAddress, client("WHERE hwaddr = ?", new Binder().bytes(hwAddress.bytes())));
    }

    @Override
    public List<Lease4> getByHwAddress(HwAddress hwAddress, long subnetId) {
        return sameHtype(hwAddress, client("WHERE hwaddr = ? AND " + SUBNET_FILTER,
                new Binder().bytes(hwAddress.bytes()).number(subnetId)));
    }

    private static List<Lease4> sameHtype(HwAddress hw, List<Lease4> leases) {
        return leases.stream().filter(l -> l.hwAddress() != null && l.hwAddress().htype() == hw.htype()
                && Arrays.equals(l.hwAddress().bytes(), hw.bytes())).toList();
    }

    @Override
    public List<Lease4> getByClientId(Bytes clientId) {
        return client("WHERE client_id = ?", new Binder().bytes(clientId.toArray()));
    }

    @Override
    public List<Lease4> getByClientId(Bytes clientId, long subnetId) {
        return client("WHERE client_id = ? AND " + SUBNET_FILTER, new Binder().bytes(clientId.toArray()).number(subnetId));
    }

    /**
     * Both per-client lookups in one round trip: a UNION ALL of the two indexed queries (each branch keeps its own
     * index, where an OR could let the planner fall back to the subnet index), merged and de-duplicated here.
     */
    @Override
    public List<Lease4> getByClient(Bytes clientId, HwAddress hwAddress, long subnetId) {
        boolean byHw = hwAddress != null && hwAddress.length() > 0;
        if (clientId == null || !byHw) return LeaseStore4.super.getByClient(clientId, hwAddress, subnetId);
        List<Lease4> found = list("WHERE client_id = ? AND " + SUBNET_FILTER + " UNION ALL " + rows.select
                + " WHERE hwaddr = ? AND " + SUBNET_FILTER, new Binder().bytes(clientId.toArray()).number(subnetId)
                .bytes(hwAddress.bytes()).number(subnetId));
        TreeMap<Long, Lease4> merged = new TreeMap<>();
        for (Lease4 l : found) {
            boolean mine = clientId.equals(l.clientId()) || l.hwAddress() != null
                    && l.hwAddress().htype() == hwAddress.htype() && Arrays.equals(l.hwAddress().bytes(), hwAddress.bytes());
            if (mine) merged.putIfAbsent(LeaseRows4.address(l.address()), l);
        }
        return List.copyOf(merged.values());
    }

    @Override
    public List<Lease4> getByHostname(String hostname) {
        // the column may compare case-insensitively; the contract is an exact match
        return client("WHERE hostname = ?", new Binder().text(hostname)).stream()
                .filter(l -> l.hostname().equals(hostname)).toList();
    }

    @Override
    public List<Lease4> getAll() {
        return list("ORDER BY address", new Binder());
    }

    @Override
    public List<Lease4> getBySubnet(long subnetId) {
        return list("WHERE subnet_id = ? ORDER BY address", new Binder().number(subnetId));
    }

    @Override
    public List<Lease4> getPage(int fromAddressExclusive, int limit) {
        if (limit < 1) throw new IllegalArgumentException("page limit must be at least 1: " + limit);
        String op = fromAddressExclusive == 0 ? ">=" : ">";
        return list("WHERE address " + op + " ? ORDER BY address LIMIT ?",
                new Binder().number(LeaseRows4.address(fromAddressExclusive)).number(limit));
    }

    @Override
    public List<Lease4> getExpired(long now, int max) {
        if (max < 0) throw new IllegalArgumentException("negative max: " + max);
        long at;
        try {
            at = dialect.storableExpire(now);
        } catch (LeaseStoreException e) {
            throw new DatabaseException(e);
        }
        return list("WHERE state IN (0, 1) AND valid_lifetime <> " + INFINITE + " AND expire < " + dialect.expireParam()
                + " ORDER BY expire, address" + (max > 0 ? " LIMIT " + max : ""), new Binder().number(at));
    }

    @Override
    public Map<Long, SubnetLeaseCounts> countBySubnet() {
        return db.read("count leases", c -> {
            Map<Long, long[]> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT subnet_id, state, leases FROM lease4_stat WHERE state IN (0, 1)");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] n = counts.computeIfAbsent(rs.getLong(1), _ -> new long[2]);
                    n[rs.getInt(2)] += Math.max(0, rs.getLong(3));
                }
            }
            Map<Long, SubnetLeaseCounts> out = new HashMap<>();
            counts.forEach((subnet, n) -> out.put(subnet, new SubnetLeaseCounts(n[0], n[1])));
            return Map.copyOf(out);
        });
    }

    /**
     * A per-client lookup: few rows, sorted here rather than by an ORDER BY that could lead the planner to walk the
     * primary key in order.
     */
    private List<Lease4> client(String where, Binder params) {
        List<Lease4> found = list(where, params);
        if (found.size() < 2) return found;
        return found.stream().sorted(BY_ADDRESS).toList();
    }

    private List<Lease4> list(String where, Binder params) {
        return db.read("look up leases", c -> {
            try (PreparedStatement ps = params.bind(c.prepareStatement(rows.select + " " + where));
                 ResultSet rs = ps.executeQuery()) {
                List<Lease4> out = new ArrayList<>();
                while (rs.next()) out.add(LeaseRows4.map(rs));
                return List.copyOf(out);
            }
        });
    }

    private static Optional<Lease4> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(LeaseRows4.map(rs)) : Optional.empty();
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
