package dev.nestor.lease;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import java.util.Objects;

/**
 * A DHCPv4 lease as stored: the fields of Kea's {@code Lease4} that lease files and databases keep.
 * Immutable; stores compare leases with {@link #equals} for compare-and-set, so every field takes part.
 *
 * <p>Normalisation (so that a lease read back from storage equals the one written): an empty hardware
 * address or client identifier becomes {@code null}, a {@code null} hostname becomes {@code ""}, and an empty
 * user context becomes {@code null}.
 *
 * @param address       the leased IPv4 address as an unsigned int (see {@link Ipv4})
 * @param hwAddress     the client's hardware address, or {@code null} (declined leases have none)
 * @param clientId      the client identifier (option 61), or {@code null}
 * @param validLifetime valid lifetime in seconds, 0..0xFFFFFFFF; {@link #INFINITE_LIFETIME} never expires
 * @param cltt          client last transmission time, epoch seconds
 * @param subnetId      subnet identifier, 0..0xFFFFFFFF
 * @param fqdnFwd       whether a forward DNS update was done for this lease
 * @param fqdnRev       whether a reverse DNS update was done for this lease
 * @param hostname      the client's host name, {@code ""} if none
 * @param state         lease state
 * @param userContext   JSON text of a map (Kea's user-context), or {@code null}
 * @param poolId        identifier of the pool the address came from, 0..0xFFFFFFFF (0 = default)
 */
public record Lease4(int address, HwAddress hwAddress, Bytes clientId, long validLifetime, long cltt,
                     long subnetId, boolean fqdnFwd, boolean fqdnRev, String hostname, LeaseState state,
                     String userContext, long poolId) {

    /** Kea's infinite lifetime (0xFFFFFFFF): such a lease never expires. */
    public static final long INFINITE_LIFETIME = 0xFFFFFFFFL;

    public Lease4 {
        if (validLifetime < 0 || validLifetime > INFINITE_LIFETIME)
            throw new IllegalArgumentException("valid lifetime out of range: " + validLifetime);
        if (cltt < 0) throw new IllegalArgumentException("negative cltt: " + cltt);
        if (subnetId < 0 || subnetId > 0xFFFFFFFFL) throw new IllegalArgumentException("subnet id out of range: " + subnetId);
        if (poolId < 0 || poolId > 0xFFFFFFFFL) throw new IllegalArgumentException("pool id out of range: " + poolId);
        Objects.requireNonNull(state, "state");
        if (state == LeaseState.REGISTERED) throw new IllegalArgumentException("REGISTERED is a DHCPv6-only lease state");
        if (hwAddress != null && hwAddress.length() == 0) hwAddress = null;
        if (clientId != null && clientId.isEmpty()) clientId = null;
        if (hostname == null) hostname = "";
        if (userContext != null && userContext.isBlank()) userContext = null;
    }

    /** A lease in state DEFAULT with no DNS flags, host name, user context or pool. */
    public static Lease4 of(int address, HwAddress hwAddress, Bytes clientId, long validLifetime, long cltt, long subnetId) {
        return new Lease4(address, hwAddress, clientId, validLifetime, cltt, subnetId, false, false, "",
                LeaseState.DEFAULT, null, 0);
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

    public Lease4 withState(LeaseState s) {
        return new Lease4(address, hwAddress, clientId, validLifetime, cltt, subnetId, fqdnFwd, fqdnRev, hostname, s, userContext, poolId);
    }

    public Lease4 withCltt(long t) {
        return new Lease4(address, hwAddress, clientId, validLifetime, t, subnetId, fqdnFwd, fqdnRev, hostname, state, userContext, poolId);
    }

    public Lease4 withValidLifetime(long v) {
        return new Lease4(address, hwAddress, clientId, v, cltt, subnetId, fqdnFwd, fqdnRev, hostname, state, userContext, poolId);
    }

    public Lease4 withHostname(String h) {
        return new Lease4(address, hwAddress, clientId, validLifetime, cltt, subnetId, fqdnFwd, fqdnRev, h, state, userContext, poolId);
    }

    public Lease4 withHwAddress(HwAddress hw) {
        return new Lease4(address, hw, clientId, validLifetime, cltt, subnetId, fqdnFwd, fqdnRev, hostname, state, userContext, poolId);
    }

    public Lease4 withClientId(Bytes id) {
        return new Lease4(address, hwAddress, id, validLifetime, cltt, subnetId, fqdnFwd, fqdnRev, hostname, state, userContext, poolId);
    }

    public Lease4 withSubnetId(long id) {
        return new Lease4(address, hwAddress, clientId, validLifetime, cltt, id, fqdnFwd, fqdnRev, hostname, state, userContext, poolId);
    }

    public Lease4 withUserContext(String json) {
        return new Lease4(address, hwAddress, clientId, validLifetime, cltt, subnetId, fqdnFwd, fqdnRev, hostname, state, json, poolId);
    }

    public Lease4 withFqdn(boolean fwd, boolean rev) {
        return new Lease4(address, hwAddress, clientId, validLifetime, cltt, subnetId, fwd, rev, hostname, state, userContext, poolId);
    }

    public Lease4 withPoolId(long id) {
        return new Lease4(address, hwAddress, clientId, validLifetime, cltt, subnetId, fqdnFwd, fqdnRev, hostname, state, userContext, id);
    }

    @Override
    public String toString() {
        return "Lease4[" + Ipv4.toString(address) + " hw=" + hwAddress + " cid=" + clientId + " valid=" + validLifetime
                + " cltt=" + cltt + " subnet=" + subnetId + " fqdn=" + fqdnFwd + "/" + fqdnRev + " host='" + hostname
                + "' state=" + state + " ctx=" + userContext + " pool=" + poolId + "]";
    }
}
