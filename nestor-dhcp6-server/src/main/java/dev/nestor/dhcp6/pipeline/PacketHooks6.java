package dev.nestor.dhcp6.pipeline;

import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.config.model.Subnet6;
import dev.nestor.dhcp6.Dhcp6Runtime;
import dev.nestor.engine.v6.ClientContext6;
import dev.nestor.engine.v6.LeaseCallouts6;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.runtime.HookDispatcher;
import dev.nestor.hooks.runtime.Outcome;
import dev.nestor.hooks.v6.Envelope6;
import dev.nestor.hooks.v6.Host6Identifier;
import dev.nestor.hooks.v6.Lease6Decline;
import dev.nestor.hooks.v6.Lease6Rebind;
import dev.nestor.hooks.v6.Lease6Release;
import dev.nestor.hooks.v6.Lease6Renew;
import dev.nestor.hooks.v6.Lease6Select;
import dev.nestor.hooks.v6.Pkt6Receive;
import dev.nestor.hooks.v6.Subnet6Select;
import dev.nestor.hooks.v6.SubnetInfo6;
import dev.nestor.lease.Lease6;
import dev.nestor.transport.InboundDatagram6;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The DHCPv6 hook points inside the query stages, with Kea's meaning of each next step (src/bin/dhcp6/dhcp6_hooks.dox).
 * A point without callouts costs one map lookup and builds no event. DROP (or a failing callout) aborts the query
 * with {@link PacketDrop6}.
 */
final class PacketHooks6 {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp6.hooks");

    private PacketHooks6() {}

    static HookDispatcher of(Exchange6 ex) { return ex.runtime().hooks().dispatcher(); }

    static Envelope6 envelope(InboundDatagram6 in) {
        return new Envelope6(in.interfaceName(), in.interfaceIndex(), Bytes.of(in.sourceAddress()), in.sourcePort(),
                Bytes.of(in.destinationAddress()));
    }

    static SubnetInfo6 info(Subnet6 s) { return s == null ? null : Dhcp6Runtime.info(s); }

    /** Aborts on a failed callout or on DROP; {@return the outcome otherwise} */
    static <E> Outcome<E> check(HookPoint<E> point, Outcome<E> o) {
        if (o.failed()) throw new PacketDrop6("hook library '" + o.failedLibrary() + "' failed in " + point.name(), true);
        if (o.is(NextStep.DROP)) throw new PacketDrop6(point.name() + " callout dropped the packet", false);
        return o;
    }

    /** pkt6_receive: SKIP or DROP drop the query; the query (as received) and its classes may change. */
    static Exchange6 pktReceive(Exchange6 ex) {
        HookDispatcher d = of(ex);
        if (!d.has(HookPoint.PKT6_RECEIVE)) return ex;
        Outcome<Pkt6Receive> o = check(HookPoint.PKT6_RECEIVE,
                d.fire(HookPoint.PKT6_RECEIVE, new Pkt6Receive(envelope(ex.datagram()), ex.packet(), ex.classes())));
        if (o.is(NextStep.SKIP)) throw new PacketDrop6("pkt6_receive callout skipped the packet", false);
        Exchange6 out = ex.withClasses(o.event().classes());
        if (o.event().query().equals(ex.packet())) return out;
        try {
            RelayChain chain = RelayChain.unwrap(o.event().query());
            Dhcp6Message q = chain.client();
            return new Exchange6(out.datagram(), chain, out.runtime(), q.clientId().orElse(null), out.classes(),
                    out.subnet(), out.reservation(), out.pool(), out.pdPool());
        } catch (WireFormatException e) {
            throw new PacketDrop6("pkt6_receive callout returned a malformed packet: " + e.getMessage(), true);
        }
    }

    /** subnet6_select: SKIP = no subnet, DROP = drop; a callout may pick another configured subnet. */
    static Exchange6 subnetSelect(Exchange6 ex) {
        HookDispatcher d = of(ex);
        if (!d.has(HookPoint.SUBNET6_SELECT)) return ex;
        Outcome<Subnet6Select> o = check(HookPoint.SUBNET6_SELECT, d.fire(HookPoint.SUBNET6_SELECT,
                new Subnet6Select(envelope(ex.datagram()), ex.packet(), ex.classes(), info(ex.subnet()), ex.runtime().subnetInfos())));
        if (o.is(NextStep.SKIP)) return ex.withSubnet(null);
        SubnetInfo6 chosen = o.event().subnet();
        if (chosen == null) return ex.withSubnet(null);
        if (ex.subnet() != null && chosen.id() == ex.subnet().id()) return ex;
        Optional<Subnet6> s = ex.runtime().config().subnets().stream().filter(x -> x.id() == chosen.id()).findFirst();
        if (s.isEmpty() || !s.get().prefix().equals(chosen.prefix())) {
            log.warn("subnet6_select callout chose subnet {} which is not configured: ignored", chosen);
            return ex;
        }
        return ex.withSubnet(s.get());
    }

