package dev.nestor.lease;

import dev.nestor.common.net.Ipv6Text;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import java.util.Objects;

/**
 * A DHCPv6 lease as stored: the fields of Kea's {@code Lease6} that lease files and databases keep. A lease is
 * identified by its {@link #address()} and {@link #type()}; stores compare leases with {@link #equals} for
 * compare-and-set, so every field takes part.
 *
 * <p>Normalisation (so that a lease read back from storage equals the one written): a {@code null}, empty or
 * one-zero-byte DUID becomes {@link #EMPTY_DUID}, an empty hardware address becomes {@code null}, a {@code null}
 * host name becomes {@code ""}, and an empty user context becomes {@code null}.
 *
 * @param address           the leased address, or for {@link LeaseType6#PD} the delegated prefix; 16 bytes
 * @param type              what the lease holds
 * @param prefixLength      the delegated prefix length, 1..128, for PD; always 128 for NA and TA
 * @param duid              the client's DUID; {@link #EMPTY_DUID} for a declined lease (as Kea)
 * @param iaid              the identity association identifier, 0..0xFFFFFFFF
 * @param preferredLifetime preferred lifetime in seconds, 0..0xFFFFFFFF
 * @param validLifetime     valid lifetime in seconds, 0..0xFFFFFFFF; {@link #INFINITE_LIFETIME} never expires
 * @param cltt              client last transmission time, epoch seconds
 * @param subnetId          subnet identifier, 0..0xFFFFFFFF
 * @param fqdnFwd           whether a forward DNS update was done for this lease
 * @param fqdnRev           whether a reverse DNS update was done for this lease
 * @param hostname          the client's host name, {@code ""} if none
 * @param hwAddress         the client's hardware address when known (from the DUID or relay options), or
 *                          {@code null}
 * @param state             lease state ({@link LeaseState#REGISTERED} is allowed here)
 * @param userContext       JSON text of a map (Kea's user-context), or {@code null}
 * @param poolId            identifier of the pool the address or prefix came from, 0..0xFFFFFFFF (0 = default)
 */
