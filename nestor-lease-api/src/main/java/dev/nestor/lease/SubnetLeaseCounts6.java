package dev.nestor.lease;

/**
 * Per-subnet DHCPv6 lease counts, as Kea reports them in {@code assigned-nas}, {@code declined-addresses} and
 * {@code assigned-pds}. Temporary-address (TA) leases are not counted, as in Kea.
 *
 * @param assignedNa NA leases in state {@link LeaseState#DEFAULT}, counted whether or not they are past their
 *                   expiry (Kea counts them until reclamation)
 * @param declinedNa NA leases in state {@link LeaseState#DECLINED}
 * @param assignedPd PD leases in state {@link LeaseState#DEFAULT}, expired or not
 */
public record SubnetLeaseCounts6(long assignedNa, long declinedNa, long assignedPd) {
    public SubnetLeaseCounts6 {
        if (assignedNa < 0 || declinedNa < 0 || assignedPd < 0) throw new IllegalArgumentException("negative lease count");
    }

    /** No leases. */
    public static final SubnetLeaseCounts6 ZERO = new SubnetLeaseCounts6(0, 0, 0);
}
