package dev.nestor.dhcp4.pipeline;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.v4.Dhcp4Codec;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.config.model.Pool4;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.ddns.client.NameDecision;
import dev.nestor.dhcp4.Dhcp4Runtime;
import dev.nestor.dhcp4.ddns.ClientNames4;
import dev.nestor.dhcp4.ddns.DnsUpdates4;
import dev.nestor.dhcp4.ddns.RequestNames4;
import dev.nestor.dhcp4.respond.ReplyRouting4;
import dev.nestor.dhcp4.respond.ResponseBuilder4;
import dev.nestor.engine.alloc.AllocationEngine4;
import dev.nestor.engine.alloc.ClientContext4;
import dev.nestor.engine.alloc.LeaseDecision;
import dev.nestor.engine.alloc.LeaseRelease4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.hooks.runtime.HookDispatcher;
import dev.nestor.hooks.runtime.Outcome;
import dev.nestor.hooks.v4.Buffer4Receive;
import dev.nestor.hooks.v4.Buffer4Send;
import dev.nestor.hooks.v4.Lease4Offer;
import dev.nestor.hooks.v4.Leases4Committed;
import dev.nestor.hooks.v4.Pkt4Send;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.lease.jdbc.DatabaseException;
import dev.nestor.transport.InboundDatagram;
import dev.nestor.transport.OutboundDatagram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The DHCPv4 packet path, one method per stage: decode → classify → dispatch by message type → (select subnet →
 * find reservation → allocate) → build reply → route. Stateless apart from its collaborators; safe to call from
 * many threads as long as one client's packets are not processed concurrently (see ClientSerializer).
 *
 * <p>Hook points fire where Kea fires them: buffer4_receive before decoding, pkt4_receive after classification,
 * subnet4_select after selection, lease4_select / lease4_renew inside the engine, lease4_release / lease4_decline
 * before the store changes, lease4_offer / leases4_committed once the response is built (PARK holds it: it is
 * sent later through the deferred sender), pkt4_send before encoding, buffer4_send before sending.
 */
public final class Dhcp4Pipeline {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4.packets");

    private final Supplier<Dhcp4Runtime> runtime;
    private final PoolCursors cursors;
    private final StatsRegistry stats;
    private final Clock clock;
    private final ReplyRouting4 routing;
    private final InterfaceDirectory interfaces;
    private final ResponseBuilder4 builder = new ResponseBuilder4();
    private final QueryStages4 stages;
    private final Consumer<OutboundDatagram> deferred;
    private final ClientNames4 names;

    public Dhcp4Pipeline(Supplier<Dhcp4Runtime> runtime, PoolCursors cursors, StatsRegistry stats,
                         Clock clock, ReplyRouting4 routing, InterfaceDirectory interfaces) {
        this(runtime, cursors, stats, clock, routing, interfaces,
                out -> log.warn("a parked response was resumed but this pipeline has no deferred sender: not sent"));
    }

    /**
     * @param deferred sends responses that hook libraries parked and resumed later (called on the resuming thread)
     */
    public Dhcp4Pipeline(Supplier<Dhcp4Runtime> runtime, PoolCursors cursors, StatsRegistry stats,
                         Clock clock, ReplyRouting4 routing, InterfaceDirectory interfaces, Consumer<OutboundDatagram> deferred) {
        this(runtime, cursors, stats, clock, routing, interfaces, deferred, new DdnsClient());
    }

    /**
     * @param ddns the server's connection to the DDNS daemon (client names are processed either way; requests are
     *             sent when it is enabled)
     */
    public Dhcp4Pipeline(Supplier<Dhcp4Runtime> runtime, PoolCursors cursors, StatsRegistry stats, Clock clock,
                         ReplyRouting4 routing, InterfaceDirectory interfaces, Consumer<OutboundDatagram> deferred,
                         DdnsClient ddns) {
        this.names = new ClientNames4(ddns);
        this.deferred = deferred;
        this.runtime = runtime;
        this.cursors = cursors;
        this.stats = stats;
        this.clock = clock;
        this.routing = routing;
        this.interfaces = interfaces;
        this.stages = new QueryStages4(interfaces);
    }

