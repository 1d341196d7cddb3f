package dev.nestor.ddns.client;

import dev.nestor.config.model.DdnsParams;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.ConflictResolutionMode;
import dev.nestor.ddns.ncr.Dhcid;
import dev.nestor.ddns.ncr.NameChangeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Builds NameChangeRequests from leases, as Kea's {@code ncr_generator} does ({@code queueNCR}, {@code calculateDdnsTtl}). */
public final class NameChanges {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.ddns.client");
    private static final long U32 = 0xFFFFFFFFL;
    /** RFC 4702 section 5: a third of the lease lifetime... */
    private static final double DEFAULT_TTL_PERCENT = 0.33333;
    /** ...and never less than 10 minutes. */
    private static final long DEFAULT_TTL_MIN = 600;

    private NameChanges() {}

    /**
     * The records' TTL (Kea's {@code calculateDdnsTtl}): {@code ddns-ttl} when set and non-zero; otherwise
     * {@code ddns-ttl-percent} (default 1/3) of the lifetime, rounded, at least {@code ddns-ttl-min} (default 600)
     * and at most {@code ddns-ttl-max} when set and non-zero.
     *
     * @param params the scope's values, null when unknown (defaults)
     */
    public static long ttl(long validLifetime, DdnsParams params) {
        Long fixed = params == null ? null : params.ttl();
        if (fixed != null && fixed > 0) return fixed;
        Double pct = params == null ? null : params.ttlPercent();
        double percent = pct != null && pct > 0.0 ? pct : DEFAULT_TTL_PERCENT;
        long ttl = Math.min(U32, Math.round(percent * Math.min(validLifetime, U32)));
        Long min = params == null ? null : params.ttlMin();
        long ttlMin = min != null && min > 0 ? min : DEFAULT_TTL_MIN;
        if (ttl < ttlMin) return ttlMin;
        Long max = params == null ? null : params.ttlMax();
        if (max != null && max > 0 && ttl > max) return max;
        return ttl;
    }

    /** {@code ddns-conflict-resolution-mode}, Kea's default when unknown. */
    public static ConflictResolutionMode conflictMode(DdnsParams params) {
        if (params == null || params.conflictResolutionMode().isEmpty()) return ConflictResolutionMode.CHECK_WITH_DHCID;
        try {
            return ConflictResolutionMode.fromKeaName(params.conflictResolutionMode());
        } catch (IllegalArgumentException e) {
            return ConflictResolutionMode.CHECK_WITH_DHCID;
        }
    }

    /**
     * The request for a lease, or empty when there is nothing to ask (no name, neither direction, no client
     * identity) or the name or identifier cannot make a DHCID (logged, as Kea's {@code DHCPSRV_QUEUE_NCR_FAILED}).
     *
     * @param params the lease's scope (its pool's values when it has some), null when the subnet is gone
     */
    public static Optional<NameChangeRequest> request(ChangeType type, DnsLease lease, DdnsParams params) {
        if (lease.hostname().isEmpty() || !(lease.forward() || lease.reverse()) || lease.identity() == null) {
            return Optional.empty();
        }
        try {
            Dhcid dhcid = lease.identity().dhcid(lease.hostname());
            return Optional.of(new NameChangeRequest(type, lease.forward(), lease.reverse(), lease.hostname(),
                    lease.address(), dhcid, lease.expiresOn() == Long.MAX_VALUE ? 0 : lease.expiresOn(),
                    ttl(lease.validLifetime(), params), conflictMode(params)));
        } catch (IllegalArgumentException e) {
            log.error("DHCPSRV_QUEUE_NCR_FAILED {} request for {} ({}) not created: {}", type == ChangeType.ADD ? "add" : "remove",
                    lease.address().getHostAddress(), lease.hostname(), e.getMessage());
            return Optional.empty();
        }
    }
}
