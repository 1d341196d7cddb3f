package dev.nestor.lease.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-client lookups of the packet path must go through the client's index even on a table the server has
 * not analyzed yet (a new database filling up): otherwise every DISCOVER reads every lease of its subnet. The
 * plans are checked with EXPLAIN on a freshly filled, never analyzed table, with the stores' own conditions.
 */
public abstract class SqlLookupPlanTest {
    private DatabaseConfig db;

    protected abstract DbEngine engine();

    @BeforeEach
    void createDatabase() throws Exception {
        db = TestDatabases.create(engine());
        try (Connection c = JdbcConnections.open(db); Statement s = c.createStatement()) {
            SchemaMigrator.of(engine()).init(c);
            s.execute("INSERT INTO lease4 (address, hwaddr, client_id, valid_lifetime, expire, subnet_id, state)"
                    + " SELECT g, decode(lpad(to_hex(g), 12, '0'), 'hex'), decode(lpad(to_hex(g), 8, '0'), 'hex'),"
                    + " 3600, now(), 1, 0 FROM generate_series(1, 3000) g");
            s.execute("INSERT INTO lease6 (address, duid, iaid, subnet_id, lease_type, valid_lifetime, expire, state)"
                    + " SELECT '2001:db8::' || to_hex(g), decode(lpad(to_hex(g), 12, '0'), 'hex'), 1, 1, 0, 3600,"
                    + " now(), 0 FROM generate_series(1, 3000) g");
        }
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.drop(db);
    }

    @Test
    void leaseLookupsByClientUseTheClientsIndexOnAnUnanalyzedTable() throws Exception {
        assertThat(plan("SELECT address FROM lease4 WHERE hwaddr = '\\x000000000005'::bytea AND "
                + JdbcLeaseStore4.SUBNET_FILTER.replace("?", "1"))).contains("lease4_by_hwaddr_subnet_id");
        assertThat(plan("SELECT address FROM lease4 WHERE client_id = '\\x00000005'::bytea AND "
                + JdbcLeaseStore4.SUBNET_FILTER.replace("?", "1"))).contains("lease4_by_client_id_subnet_id");
        assertThat(plan("SELECT address FROM lease6 WHERE duid = '\\x000000000005'::bytea AND iaid = 1 AND "
                + JdbcLeaseStore6.TYPE_FILTER.replace("?", "0") + " AND subnet_id + 0 = 1"))
                .contains("lease6_by_duid_iaid_subnet_id");
    }

    @Test
    void theCombinedClientLookupUsesBothClientIndexes() throws Exception {
        String subnet = JdbcLeaseStore4.SUBNET_FILTER.replace("?", "1");
        assertThat(plan("SELECT address FROM lease4 WHERE client_id = '\\x00000005'::bytea AND " + subnet
                + " UNION ALL SELECT address FROM lease4 WHERE hwaddr = '\\x000000000005'::bytea AND " + subnet))
                .contains("lease4_by_client_id_subnet_id").contains("lease4_by_hwaddr_subnet_id");
    }

    private String plan(String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = JdbcConnections.open(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) out.append(rs.getString(1)).append('\n');
        }
        return out.toString();
    }
}
