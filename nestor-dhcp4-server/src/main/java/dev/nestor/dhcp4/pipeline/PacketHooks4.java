package dev.nestor.dhcp4.pipeline;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.Subnet4;
import dev.nestor.ddns.client.NameDecision;
import dev.nestor.dhcp4.Dhcp4Runtime;
import dev.nestor.dhcp4.ddns.ClientNames4;
import dev.nestor.engine.alloc.ClientContext4;
import dev.nestor.engine.alloc.LeaseCallouts4;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.runtime.HookDispatcher;
import dev.nestor.hooks.runtime.Outcome;
import dev.nestor.hooks.v4.Ddns4Update;
import dev.nestor.hooks.v4.Envelope4;
import dev.nestor.hooks.v4.Host4Identifier;
import dev.nestor.hooks.v4.Lease4Decline;
import dev.nestor.hooks.v4.Lease4Release;
import dev.nestor.hooks.v4.Lease4Renew;
import dev.nestor.hooks.v4.Lease4Select;
import dev.nestor.hooks.v4.Pkt4Receive;
import dev.nestor.hooks.v4.Subnet4Select;
import dev.nestor.hooks.v4.SubnetInfo4;
import dev.nestor.lease.Lease4;
import dev.nestor.transport.InboundDatagram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The DHCPv4 hook points that sit inside the query stages, with Kea's meaning of each next step. A point without
 * callouts costs one map lookup and builds no event. DROP (or a failing callout) aborts the packet with
 * {@link PacketDrop}.
 */
final class PacketHooks4 {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4.hooks");

    private PacketHooks4() {}

    static HookDispatcher of(Exchange4 ex) { return ex.runtime().hooks().dispatcher(); }

    static Envelope4 envelope(InboundDatagram in) {
        return new Envelope4(in.interfaceName(), in.interfaceIndex(), in.sourceAddress(), in.sourcePort(), in.destinationAddress());
    }

    static SubnetInfo4 info(Subnet4 s) { return s == null ? null : Dhcp4Runtime.info(s); }

    /** Aborts on a failed callout or on DROP; {@return the outcome otherwise} */
    static <E> Outcome<E> check(HookPoint<E> point, Outcome<E> o) {
        if (o.failed()) throw new PacketDrop("hook library '" + o.failedLibrary() + "' failed in " + point.name(), true);
        if (o.is(NextStep.DROP)) throw new PacketDrop(point.name() + " callout dropped the packet", false);
        return o;
    }

