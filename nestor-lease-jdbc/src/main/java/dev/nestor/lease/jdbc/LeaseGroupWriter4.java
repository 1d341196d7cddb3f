package dev.nestor.lease.jdbc;

import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a group of new {@code lease4} rows with distinct addresses as one multi-row insert in one transaction
 * ({@link LeaseDialect#insertGroup}): a row whose address is taken is skipped, every other row is committed, and
 * the statement's RETURNING list says which is which. A group the database refuses as a whole (a value a column
 * cannot hold, a duplicate on a statistics row of Kea's own triggers) writes nothing and is answered with
 * {@code null}, so that each lease is then written alone and fails alone.
 */
final class LeaseGroupWriter4 implements GroupInsert.Group<Lease4> {
    /** The most leases in one statement (bounds the number of distinct statement texts per connection). */
    static final int MAX_GROUP = 32;
    /**
     * Rows in a fixed order, subnet then address: each row locks its address and then its subnet's counter row, so
     * two servers' groups always lock in one order and never deadlock each other.
     */
    private static final Comparator<Lease4> LOCK_ORDER = Comparator.comparingLong(Lease4::subnetId)
            .thenComparingLong(l -> LeaseRows4.address(l.address()));

    private final Database db;
    private final LeaseDialect dialect;
    private final LeaseRows4 rows;
    private final String[] sql = new String[MAX_GROUP + 1];

    LeaseGroupWriter4(Database db, LeaseDialect dialect, LeaseRows4 rows) {
        this.db = db;
        this.dialect = dialect;
        this.rows = rows;
        for (int n = 2; n <= MAX_GROUP; n++) sql[n] = dialect.insertGroup("lease4", rows.columns, rows.rowValues, n);
    }

    /** Whether this dialect groups inserts at all. */
    boolean available() {
        return sql[2] != null;
    }

    @Override
    public boolean[] write(List<Lease4> leases) throws LeaseStoreException {
        int n = leases.size();
        if (n < 2 || n > MAX_GROUP) throw new IllegalArgumentException("group of " + n + " leases");
        List<Lease4> ordered = leases.stream().sorted(LOCK_ORDER).toList();
        Binder params = new Binder();
        try {
            for (Lease4 l : ordered) params.all(rows.key(l)).all(rows.values(l));
        } catch (LeaseStoreException e) {
            return null; // a lease the columns cannot hold: it fails alone
        }
        Set<Long> inserted = db.call("add " + n + " leases", c -> {
            try {
                return run(c, sql[n], params);
            } catch (SQLException e) {
                if (dialect.engine().isRetryable(e) || dialect.engine().isConnectionProblem(e)) throw e;
                return null; // refused as a whole, nothing written
            }
        });
        if (inserted == null) return null;
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) out[i] = inserted.contains(LeaseRows4.address(leases.get(i).address()));
        return out;
    }

    /** One statement in auto-commit: committed when it returns. */
    private static Set<Long> run(Connection c, String sql, Binder params) throws SQLException {
        try (PreparedStatement ps = params.bind(c.prepareStatement(sql)); ResultSet rs = ps.executeQuery()) {
            return addresses(rs);
        }
    }

    private static Set<Long> addresses(ResultSet rs) throws SQLException {
        Set<Long> out = new HashSet<>();
        while (rs.next()) out.add(rs.getLong(1));
        return out;
    }
}
