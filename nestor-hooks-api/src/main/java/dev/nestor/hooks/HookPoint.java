package dev.nestor.hooks;

import static dev.nestor.hooks.NextStep.CONTINUE;
import static dev.nestor.hooks.NextStep.DROP;
import static dev.nestor.hooks.NextStep.PARK;
import static dev.nestor.hooks.NextStep.SKIP;

import dev.nestor.hooks.v4.Buffer4Receive;
import dev.nestor.hooks.v4.Buffer4Send;
import dev.nestor.hooks.v4.Ddns4Update;
import dev.nestor.hooks.v4.Dhcp4SrvConfigured;
import dev.nestor.hooks.v4.Host4Identifier;
import dev.nestor.hooks.v4.Lease4Decline;
import dev.nestor.hooks.v4.Lease4Expire;
import dev.nestor.hooks.v4.Lease4Offer;
import dev.nestor.hooks.v4.Lease4Recover;
import dev.nestor.hooks.v4.Lease4Release;
import dev.nestor.hooks.v4.Lease4Renew;
import dev.nestor.hooks.v4.Lease4Select;
import dev.nestor.hooks.v4.Lease4ServerDecline;
import dev.nestor.hooks.v4.Leases4Committed;
import dev.nestor.hooks.v4.Pkt4Receive;
import dev.nestor.hooks.v4.Pkt4Send;
import dev.nestor.hooks.v4.Subnet4Select;
import dev.nestor.hooks.v6.Buffer6Receive;
import dev.nestor.hooks.v6.Buffer6Send;
import dev.nestor.hooks.v6.Host6Identifier;
import dev.nestor.hooks.v6.Lease6Decline;
import dev.nestor.hooks.v6.Lease6Expire;
import dev.nestor.hooks.v6.Lease6Rebind;
import dev.nestor.hooks.v6.Lease6Recover;
import dev.nestor.hooks.v6.Lease6Release;
import dev.nestor.hooks.v6.Lease6Renew;
import dev.nestor.hooks.v6.Lease6Select;
import dev.nestor.hooks.v6.Leases6Committed;
import dev.nestor.hooks.v6.Pkt6Receive;
import dev.nestor.hooks.v6.Pkt6Send;
import dev.nestor.hooks.v6.Subnet6Select;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named place in a server's processing where callouts run, with Kea's name and the type of event its callouts
 * receive (so a callout is type-checked against its point at compile time). The constants below are every point
 * of the DHCPv4 and DHCPv6 servers; each event type documents the data it carries, which fields a callout may
 * change, and what each next step means there ({@link #allows} lists the honoured steps).
 *
 * <p>Points listed in Kea's processing order. Identity is by name.
 */
public final class HookPoint<E> {
    /** Which server fires a point. */
    public enum Family { DHCP4, DHCP6, ANY }

    // ---- DHCPv4 (Kea src/bin/dhcp4/dhcp4_hooks.dox) ----
    public static final HookPoint<Dhcp4SrvConfigured> DHCP4_SRV_CONFIGURED = v4("dhcp4_srv_configured", Dhcp4SrvConfigured.class, DROP);
    public static final HookPoint<Buffer4Receive> BUFFER4_RECEIVE = v4("buffer4_receive", Buffer4Receive.class, SKIP, DROP);
    public static final HookPoint<Pkt4Receive> PKT4_RECEIVE = v4("pkt4_receive", Pkt4Receive.class, SKIP, DROP);
    public static final HookPoint<Subnet4Select> SUBNET4_SELECT = v4("subnet4_select", Subnet4Select.class, SKIP, DROP);
    public static final HookPoint<Host4Identifier> HOST4_IDENTIFIER = v4("host4_identifier", Host4Identifier.class, SKIP, DROP);
    public static final HookPoint<Lease4Select> LEASE4_SELECT = v4("lease4_select", Lease4Select.class, SKIP);
    public static final HookPoint<Lease4Renew> LEASE4_RENEW = v4("lease4_renew", Lease4Renew.class, SKIP);
    public static final HookPoint<Lease4Release> LEASE4_RELEASE = v4("lease4_release", Lease4Release.class, SKIP, DROP);
    public static final HookPoint<Lease4Decline> LEASE4_DECLINE = v4("lease4_decline", Lease4Decline.class, SKIP, DROP);
    public static final HookPoint<Ddns4Update> DDNS4_UPDATE = v4("ddns4_update", Ddns4Update.class);
    public static final HookPoint<Leases4Committed> LEASES4_COMMITTED = v4("leases4_committed", Leases4Committed.class, DROP, PARK);
    public static final HookPoint<Lease4Offer> LEASE4_OFFER = v4("lease4_offer", Lease4Offer.class, DROP, PARK);
    public static final HookPoint<Pkt4Send> PKT4_SEND = v4("pkt4_send", Pkt4Send.class, SKIP, DROP);
    public static final HookPoint<Buffer4Send> BUFFER4_SEND = v4("buffer4_send", Buffer4Send.class, SKIP, DROP);
    public static final HookPoint<Lease4Expire> LEASE4_EXPIRE = v4("lease4_expire", Lease4Expire.class, SKIP);
    public static final HookPoint<Lease4Recover> LEASE4_RECOVER = v4("lease4_recover", Lease4Recover.class, SKIP);
    /** Since API 1.1. */
    public static final HookPoint<Lease4ServerDecline> LEASE4_SERVER_DECLINE = v4("lease4_server_decline", Lease4ServerDecline.class);

    // ---- DHCPv6 (Kea src/bin/dhcp6/dhcp6_hooks.dox) ----
    public static final HookPoint<Buffer6Receive> BUFFER6_RECEIVE = v6("buffer6_receive", Buffer6Receive.class, SKIP, DROP);
    public static final HookPoint<Pkt6Receive> PKT6_RECEIVE = v6("pkt6_receive", Pkt6Receive.class, SKIP, DROP);
    public static final HookPoint<Subnet6Select> SUBNET6_SELECT = v6("subnet6_select", Subnet6Select.class, SKIP, DROP);
    /** Since API 1.2. */
    public static final HookPoint<Host6Identifier> HOST6_IDENTIFIER = v6("host6_identifier", Host6Identifier.class, SKIP, DROP);
    public static final HookPoint<Lease6Select> LEASE6_SELECT = v6("lease6_select", Lease6Select.class, SKIP);
    public static final HookPoint<Lease6Renew> LEASE6_RENEW = v6("lease6_renew", Lease6Renew.class, SKIP);
    public static final HookPoint<Lease6Rebind> LEASE6_REBIND = v6("lease6_rebind", Lease6Rebind.class, SKIP);
    public static final HookPoint<Lease6Decline> LEASE6_DECLINE = v6("lease6_decline", Lease6Decline.class, SKIP, DROP);
    public static final HookPoint<Lease6Release> LEASE6_RELEASE = v6("lease6_release", Lease6Release.class, SKIP, DROP);
    public static final HookPoint<dev.nestor.hooks.v6.Ddns6Update> DDNS6_UPDATE = v6("ddns6_update", dev.nestor.hooks.v6.Ddns6Update.class);
    public static final HookPoint<Leases6Committed> LEASES6_COMMITTED = v6("leases6_committed", Leases6Committed.class, DROP, PARK);
    public static final HookPoint<Pkt6Send> PKT6_SEND = v6("pkt6_send", Pkt6Send.class, SKIP, DROP);
    public static final HookPoint<Buffer6Send> BUFFER6_SEND = v6("buffer6_send", Buffer6Send.class, SKIP, DROP);
    public static final HookPoint<Lease6Expire> LEASE6_EXPIRE = v6("lease6_expire", Lease6Expire.class, SKIP);
    public static final HookPoint<Lease6Recover> LEASE6_RECOVER = v6("lease6_recover", Lease6Recover.class, SKIP);

    // ---- both servers ----
    public static final HookPoint<CommandProcessed> COMMAND_PROCESSED =
            new HookPoint<>("command_processed", CommandProcessed.class, Family.ANY, EnumSet.of(CONTINUE));

    private static final List<HookPoint<?>> ALL = List.of(DHCP4_SRV_CONFIGURED, BUFFER4_RECEIVE, PKT4_RECEIVE,
            SUBNET4_SELECT, HOST4_IDENTIFIER, LEASE4_SELECT, LEASE4_RENEW, LEASE4_RELEASE, LEASE4_DECLINE, DDNS4_UPDATE,
            LEASES4_COMMITTED, LEASE4_OFFER, PKT4_SEND, BUFFER4_SEND, LEASE4_EXPIRE, LEASE4_RECOVER, LEASE4_SERVER_DECLINE,
            BUFFER6_RECEIVE, PKT6_RECEIVE, SUBNET6_SELECT, HOST6_IDENTIFIER, LEASE6_SELECT, LEASE6_RENEW, LEASE6_REBIND, LEASE6_DECLINE,
            LEASE6_RELEASE, DDNS6_UPDATE, LEASES6_COMMITTED, PKT6_SEND, BUFFER6_SEND, LEASE6_EXPIRE, LEASE6_RECOVER, COMMAND_PROCESSED);

    private final String name;
    private final Class<E> eventType;
    private final Family family;
    private final Set<NextStep> allowed;

    private HookPoint(String name, Class<E> eventType, Family family, Set<NextStep> allowed) {
        this.name = Objects.requireNonNull(name);
        this.eventType = Objects.requireNonNull(eventType);
        this.family = family;
        this.allowed = Collections.unmodifiableSet(EnumSet.copyOf(allowed));
    }

    private static <E> HookPoint<E> v4(String name, Class<E> type, NextStep... steps) {
        return new HookPoint<>(name, type, Family.DHCP4, steps(steps));
    }

    private static <E> HookPoint<E> v6(String name, Class<E> type, NextStep... steps) {
        return new HookPoint<>(name, type, Family.DHCP6, steps(steps));
    }

    private static Set<NextStep> steps(NextStep... steps) {
        EnumSet<NextStep> s = EnumSet.of(CONTINUE);
        s.addAll(List.of(steps));
        return s;
    }

    /** {@return Kea's name of the point, e.g. "pkt4_receive"} */
    public String name() { return name; }

    /** {@return the type of event callouts at this point receive} */
    public Class<E> eventType() { return eventType; }

    public Family family() { return family; }

    /** {@return the next steps the server honours here (always including CONTINUE)} */
    public Set<NextStep> allowedSteps() { return allowed; }

    public boolean allows(NextStep step) { return allowed.contains(step); }

    /** {@return every hook point, in Kea's processing order (v4, v6, then shared ones)} */
    public static List<HookPoint<?>> all() { return ALL; }

    /** {@return the point with this Kea name} */
    public static Optional<HookPoint<?>> byName(String name) {
        for (HookPoint<?> p : ALL) if (p.name.equals(name)) return Optional.of(p);
        return Optional.empty();
    }

    @Override public boolean equals(Object o) { return o instanceof HookPoint<?> p && p.name.equals(name); }

    @Override public int hashCode() { return name.hashCode(); }

    @Override public String toString() { return name; }
}