    /**
     * host6_identifier: the identifier the callouts (flex_id) compute for the reservation lookup; null when there are
     * no callouts, a callout answered anything but CONTINUE, or the identifier is empty. A failing callout drops.
     */
    static Host6Identifier hostIdentifier(Exchange6 ex) {
        HookDispatcher d = of(ex);
        if (!d.has(HookPoint.HOST6_IDENTIFIER)) return null;
        Outcome<Host6Identifier> o = d.fire(HookPoint.HOST6_IDENTIFIER, new Host6Identifier(ex.packet()));
        if (o.failed()) throw new PacketDrop6("hook library '" + o.failedLibrary() + "' failed in host6_identifier", true);
        if (!o.is(NextStep.CONTINUE) || o.event().identifier().isEmpty()) return null;
        return o.event();
    }

    /** lease6_select, lease6_renew and lease6_rebind, run by the allocation engine at its decision points. */
    static LeaseCallouts6 leaseCallouts(Exchange6 ex) {
        HookDispatcher d = of(ex);
        if (!d.has(HookPoint.LEASE6_SELECT) && !d.has(HookPoint.LEASE6_RENEW) && !d.has(HookPoint.LEASE6_REBIND)) {
            return LeaseCallouts6.NONE;
        }
        var q = ex.packet();
        return new LeaseCallouts6() {
            @Override
            public Optional<Lease6> select(ClientContext6 ctx, Subnet6 subnet, Lease6 lease) {
                if (!d.has(HookPoint.LEASE6_SELECT)) return Optional.of(lease);
                Outcome<Lease6Select> o = check(HookPoint.LEASE6_SELECT,
                        d.fire(HookPoint.LEASE6_SELECT, new Lease6Select(q, info(subnet), ctx.fakeAllocation(), lease)));
                return o.is(NextStep.SKIP) ? Optional.empty() : Optional.of(o.event().lease());
            }

            @Override
            public Optional<Lease6> extend(ClientContext6 ctx, Subnet6 subnet, Lease6 extended, boolean rebind) {
                if (rebind) {
                    if (!d.has(HookPoint.LEASE6_REBIND)) return Optional.of(extended);
                    Outcome<Lease6Rebind> o = check(HookPoint.LEASE6_REBIND,
                            d.fire(HookPoint.LEASE6_REBIND, new Lease6Rebind(q, info(subnet), extended)));
                    return o.is(NextStep.SKIP) ? Optional.empty() : Optional.of(o.event().lease());
                }
                if (!d.has(HookPoint.LEASE6_RENEW)) return Optional.of(extended);
                Outcome<Lease6Renew> o = check(HookPoint.LEASE6_RENEW,
                        d.fire(HookPoint.LEASE6_RENEW, new Lease6Renew(q, info(subnet), extended)));
                return o.is(NextStep.SKIP) ? Optional.empty() : Optional.of(o.event().lease());
            }
        };
    }

    /** lease6_release: SKIP keeps the lease, DROP drops the query; released leases are recorded for leases6_committed. */
    static Predicate<Lease6> release(Exchange6 ex, List<Lease6> released) {
        return proceeding(ex, HookPoint.LEASE6_RELEASE, l -> new Lease6Release(ex.packet(), l), released::add);
    }

    /** lease6_decline: SKIP leaves the lease, DROP drops the query; declined addresses are recorded. */
    static Predicate<Lease6> decline(Exchange6 ex, List<Bytes> declined) {
        return proceeding(ex, HookPoint.LEASE6_DECLINE, l -> new Lease6Decline(ex.packet(), l), l -> declined.add(l.address()));
    }

    /** Fires {@code point} for a lease about to change; SKIP answers false, anything else records it and answers true. */
    private static <E> Predicate<Lease6> proceeding(Exchange6 ex, HookPoint<E> point, Function<Lease6, E> event, Consumer<Lease6> record) {
        HookDispatcher d = of(ex);
        return lease -> {
            if (d.has(point) && check(point, d.fire(point, event.apply(lease))).is(NextStep.SKIP)) return false;
            record.accept(lease);
            return true;
        };
    }

    /**
     * ddns6_update: a callout may change the host name and the update directions (Kea fires it in processClientFqdn,
     * only when the server answers with a Client FQDN option). The response it sees is a skeleton carrying that option.
     */
    static dev.nestor.ddns.client.NameDecision ddnsUpdate(Exchange6 ex, dev.nestor.ddns.client.NameDecision d) {
        HookDispatcher h = of(ex);
        if (!h.has(HookPoint.DDNS6_UPDATE) || d.answer() != dev.nestor.ddns.client.NameDecision.Answer.FQDN) return d;
        var response = dev.nestor.dhcp6.ddns.ClientNames6.answer(
                dev.nestor.codec.v6.Dhcp6Message.replyTo(ex.query(), dev.nestor.codec.v6.MessageType6.REPLY), d);
        Outcome<dev.nestor.hooks.v6.Ddns6Update> o = check(HookPoint.DDNS6_UPDATE, h.fire(HookPoint.DDNS6_UPDATE,
                new dev.nestor.hooks.v6.Ddns6Update(ex.query(), response, info(ex.subnet()), d.hostname(), d.forward(), d.reverse())));
        return d.withHookResult(o.event().hostname(), o.event().forwardUpdate(), o.event().reverseUpdate());
    }
}
