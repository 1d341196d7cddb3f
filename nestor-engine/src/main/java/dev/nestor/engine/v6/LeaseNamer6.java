package dev.nestor.engine.v6;

import dev.nestor.common.Bytes;
import dev.nestor.config.model.Subnet6;
import dev.nestor.engine.alloc.LeaseName;

/**
 * Names a DHCPv6 lease once the engine has chosen it, just before it is advertised or written, so that it is stored
 * once with its final name (Kea generates a missing name from the first address of the first IA_NA and applies the
 * DDNS values of the subnet and pool the lease ended up in). The server passes one per query in the
 * {@link ClientContext6}; the engine knows nothing of DNS. May be called more than once for an IA (a lost race
 * retries with another candidate).
 */
@FunctionalInterface
public interface LeaseNamer6 {
    /**
     * @param subnet   the lease's subnet
     * @param ia       the IA the lease is for (the same object the query's IA list holds)
     * @param address  the address or prefix
     * @param position how many leases the IA was granted before this one in this query (0 = its first)
     * {@return the name to store with the lease}
     */
    LeaseName nameAt(Subnet6 subnet, IaRequest ia, Bytes address, int position);
}
