package dev.nestor.lease;

/**
 * Per-subnet lease counts, as Kea reports them in {@code assigned-addresses} and {@code declined-addresses}.
 *
 * @param assigned leases in state {@link LeaseState#DEFAULT}, counted whether or not they are past their expiry
 *                 (Kea counts them until reclamation)
 * @param declined leases in state {@link LeaseState#DECLINED}
 */
public record SubnetLeaseCounts(long assigned, long declined) {
    public SubnetLeaseCounts {
        if (assigned < 0 || declined < 0) throw new IllegalArgumentException("negative lease count");
    }
}
