package dev.nestor.engine.stats;

/**
 * Kea's statistic names that are built from parts, in one place for DHCPv4 and DHCPv6: per-subnet statistics are
 * {@code subnet[<id>].<name>}, per-pool ones {@code subnet[<id>].pool[<pool-id>].<name>} (pd-pools: {@code pd-pool}).
 */
public final class StatNames {
    private StatNames() {}

    /** {@code subnet[id].name}, e.g. {@code subnet[1].assigned-nas}. */
    public static String subnet(long subnetId, String name) {
        return "subnet[" + subnetId + "]." + name;
    }

    /** {@code subnet[id].pool[pool-id].name}, e.g. {@code subnet[1].pool[0].assigned-nas}. */
    public static String pool(long subnetId, long poolId, String name) {
        return subnet(subnetId, "pool[" + poolId + "]." + name);
    }

    /** {@code subnet[id].pd-pool[pool-id].name}, e.g. {@code subnet[1].pd-pool[0].assigned-pds}. */
    public static String pdPool(long subnetId, long poolId, String name) {
        return subnet(subnetId, "pd-pool[" + poolId + "]." + name);
    }
}
