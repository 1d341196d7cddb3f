package dev.nestor.dhcp6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.memfile.MemfileLeaseStore6;
import org.junit.jupiter.api.Test;

/** Kea's per-pool statistics, counted at start (and on reconfiguration) from the leases in the store. */
class Statistics6Test {
    static final String CONFIG = """
            { "Dhcp6": { "subnet6": [ { "id": 4, "subnet": "2001:db8:4::/64",
                "pools": [ { "pool": "2001:db8:4::10 - 2001:db8:4::1f" },
                           { "pool": "2001:db8:4::100 - 2001:db8:4::103", "pool-id": 9 },
                           { "pool": "2001:db8:4::200 - 2001:db8:4::203", "pool-id": 9 } ],
                "pd-pools": [ { "prefix": "2001:db8:4400::", "prefix-len": 40, "delegated-len": 48, "pool-id": 2 } ],
                "reservations": [ { "duid": "00:03:00:01:02:00:00:00:00:09", "ip-addresses": [ "2001:db8:4::99" ] } ] } ] } }
            """;

    @Test
    void poolsAreCountedByPoolIdFromTheStoredLeases() throws Exception {
        Bytes duid = Bytes.fromHex("00030001020000000001");
        MemfileLeaseStore6 store = MemfileLeaseStore6.inMemory();
        store.add(Lease6.na(Ipv6.parse("2001:db8:4::10"), duid, 1, 300, 600, 1_800_000_000L, 4));
        store.add(Lease6.na(Ipv6.parse("2001:db8:4::101"), duid, 2, 300, 600, 1_800_000_000L, 4));
        store.add(Lease6.na(Ipv6.parse("2001:db8:4::202"), duid, 3, 300, 600, 1_800_000_000L, 4).withState(LeaseState.DECLINED));
        store.add(Lease6.na(Ipv6.parse("2001:db8:4::99"), duid, 4, 300, 600, 1_800_000_000L, 4)); // reserved, outside the pools
        store.add(Lease6.pd(Ipv6.parse("2001:db8:4401::"), 48, duid, 5, 300, 600, 1_800_000_000L, 4));
        Pipeline6Fixture f = new Pipeline6Fixture(CONFIG, store);

        assertThat(f.stats.get("subnet[4].pool[0].total-nas")).isEqualTo(16);
        assertThat(f.stats.get("subnet[4].pool[9].total-nas")).as("two pools sharing pool-id 9 add up").isEqualTo(8);
        assertThat(f.stats.get("subnet[4].pd-pool[2].total-pds")).isEqualTo(256);
        assertThat(f.stats.get("subnet[4].pool[0].assigned-nas")).isEqualTo(1);
        assertThat(f.stats.get("subnet[4].pool[9].assigned-nas")).as("declined addresses count as assigned").isEqualTo(2);
        assertThat(f.stats.get("subnet[4].pool[9].declined-addresses")).isEqualTo(1);
        assertThat(f.stats.get("subnet[4].pd-pool[2].assigned-pds")).isEqualTo(1);
        assertThat(f.stats.get("subnet[4].assigned-nas")).as("the reserved address counts for the subnet").isEqualTo(4);
        assertThat(f.stats.get("assigned-nas")).isEqualTo(4);
        assertThat(f.stats.get("assigned-pds")).isEqualTo(1);
        assertThat(f.stats.get("subnet[4].pool[0].cumulative-assigned-nas")).isZero();
        assertThat(f.stats.get("subnet[4].pd-pool[2].cumulative-assigned-pds")).isZero();
    }
}