    /** Handles one datagram; the reply to send, if any. Never throws for bad input: it is counted and dropped. */
    public Optional<OutboundDatagram> process(InboundDatagram in) {
        stats.add("pkt4-received", 1);
        Dhcp4Runtime rt = runtime.get();
        HookDispatcher hooks = rt.hooks().dispatcher();
        Dhcp4Packet query;
        try {
            query = receiveBuffer(in, hooks);
        } catch (WireFormatException e) {
            stats.add("pkt4-parse-failed", 1);
            return drop("malformed packet from " + Ipv4.toString(in.sourceAddress()) + ": " + e.getMessage());
        } catch (PacketDrop a) {
            return aborted(a);
        }
        if (query.op() != Dhcp4Packet.BOOTREQUEST) return drop("not a BOOTREQUEST");
        countReceived(query.messageType());
        Exchange4 ex = new Exchange4(in, query, rt, java.util.Set.of(), null, null, null,
                stages.serverIdFor(in));
        MessageType4 type = null;
        try {
            Exchange4 classified = PacketHooks4.pktReceive(stages.classify(ex));
            // a BOOTP query (class BOOTP) goes on as a REQUEST once a pkt4_receive callout (bootp) gave it a type
            type = classified.query().messageType();
            if (type == null) return drop("BOOTP query without message type (libdhcp_bootp.so is not loaded)");
            if (classified.classes().contains("DROP")) return drop("query is in class DROP");
            Progress4 progress = new Progress4(classified);
            Optional<Dhcp4Packet> reply = switch (type.code()) {
                case 1 -> discover(classified, progress);
                case 3 -> request(classified, progress);
                case 4 -> decline(classified, progress);
                case 7 -> release(classified, progress);
                case 8 -> inform(classified, progress);
                default -> Optional.empty();
            };
            return switch (type.code()) {
                case 1 -> reply.isEmpty() ? Optional.empty() : offered(progress, reply.get());
                case 3, 4, 7 -> committed(progress, reply.orElse(null));
                default -> reply.flatMap(r -> send(progress.last, r));
            };
        } catch (PacketDrop a) {
            return aborted(a);
        } catch (DatabaseException e) {
            // the SQL lease database is unreachable: DatabaseSupervisor logs that once per state change, not per packet
            return drop("lease database unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            // a bug must cost one packet, not the worker thread
            log.error("error processing {} xid 0x{}: {}", type, Integer.toHexString(query.xid()), e.toString(), e);
            return drop("internal error");
        }
    }

    // ---- message types ----

    private Optional<Dhcp4Packet> discover(Exchange4 ex, Progress4 progress) {
        ex = selectSubnet(ex);
        if (ex.subnet() == null) return dropEmpty("no subnet for DISCOVER from " + ex.query().hwAddress());
        ClientContext4 ctx = stages.context(ex, true, ex.query().requestedAddress().orElse(0));
        ex = stages.withHost(ex, ctx);
        RequestNames4 naming = clientName(ex, ctx);
        ctx = ctx.withName(naming.name(), naming);
        LeaseDecision d = engine(ex).allocate(ctx);
        if (d instanceof LeaseDecision.Granted g) {
            Exchange4 done = stages.granted(ex, ctx, g);
            NameDecision name = naming.decisionAt(g.subnet(), g.lease().address());
            progress.last = done;
            progress.leases.add(g.lease());
            progress.oldLease = g.previous();
            return Optional.of(ClientNames4.answer(builder.lease(done, MessageType4.OFFER, g.lease()), name));
        }
        allocationFailed(ex, d);
        return Optional.empty();
    }

    private Optional<Dhcp4Packet> request(Exchange4 ex, Progress4 progress) {
        Dhcp4Packet q = ex.query();
        boolean checkServerId = !ex.runtime().config().globals().compatibility().ignoreDhcpServerIdentifier();
        if (checkServerId && q.serverId().isPresent() && !stages.isOurServerId(ex, q.serverId().getAsInt())) {
            return dropEmpty("REQUEST for another server " + Ipv4.toString(q.serverId().getAsInt()));
        }
        boolean initReboot = q.serverId().isEmpty() && q.requestedAddress().isPresent() && q.ciaddr() == 0;
        int requested = q.requestedAddress().orElse(q.ciaddr());
        ex = selectSubnet(ex);
        progress.last = ex;
        if (ex.subnet() == null) {
            if (ex.runtime().config().globals().scope().authoritative()) return Optional.of(builder.nak(ex));
            return dropEmpty("no subnet for REQUEST from " + q.hwAddress());
        }
        ClientContext4 ctx = stages.context(ex, false, requested);
        ex = stages.withHost(ex, ctx);
        RequestNames4 naming = clientName(ex, ctx);
        ctx = ctx.withName(naming.name(), naming);
        AllocationEngine4 engine = engine(ex);
        if (initReboot) {
            Optional<Boolean> verdict = stages.initRebootVerdict(ex, ctx, engine, requested);
            if (verdict.isEmpty()) return dropEmpty("INIT-REBOOT from unknown client, not authoritative");
            if (!verdict.get()) return nak(ex, "INIT-REBOOT for " + Ipv4.toString(requested) + " refused");
        }
        Lease4 before = PacketHooks4.of(ex).has(HookPoint.LEASES4_COMMITTED) || names.ddns().enabled()
                ? clientLease(engine, ctx) : null;
        LeaseDecision d = engine.allocate(ctx);
        return switch (d) {
            case LeaseDecision.Granted g -> {
                if (g.reused()) stats.add("subnet[" + g.subnet().id() + "].v4-lease-reuses", 1);
                if (g.reused()) stats.add("v4-lease-reuses", 1);
                Exchange4 done = stages.granted(ex, ctx, g);
                progress.last = done;
                // lease4_renew SKIP hands back the stored lease untouched: no name change, no DNS update
                boolean skipped = g.lease() == g.previous();
                // the engine wrote the lease with its name: nothing to store again
                Lease4 lease = g.lease();
                NameDecision name = naming.decisionAt(g.subnet(), lease.address());
                // Kea: a reused lease was not written, so it is not reported as committed
                if (!g.reused() && !skipped) progress.leases.add(lease);
                if (before != null && before.address() != g.lease().address()) progress.deleted.add(before);
                if (!g.reused() && !skipped) {
                    names.leaseGranted(done.runtime().config(), done.subnet(), done.pool(), ctx.hwAddress(), ctx.clientId(),
                            lease, g.previous(), before);
                }
                yield Optional.of(ClientNames4.answer(builder.lease(done, MessageType4.ACK, lease), name));
            }
            case LeaseDecision.Nak n -> nak(ex, n.reason());
            case LeaseDecision.NoAddress n -> {
                allocationFailed(ex, n);
                yield nak(ex, n.reason());
            }
            case LeaseDecision.StoreFailed f -> {
                log.warn("lease store failed, no ACK sent: {}", f.reason());
                yield dropEmpty("lease store failed");
            }
        };
    }

    private Optional<Dhcp4Packet> release(Exchange4 ex, Progress4 progress) {
        Dhcp4Packet q = ex.query();
        List<Lease4> released = new ArrayList<>();
        LeaseRelease4.Outcome o = releaser(ex).release(q.ciaddr(), q.hwAddress(), stages.clientIdForMatching(ex, null),
                PacketHooks4.release(ex, released));
        if (o == LeaseRelease4.Outcome.DONE) {
            progress.deleted.addAll(released);
            for (Lease4 l : released) DnsUpdates4.removed(names.ddns(), ex.runtime().config(), l);
        }
        log.debug("RELEASE of {} from {}: {}", Ipv4.toString(q.ciaddr()), q.hwAddress(), o);
        return Optional.empty();
    }

    private Optional<Dhcp4Packet> decline(Exchange4 ex, Progress4 progress) {
        Dhcp4Packet q = ex.query();
        if (q.requestedAddress().isEmpty()) throw new PacketDrop("DECLINE without requested address", true);
        int addr = q.requestedAddress().getAsInt();
        long probation = ex.runtime().config().globals().declineProbationPeriod();
        Predicate<Lease4> hooks = PacketHooks4.decline(ex);
        List<Lease4> declined = new ArrayList<>(1);
        LeaseRelease4.Outcome o = releaser(ex).decline(addr, q.hwAddress(), stages.clientIdForMatching(ex, null), probation,
                lease -> {
                    if (!hooks.test(lease)) return false;
                    declined.add(lease);
                    return true;
                });
        // the declined address loses its name: its records go (Kea's queueNCR on the lease before decline)
        if (o == LeaseRelease4.Outcome.DONE) for (Lease4 l : declined) DnsUpdates4.removed(names.ddns(), ex.runtime().config(), l);
        if (o == LeaseRelease4.Outcome.DONE && PacketHooks4.of(ex).has(HookPoint.LEASES4_COMMITTED)) {
            ex.runtime().store().get(addr).ifPresent(progress.leases::add);
        }
        log.info("DECLINE of {} from {}: {}", Ipv4.toString(addr), q.hwAddress(), o);
        return Optional.empty();
    }

    private Optional<Dhcp4Packet> inform(Exchange4 ex, Progress4 progress) {
        ex = selectSubnet(ex);
        ClientContext4 ctx = ex.subnet() == null ? null : stages.context(ex, true, ex.query().ciaddr());
        if (ctx != null) ex = stages.withHost(ex, ctx);
        if (ex.subnet() != null) {
            Pool4 pool = null;
            for (Pool4 p : ex.subnet().pools()) if (p.contains(ex.query().ciaddr())) pool = p;
            ex = stages.additionalClasses(ex.withPool(pool));
        }
        progress.last = ex;
        return Optional.of(builder.inform(ex));
    }

    // ---- helpers ----

    private Optional<Dhcp4Packet> nak(Exchange4 ex, String reason) {
        log.debug("NAK to {}: {}", ex.query().hwAddress(), reason);
        return Optional.of(builder.nak(ex));
    }

    private AllocationEngine4 engine(Exchange4 ex) {
        return new AllocationEngine4(ex.runtime().store(), ex.runtime().hosts(), cursors, stats, clock,
                PacketHooks4.leaseCallouts(ex));
    }

    private LeaseRelease4 releaser(Exchange4 ex) {
        return new LeaseRelease4(ex.runtime().store(), stats, clock, cursors);
    }

    private void allocationFailed(Exchange4 ex, LeaseDecision d) {
        stats.add("v4-allocation-fail", 1);
        stats.add("subnet[" + ex.subnet().id() + "].v4-allocation-fail", 1);
        if (ex.subnet().sharedNetworkName() != null) stats.add("v4-allocation-fail-shared-network", 1);
        else stats.add("v4-allocation-fail-subnet", 1);
        log.warn("no lease for {} in subnet {}: {}", ex.query().hwAddress(), ex.subnet().prefix(), d);
    }

    /** pkt4_send, encode, buffer4_send, route. Empty when a callout dropped the response. */
    private Optional<OutboundDatagram> send(Exchange4 ex, Dhcp4Packet reply) {
        HookDispatcher hooks = PacketHooks4.of(ex);
        byte[] wire = null;
        if (hooks.has(HookPoint.PKT4_SEND)) {
            Outcome<Pkt4Send> o = PacketHooks4.check(HookPoint.PKT4_SEND, hooks.fire(HookPoint.PKT4_SEND,
                    new Pkt4Send(ex.query(), reply, PacketHooks4.info(ex.subnet()), null, ex.classes())));
            reply = o.event().response();
            if (o.is(NextStep.SKIP)) {
                // the callout encoded the response itself; without bytes there is nothing to send
                if (o.event().wire() == null) return Optional.empty();
                wire = o.event().wire().toArray();
            }
        }
        if (wire == null) {
            int max = ex.query().maxMessageSize().orElse(576);
            wire = Dhcp4Codec.encode(reply, Math.max(576, max));
        }
        if (hooks.has(HookPoint.BUFFER4_SEND)) {
            Outcome<Buffer4Send> o = PacketHooks4.check(HookPoint.BUFFER4_SEND,
                    hooks.fire(HookPoint.BUFFER4_SEND, new Buffer4Send(reply, Bytes.of(wire))));
            if (o.is(NextStep.SKIP)) return Optional.empty();
            wire = o.event().wire().toArray();
        }
        stats.add("pkt4-sent", 1);
        MessageType4 t = reply.messageType();
        if (MessageType4.OFFER.equals(t)) stats.add("pkt4-offer-sent", 1);
        else if (MessageType4.ACK.equals(t)) stats.add("pkt4-ack-sent", 1);
        else if (MessageType4.NAK.equals(t)) stats.add("pkt4-nak-sent", 1);
        int source = Ipv4.fromBytes(reply.option(OptionCodes4.SERVER_ID).orElse(Bytes.of(Ipv4.toBytes(ex.serverId()))).toArray(), 0);
        if (!interfaces.isLocal(source)) source = ex.serverId();
        return Optional.of(routing.route(ex.datagram(), ex.query(), reply, wire, source));
    }

    // ---- client names and DNS updates ----

    /**
     * Kea's processClientName before allocation: the selected subnet's ddns-* values, then ddns4_update. The engine
     * names the lease with it; where the lease lands in a subnet, pool or host with other ddns-* values (a shared
     * network, pool-level parameters) the name is decided again there, as Kea reprocesses it.
     */
    private RequestNames4 clientName(Exchange4 ex, ClientContext4 ctx) {
        return new RequestNames4(names, clientName(ex), ex.subnet(), ex.reservation(), ctx::reservationIn,
                (subnet, pool, reservation) -> clientName(ex.withSubnet(subnet).withPool(pool).withReservation(reservation)));
    }

    private NameDecision clientName(Exchange4 ex) {
        return PacketHooks4.ddnsUpdate(ex, names.decide(ex.query(), ex.subnet(), ex.pool(), ex.reservation(), ex.classes()));
    }

    // ---- hook points around the exchange ----

    /** buffer4_receive (SKIP = the callout parsed the packet itself), then decoding. */
    private static Dhcp4Packet receiveBuffer(InboundDatagram in, HookDispatcher hooks) throws WireFormatException {
        if (!hooks.has(HookPoint.BUFFER4_RECEIVE)) return in.read(Dhcp4Codec::decode); // no copy of the payload
        byte[] data = in.data();
        Outcome<Buffer4Receive> o = PacketHooks4.check(HookPoint.BUFFER4_RECEIVE, hooks.fire(HookPoint.BUFFER4_RECEIVE,
                new Buffer4Receive(PacketHooks4.envelope(in), Bytes.of(data), null)));
        if (o.is(NextStep.SKIP)) {
            if (o.event().parsed() == null) throw new PacketDrop("buffer4_receive callout skipped parsing but parsed nothing", false);
            return o.event().parsed();
        }
        data = o.event().data().toArray();
        return Dhcp4Codec.decode(data, 0, data.length);
    }

    private Exchange4 selectSubnet(Exchange4 ex) {
        return PacketHooks4.subnetSelect(stages.selectSubnet(ex));
    }

    /** lease4_offer: DROP discards the OFFER, PARK holds it. */
    private Optional<OutboundDatagram> offered(Progress4 p, Dhcp4Packet offer) {
        HookDispatcher hooks = PacketHooks4.of(p.last);
        if (!hooks.has(HookPoint.LEASE4_OFFER)) return send(p.last, offer);
        ParkingLot lot = parkingLot(HookPoint.LEASE4_OFFER, p.last, offer);
        Outcome<Lease4Offer> o = hooks.fire(HookPoint.LEASE4_OFFER, new Lease4Offer(p.last.query(), offer, p.leases, p.oldLease, lot));
        return afterParkable(HookPoint.LEASE4_OFFER, o, p.last, offer);
    }

    /** leases4_committed (REQUEST, RELEASE, DECLINE): DROP = no response, PARK = held until unparked. */
    private Optional<OutboundDatagram> committed(Progress4 p, Dhcp4Packet reply) {
        HookDispatcher hooks = PacketHooks4.of(p.last);
        if (!hooks.has(HookPoint.LEASES4_COMMITTED)) return reply == null ? Optional.empty() : send(p.last, reply);
        ParkingLot lot = parkingLot(HookPoint.LEASES4_COMMITTED, p.last, reply);
        Outcome<Leases4Committed> o = hooks.fire(HookPoint.LEASES4_COMMITTED,
                new Leases4Committed(p.last.query(), reply, p.leases, p.deleted, lot));
        return afterParkable(HookPoint.LEASES4_COMMITTED, o, p.last, reply);
    }

    private <E> Optional<OutboundDatagram> afterParkable(HookPoint<E> point, Outcome<E> o, Exchange4 ex, Dhcp4Packet reply) {
        PacketHooks4.check(point, o);
        if (o.is(NextStep.PARK)) {
            log.debug("{} parked the response to {}", point.name(), ex.query().hwAddress());
            return Optional.empty();
        }
        return reply == null ? Optional.empty() : send(ex, reply);
    }

    /**
     * A place in the point's parking lot; when the lot is full the query is dropped before the callouts run and
     * counted in pkt4-queue-full, as Kea does.
     */
    private ParkingLot parkingLot(HookPoint<?> point, Exchange4 ex, Dhcp4Packet reply) {
        Optional<ParkingLot> lot = PacketHooks4.of(ex).park(point, () -> resume(ex, reply),
                () -> log.debug("parked response to {} dropped", ex.query().hwAddress()));
        if (lot.isEmpty()) {
            stats.add("pkt4-queue-full", 1);
            throw new PacketDrop(point.name() + " parking lot is full (parked-packet-limit)", true);
        }
        return lot.get();
    }

    /** A parked response resumed: finish it (pkt4_send, buffer4_send) and hand it to the deferred sender. */
    private void resume(Exchange4 ex, Dhcp4Packet reply) {
        if (reply == null) return;
        try {
            send(ex, reply).ifPresent(deferred);
        } catch (PacketDrop a) {
            aborted(a);
        } catch (RuntimeException e) {
            log.error("sending a resumed response to {} failed: {}", ex.query().hwAddress(), e.toString(), e);
        }
    }

    private static Lease4 clientLease(AllocationEngine4 engine, ClientContext4 ctx) {
        try {
            return engine.findClientLease(ctx).orElse(null);
        } catch (LeaseStoreException e) {
            return null;
        }
    }

    private Optional<OutboundDatagram> aborted(PacketDrop a) {
        if (a.counted) stats.add("pkt4-receive-drop", 1);
        log.debug("dropped: {}", a.getMessage());
        return Optional.empty();
    }

    /** What a message's handling learned that the hook points after it report. */
    private static final class Progress4 {
        Exchange4 last;
        final List<Lease4> leases = new ArrayList<>();
        final List<Lease4> deleted = new ArrayList<>();
        Lease4 oldLease;

        Progress4(Exchange4 ex) { this.last = ex; }
    }

    private void countReceived(MessageType4 type) {
        String name = type == null ? "pkt4-unknown-received" : switch (type.code()) {
            case 1 -> "pkt4-discover-received";
            case 2 -> "pkt4-offer-received";
            case 3 -> "pkt4-request-received";
            case 4 -> "pkt4-decline-received";
            case 5 -> "pkt4-ack-received";
            case 6 -> "pkt4-nak-received";
            case 7 -> "pkt4-release-received";
            case 8 -> "pkt4-inform-received";
            default -> "pkt4-unknown-received";
        };
        stats.add(name, 1);
    }

    private Optional<OutboundDatagram> drop(String why) {
        stats.add("pkt4-receive-drop", 1);
        log.debug("dropped: {}", why);
        return Optional.empty();
    }

    /** Ends the packet: counted, and no later hook point (leases4_committed, pkt4_send) fires for it. */
    private static Optional<Dhcp4Packet> dropEmpty(String why) {
        throw new PacketDrop(why, true);
    }

    static Options none() { return Options.empty(); }
}