    /** pkt4_receive: SKIP or DROP drop the packet; the query and its classes may change. */
    static Exchange4 pktReceive(Exchange4 ex) {
        HookDispatcher d = of(ex);
        if (!d.has(HookPoint.PKT4_RECEIVE)) return ex;
        Outcome<Pkt4Receive> o = check(HookPoint.PKT4_RECEIVE,
                d.fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(envelope(ex.datagram()), ex.query(), ex.classes())));
        if (o.is(NextStep.SKIP)) throw new PacketDrop("pkt4_receive callout skipped the packet", false);
        return new Exchange4(ex.datagram(), o.event().query(), ex.runtime(), o.event().classes(), ex.subnet(),
                ex.reservation(), ex.pool(), ex.serverId());
    }

    /** subnet4_select: SKIP = no subnet, DROP = drop; a callout may pick another configured subnet. */
    static Exchange4 subnetSelect(Exchange4 ex) {
        HookDispatcher d = of(ex);
        if (!d.has(HookPoint.SUBNET4_SELECT)) return ex;
        Outcome<Subnet4Select> o = check(HookPoint.SUBNET4_SELECT, d.fire(HookPoint.SUBNET4_SELECT,
                new Subnet4Select(envelope(ex.datagram()), ex.query(), ex.classes(), info(ex.subnet()), ex.runtime().subnetInfos())));
        if (o.is(NextStep.SKIP)) return ex.withSubnet(null);
        SubnetInfo4 chosen = o.event().subnet();
        if (chosen == null) return ex.withSubnet(null);
        if (ex.subnet() != null && chosen.id() == ex.subnet().id()) return ex;
        Optional<Subnet4> s = ex.runtime().config().subnet(chosen.id());
        if (s.isEmpty() || !s.get().prefix().equals(chosen.prefix())) {
            log.warn("subnet4_select callout chose subnet {} which is not configured: ignored", chosen);
            return ex;
        }
        return ex.withSubnet(s.get());
    }

    /**
     * host4_identifier: the flex-id of the query as the callouts (flex_id) compute it; null when there are no
     * callouts, a callout answered anything but CONTINUE, or the identifier is empty.
     */
    static Bytes hostIdentifier(Exchange4 ex) {
        HookDispatcher d = of(ex);
        if (!d.has(HookPoint.HOST4_IDENTIFIER)) return null;
        Outcome<Host4Identifier> o = d.fire(HookPoint.HOST4_IDENTIFIER, new Host4Identifier(ex.query(), Bytes.EMPTY));
        if (o.failed()) throw new PacketDrop("hook library '" + o.failedLibrary() + "' failed in host4_identifier", true);
        if (!o.is(NextStep.CONTINUE) || o.event().identifier().isEmpty()) return null;
        return o.event().identifier();
    }

    /** lease4_select and lease4_renew, run by the allocation engine at its decision points. */
    static LeaseCallouts4 leaseCallouts(Exchange4 ex) {
        HookDispatcher d = of(ex);
        if (!d.has(HookPoint.LEASE4_SELECT) && !d.has(HookPoint.LEASE4_RENEW)) return LeaseCallouts4.NONE;
        Dhcp4Packet q = ex.query();
        return new LeaseCallouts4() {
            @Override
            public Optional<Lease4> select(ClientContext4 ctx, Subnet4 subnet, Lease4 lease) {
                if (!d.has(HookPoint.LEASE4_SELECT)) return Optional.of(lease);
                Outcome<Lease4Select> o = check(HookPoint.LEASE4_SELECT,
                        d.fire(HookPoint.LEASE4_SELECT, new Lease4Select(q, info(subnet), ctx.fakeAllocation(), lease)));
                return o.is(NextStep.SKIP) ? Optional.empty() : Optional.of(o.event().lease());
            }

            @Override
            public Optional<Lease4> renew(ClientContext4 ctx, Subnet4 subnet, Lease4 renewed) {
                if (!d.has(HookPoint.LEASE4_RENEW)) return Optional.of(renewed);
                Outcome<Lease4Renew> o = check(HookPoint.LEASE4_RENEW, d.fire(HookPoint.LEASE4_RENEW,
                        new Lease4Renew(q, info(subnet), ctx.hwAddress(), ctx.clientId(), renewed)));
                return o.is(NextStep.SKIP) ? Optional.empty() : Optional.of(o.event().lease());
            }
        };
    }

    /** lease4_release: SKIP or DROP keep the lease; the released lease is recorded for leases4_committed. */
    static Predicate<Lease4> release(Exchange4 ex, List<Lease4> released) {
        HookDispatcher d = of(ex);
        return lease -> {
            if (d.has(HookPoint.LEASE4_RELEASE)) {
                Outcome<Lease4Release> o = d.fire(HookPoint.LEASE4_RELEASE, new Lease4Release(ex.query(), lease));
                if (o.failed()) throw new PacketDrop("hook library '" + o.failedLibrary() + "' failed in lease4_release", true);
                if (!o.is(NextStep.CONTINUE)) return false;
            }
            released.add(lease);
            return true;
        };
    }

    /** lease4_decline: SKIP or DROP leave the lease as it is. */
    static Predicate<Lease4> decline(Exchange4 ex) {
        HookDispatcher d = of(ex);
        return lease -> {
            if (!d.has(HookPoint.LEASE4_DECLINE)) return true;
            Outcome<Lease4Decline> o = d.fire(HookPoint.LEASE4_DECLINE, new Lease4Decline(ex.query(), lease));
            if (o.failed()) throw new PacketDrop("hook library '" + o.failedLibrary() + "' failed in lease4_decline", true);
            return o.is(NextStep.CONTINUE);
        };
    }

    /**
     * ddns4_update: a callout may change the host name and the update directions (Kea fires it in
     * processClientName, before the name is generated). The response it sees is a skeleton carrying the answer option.
     */
    static NameDecision ddnsUpdate(Exchange4 ex, NameDecision d) {
        HookDispatcher h = of(ex);
        if (!h.has(HookPoint.DDNS4_UPDATE)) return d;
        Dhcp4Packet response = ClientNames4.answer(Dhcp4Packet.replyTo(ex.query()), d);
        Outcome<Ddns4Update> o = check(HookPoint.DDNS4_UPDATE, h.fire(HookPoint.DDNS4_UPDATE,
                new Ddns4Update(ex.query(), response, info(ex.subnet()), d.hostname(), d.forward(), d.reverse())));
        return d.withHookResult(o.event().hostname(), o.event().forwardUpdate(), o.event().reverseUpdate());
    }

    static Bytes bytes(byte[] b) { return Bytes.of(b); }
}
