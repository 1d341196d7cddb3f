package dev.nestor.lease.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStoreException;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The v4 packet path's statements on the real server. The multi-row insert behind the store's group commit
 * (PostgreSQL): a
 * taken address fails only its own row, every other row of the group is committed and counted by the statistics
 * triggers, and a row the columns cannot hold makes the group write nothing (its leases are then written one by
 * one). The combined client lookup: the same leases as the lookups by client id and by hardware address together.
 */
public abstract class SqlPacketPathTest {
    private static final long NOW = 1_700_000_000L;
    private static final int BASE = 0xC0000200; // 192.0.2.0

    private DatabaseConfig config;
    private Database db;
    private JdbcLeaseStore4 store;
    private LeaseGroupWriter4 group;

    protected abstract DbEngine engine();

    protected abstract LeaseDialect dialect();

    /** Whether the store writes concurrent inserts as one statement on this engine (PostgreSQL only). */
    protected abstract boolean groupsInserts();

    @BeforeEach
    void open() throws Exception {
        config = TestDatabases.create(engine());
        try (Connection c = JdbcConnections.open(config)) {
            SchemaMigrator.of(engine()).init(c);
        }
        db = Database.open(config);
        store = new JdbcLeaseStore4(db, dialect());
        group = new LeaseGroupWriter4(db, dialect(), new LeaseRows4(dialect()));
    }

    @AfterEach
    void close() {
        if (store != null) store.close();
        TestDatabases.drop(config);
    }

    private static Lease4 lease(int host, int client, long subnet) {
        HwAddress mac = HwAddress.ethernet(new byte[] {2, 0, 0, 0, (byte) (client >> 8), (byte) client});
        return Lease4.of(BASE + host, mac, null, 3600, NOW, subnet);
    }

    @Test
    void insertsAreGroupedOnlyWhereTheCounterRowSerialisesCommits() {
        assertThat(group.available()).isEqualTo(groupsInserts());
    }

    @Test
    void aTakenAddressFailsOnlyItsOwnRowAndTheRestIsCommittedAndCounted() throws Exception {
        assumeTrue(groupsInserts(), "no group insert on " + engine());
        Lease4 first = lease(1, 1, 1);
        assertThat(store.add(first)).isTrue();
        List<Lease4> leases = List.of(lease(3, 3, 2), lease(1, 2, 1), lease(2, 4, 1));

        boolean[] inserted = group.write(leases);

        assertThat(inserted).containsExactly(true, false, true);
        assertThat(store.getAll()).containsExactly(first, lease(2, 4, 1), lease(3, 3, 2));
        assertThat(store.countBySubnet().get(1L).assigned()).isEqualTo(2);
        assertThat(store.countBySubnet().get(2L).assigned()).isEqualTo(1);
    }

    @Test
    void aRowTheColumnsCannotHoldMakesTheGroupWriteNothing() throws Exception {
        assumeTrue(groupsInserts(), "no group insert on " + engine());
        Lease4 tooLong = lease(2, 2, 1).withHostname("h".repeat(300));
        List<Lease4> leases = List.of(lease(1, 1, 1), tooLong, lease(3, 3, 1));

        assertThat(group.write(leases)).isNull();

        assertThat(store.getAll()).isEmpty();
        assertThat(store.countBySubnet()).doesNotContainKey(1L);
    }

    @Test
    void theStoreStillRefusesATooLongValueAlone() {
        Lease4 tooLong = lease(2, 2, 1).withHostname("h".repeat(300));
        try {
            store.add(tooLong);
        } catch (LeaseStoreException e) {
            assertThat(store.getAll()).isEmpty();
            return;
        }
        throw new AssertionError("a 300-character host name was stored in a VARCHAR(255)");
    }

    @Test
    void theClientLookupFindsTheLeasesByClientIdAndByHardwareAddressOnce() throws Exception {
        Bytes clientId = Bytes.of(new byte[] {1, 2, 3, 4});
        HwAddress mac = HwAddress.ethernet(new byte[] {2, 0, 0, 0, 0, 9});
        Lease4 byId = Lease4.of(BASE + 7, HwAddress.ethernet(new byte[] {2, 0, 0, 0, 0, 8}), clientId, 3600, NOW, 1);
        Lease4 byBoth = Lease4.of(BASE + 3, mac, clientId, 3600, NOW, 1);
        Lease4 byMac = Lease4.of(BASE + 5, mac, null, 3600, NOW, 1);
        Lease4 otherHtype = Lease4.of(BASE + 6, new HwAddress(6, mac.bytes()), null, 3600, NOW, 1);
        Lease4 otherSubnet = Lease4.of(BASE + 4, mac, clientId, 3600, NOW, 2);
        Lease4 stranger = lease(8, 8, 1);
        for (Lease4 l : List.of(byId, byBoth, byMac, otherHtype, otherSubnet, stranger)) assertThat(store.add(l)).isTrue();

        assertThat(store.getByClient(clientId, mac, 1)).containsExactly(byBoth, byMac, byId);
        assertThat(store.getByClient(clientId, null, 1)).containsExactly(byBoth, byId);
        assertThat(store.getByClient(null, mac, 1)).containsExactly(byBoth, byMac);
        assertThat(store.getByClient(clientId, mac, 3)).isEmpty();
    }
}