public record Lease6(Bytes address, LeaseType6 type, int prefixLength, Bytes duid, long iaid,
                     long preferredLifetime, long validLifetime, long cltt, long subnetId, boolean fqdnFwd,
                     boolean fqdnRev, String hostname, HwAddress hwAddress, LeaseState state, String userContext,
                     long poolId) {

    /** Kea's infinite lifetime (0xFFFFFFFF): such a lease never expires. */
    public static final long INFINITE_LIFETIME = 0xFFFFFFFFL;

    /** Kea's {@code DUID::EMPTY()} (3.0+): the DUID of a declined lease, which belongs to no client. */
    public static final Bytes EMPTY_DUID = Bytes.of(new byte[3]);

    private static final long U32 = 0xFFFFFFFFL;

    public Lease6 {
        Objects.requireNonNull(address, "address");
        if (address.length() != 16) throw new IllegalArgumentException("address is not 16 bytes: " + address);
        Objects.requireNonNull(type, "type");
        if (type == LeaseType6.PD ? prefixLength < 1 || prefixLength > 128 : prefixLength != 128)
            throw new IllegalArgumentException("invalid prefix length " + prefixLength + " for a " + type + " lease");
        // Kea before 3.0 wrote the empty DUID as the single byte 00
        if (duid == null || duid.isEmpty() || (duid.length() == 1 && duid.get(0) == 0)) duid = EMPTY_DUID;
        checkU32(iaid, "iaid");
        checkU32(preferredLifetime, "preferred lifetime");
        checkU32(validLifetime, "valid lifetime");
        if (cltt < 0) throw new IllegalArgumentException("negative cltt: " + cltt);
        checkU32(subnetId, "subnet id");
        checkU32(poolId, "pool id");
        Objects.requireNonNull(state, "state");
        if (hwAddress != null && hwAddress.length() == 0) hwAddress = null;
        if (hostname == null) hostname = "";
        if (userContext != null && userContext.isBlank()) userContext = null;
    }

    private static void checkU32(long value, String what) {
        if (value < 0 || value > U32) throw new IllegalArgumentException(what + " out of range: " + value);
    }

    /** An NA lease in state DEFAULT with no DNS flags, host name, hardware address, user context or pool. */
    public static Lease6 na(Bytes address, Bytes duid, long iaid, long preferredLifetime, long validLifetime, long cltt,
                            long subnetId) {
        return new Lease6(address, LeaseType6.NA, 128, duid, iaid, preferredLifetime, validLifetime, cltt, subnetId,
                false, false, "", null, LeaseState.DEFAULT, null, 0);
    }

    /** A PD lease in state DEFAULT with no DNS flags, host name, hardware address, user context or pool. */
    public static Lease6 pd(Bytes prefix, int prefixLength, Bytes duid, long iaid, long preferredLifetime,
                            long validLifetime, long cltt, long subnetId) {
        return new Lease6(prefix, LeaseType6.PD, prefixLength, duid, iaid, preferredLifetime, validLifetime, cltt,
                subnetId, false, false, "", null, LeaseState.DEFAULT, null, 0);
    }

    /** Expiry time in epoch seconds: {@code cltt + validLifetime} (the value Kea stores in its "expire" column). */
    public long expire() {
        return cltt + validLifetime;
    }

    public boolean infinite() {
        return validLifetime == INFINITE_LIFETIME;
    }

    /** Whether the lease's lifetime has run out at {@code now}; an infinite lease never expires. */
    public boolean expired(long now) {
        return !infinite() && expire() < now;
    }

    /** The address (or prefix) as text, as Kea prints it. */
    public String addressText() {
        return Ipv6Text.format(address);
    }

    public Lease6 withState(LeaseState s) {
        return new Lease6(address, type, prefixLength, duid, iaid, preferredLifetime, validLifetime, cltt, subnetId,
                fqdnFwd, fqdnRev, hostname, hwAddress, s, userContext, poolId);
    }

    public Lease6 withCltt(long t) {
        return new Lease6(address, type, prefixLength, duid, iaid, preferredLifetime, validLifetime, t, subnetId,
                fqdnFwd, fqdnRev, hostname, hwAddress, state, userContext, poolId);
    }

    /** Both lifetimes at once, as a renewal sets them. */
    public Lease6 withLifetimes(long preferred, long valid) {
        return new Lease6(address, type, prefixLength, duid, iaid, preferred, valid, cltt, subnetId,
                fqdnFwd, fqdnRev, hostname, hwAddress, state, userContext, poolId);
    }

    public Lease6 withPreferredLifetime(long p) {
        return withLifetimes(p, validLifetime);
    }

    public Lease6 withValidLifetime(long v) {
        return withLifetimes(preferredLifetime, v);
    }

    public Lease6 withDuid(Bytes d) {
        return new Lease6(address, type, prefixLength, d, iaid, preferredLifetime, validLifetime, cltt, subnetId,
                fqdnFwd, fqdnRev, hostname, hwAddress, state, userContext, poolId);
    }

    public Lease6 withIaid(long i) {
        return new Lease6(address, type, prefixLength, duid, i, preferredLifetime, validLifetime, cltt, subnetId,
                fqdnFwd, fqdnRev, hostname, hwAddress, state, userContext, poolId);
    }

    public Lease6 withSubnetId(long id) {
        return new Lease6(address, type, prefixLength, duid, iaid, preferredLifetime, validLifetime, cltt, id,
                fqdnFwd, fqdnRev, hostname, hwAddress, state, userContext, poolId);
    }

    public Lease6 withFqdn(boolean fwd, boolean rev) {
        return new Lease6(address, type, prefixLength, duid, iaid, preferredLifetime, validLifetime, cltt, subnetId,
                fwd, rev, hostname, hwAddress, state, userContext, poolId);
    }

    public Lease6 withHostname(String h) {
        return new Lease6(address, type, prefixLength, duid, iaid, preferredLifetime, validLifetime, cltt, subnetId,
                fqdnFwd, fqdnRev, h, hwAddress, state, userContext, poolId);
    }

    public Lease6 withHwAddress(HwAddress hw) {
        return new Lease6(address, type, prefixLength, duid, iaid, preferredLifetime, validLifetime, cltt, subnetId,
                fqdnFwd, fqdnRev, hostname, hw, state, userContext, poolId);
    }

    public Lease6 withUserContext(String json) {
        return new Lease6(address, type, prefixLength, duid, iaid, preferredLifetime, validLifetime, cltt, subnetId,
                fqdnFwd, fqdnRev, hostname, hwAddress, state, json, poolId);
    }

    public Lease6 withPoolId(long id) {
        return new Lease6(address, type, prefixLength, duid, iaid, preferredLifetime, validLifetime, cltt, subnetId,
                fqdnFwd, fqdnRev, hostname, hwAddress, state, userContext, id);
    }

    @Override
    public String toString() {
        return "Lease6[" + type + " " + addressText() + (type == LeaseType6.PD ? "/" + prefixLength : "")
                + " duid=" + duid + " iaid=" + iaid + " pref=" + preferredLifetime + " valid=" + validLifetime
                + " cltt=" + cltt + " subnet=" + subnetId + " fqdn=" + fqdnFwd + "/" + fqdnRev + " host='" + hostname
                + "' hw=" + (hwAddress == null ? "null" : hwAddress.htype() + "/" + hwAddress) + " state=" + state
                + " ctx=" + userContext + " pool=" + poolId + "]";
    }
}
