package dev.nestor.dhcp6.pipeline;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.Dhcp6Codec;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.IaAddress;
import dev.nestor.codec.v6.IaNa;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.codec.v6.StatusCode6;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.ddns.client.DdnsClient;
import dev.nestor.ddns.client.NameDecision;
import dev.nestor.dhcp6.Dhcp6Runtime;
import dev.nestor.dhcp6.ddns.ClientNames6;
import dev.nestor.dhcp6.ddns.RequestNames6;
import dev.nestor.dhcp6.respond.ReplyRouting6;
import dev.nestor.dhcp6.respond.ResponseBuilder6;
import dev.nestor.dhcp6.respond.ResponseBuilder6.Phase;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.stats.StatNames;
import dev.nestor.engine.v6.AllocationEngine6;
import dev.nestor.engine.v6.ClientContext6;
import dev.nestor.engine.v6.IaDecision;
import dev.nestor.engine.v6.IaRequest;
import dev.nestor.engine.v6.LeaseCounters6;
import dev.nestor.engine.v6.LeaseRelease6;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.ParkingLot;
import dev.nestor.hooks.runtime.HookDispatcher;
import dev.nestor.hooks.runtime.Outcome;
import dev.nestor.hooks.v6.Buffer6Receive;
import dev.nestor.hooks.v6.Buffer6Send;
import dev.nestor.hooks.v6.Leases6Committed;
import dev.nestor.hooks.v6.Pkt6Send;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseType6;
import dev.nestor.transport.InboundDatagram6;
import dev.nestor.transport.UdpDatagram6;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The DHCPv6 packet path, one method per stage and message type: decode and peel the relay layers → count →
 * sanity checks (RFC 8415 section 16) → classify → per client, dispatch by message type (select subnet → find
 * reservation → allocate or extend) → build the reply → wrap it in RELAY-REPL layers → route. Never throws for bad
 * input: it is counted and dropped. Safe to call from many threads.
 *
 * <p>Hook points fire where Kea fires them: buffer6_receive before decoding, pkt6_receive after classification,
 * subnet6_select after selection, lease6_select / lease6_renew / lease6_rebind inside the engine, lease6_release /
 * lease6_decline before the store changes, leases6_committed once the reply is built (PARK holds it: it is sent
 * later through the deferred sender), pkt6_send before encoding, buffer6_send before sending.
 */
public final class Dhcp6Pipeline {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp6.packets");
    /** Queries whose lease changes leases6_committed reports (with a rapid-commit SOLICIT). */
    private static final Set<MessageType6> COMMITTING = Set.of(MessageType6.REQUEST, MessageType6.RENEW, MessageType6.REBIND,
            MessageType6.RELEASE, MessageType6.DECLINE);
    private static final Set<MessageType6> CLIENT_TYPES = Set.of(MessageType6.SOLICIT, MessageType6.REQUEST,
            MessageType6.CONFIRM, MessageType6.RENEW, MessageType6.REBIND, MessageType6.RELEASE, MessageType6.DECLINE,
            MessageType6.INFORMATION_REQUEST);

    private final Supplier<Dhcp6Runtime> runtime;
    private final PoolCursors cursors;
    private final StatsRegistry stats;
    private final Clock clock;
    private final ReplyRouting6 routing;
    private final ClientLocks locks;
    private final ResponseBuilder6 builder = new ResponseBuilder6();
    private final MessageChecks6 checks;
    private final Consumer<UdpDatagram6> deferred;
    private final ClientNames6 names;

    public Dhcp6Pipeline(Supplier<Dhcp6Runtime> runtime, PoolCursors cursors, StatsRegistry stats, Clock clock,
                         ReplyRouting6 routing, ClientLocks locks) {
        this(runtime, cursors, stats, clock, routing, locks,
                out -> log.warn("a parked reply was resumed but this pipeline has no deferred sender: not sent"));
    }

    /** @param deferred sends replies that hook libraries parked and resumed later (called on the resuming thread) */
    public Dhcp6Pipeline(Supplier<Dhcp6Runtime> runtime, PoolCursors cursors, StatsRegistry stats, Clock clock,
                         ReplyRouting6 routing, ClientLocks locks, Consumer<UdpDatagram6> deferred) {
        this(runtime, cursors, stats, clock, routing, locks, deferred, new DdnsClient());
    }

    /**
     * @param ddns the server's connection to the DDNS daemon (client names are processed either way; requests are
     *             sent when it is enabled)
     */
    public Dhcp6Pipeline(Supplier<Dhcp6Runtime> runtime, PoolCursors cursors, StatsRegistry stats, Clock clock,
                         ReplyRouting6 routing, ClientLocks locks, Consumer<UdpDatagram6> deferred, DdnsClient ddns) {
        this.names = new ClientNames6(ddns);
        this.runtime = runtime;
        this.cursors = cursors;
        this.stats = stats;
        this.clock = clock;
        this.routing = routing;
        this.locks = locks;
        this.checks = new MessageChecks6(stats);
        this.deferred = deferred;
    }

    /** Handles one datagram; the reply to send, if any. */
    public Optional<UdpDatagram6> process(InboundDatagram6 in) {
        stats.add("pkt6-received", 1);
        Dhcp6Runtime rt = runtime.get();
        RelayChain chain;
        try {
            Dhcp6Packet packet = receiveBuffer(in, rt.hooks().dispatcher());
            chain = RelayChain.unwrap(packet);
            checks.countReceived(chain.client().type());
            if (packet.type().equals(MessageType6.RELAY_REPL)) return drop("RELAY-REPL sent to a server");
            QueryStages6.iaRequests(chain.client());
            chain.client().requestedOptions();
        } catch (WireFormatException | IllegalArgumentException e) {
            stats.add("pkt6-parse-failed", 1);
            return drop("malformed packet from " + in.sourceText() + ": " + e.getMessage());
        } catch (PacketDrop6 a) {
            return aborted(a);
        }
        Dhcp6Message q = chain.client();
        if (!CLIENT_TYPES.contains(q.type())) return drop(q.type() + " is not a message a server answers");
        Optional<String> bad = checks.sanity(q, rt.serverId(), chain.isRelayed(), in);
        if (bad.isPresent()) return drop(bad.get());
        Bytes duid = q.clientId().orElse(null);
        try {
            Exchange6 ex = PacketHooks6.pktReceive(QueryStages6.classify(new Exchange6(in, chain, rt, duid, Set.of(), null, null, null, null)));
            if (ex.classes().contains("DROP")) return drop("query is in class DROP");
            // a pkt6_receive callout may have changed the query: read its IAs and ORO again
            List<IaRequest> ias = QueryStages6.iaRequests(ex.query());
            List<Integer> oro = ex.query().requestedOptions();
            Progress6 progress = new Progress6(ex);
            Optional<Dhcp6Message> reply = locks.run(ex.duid(), () -> dispatch(ex, ias, oro, progress));
            if (reply.isEmpty()) return Optional.empty();
            boolean commits = progress.committing || COMMITTING.contains(ex.query().type());
            return commits ? committed(progress, reply.get()) : send(progress.last, reply.get());
        } catch (PacketDrop6 a) {
            return aborted(a);
        } catch (WireFormatException e) {
            stats.add("pkt6-parse-failed", 1);
            return drop("malformed packet from " + in.sourceText() + ": " + e.getMessage());
        } catch (dev.nestor.lease.jdbc.DatabaseException e) {
            // an SQL database is unreachable: DatabaseSupervisors logs that once per state change, not per packet
            return drop("database unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            // a bug must cost one packet, not the worker thread
            log.error("error processing {} xid 0x{}: {}", q.type(), Integer.toHexString(q.transactionId()), e.toString(), e);
            stats.add("pkt6-processing-failed", 1);
            return drop("internal error");
        }
    }

    private Optional<Dhcp6Message> dispatch(Exchange6 ex, List<IaRequest> ias, List<Integer> oro, Progress6 p) {
        return switch (ex.query().type().code()) {
            case 1 -> solicit(ex, ias, oro, p);
            case 3 -> request(ex, ias, oro, p);
            case 4 -> confirm(ex, oro, p);
            case 5 -> extend(ex, ias, oro, false, p);
            case 6 -> extend(ex, ias, oro, true, p);
            case 8 -> release(ex, ias, p);
            case 9 -> decline(ex, ias, p);
            case 11 -> informationRequest(ex, oro, p);
            default -> Optional.empty();
        };
    }

    // ---- message types ----

    /** SOLICIT: ADVERTISE, or REPLY with the leases committed when the client asks for rapid commit and the subnet allows. */
    private Optional<Dhcp6Message> solicit(Exchange6 ex, List<IaRequest> ias, List<Integer> oro, Progress6 p) {
        ex = selectSubnet(ex);
        boolean rapid = ex.query().rapidCommit() && ex.subnet() != null && ex.subnet().params().rapidCommit();
        Dhcp6Message reply = builder.base(ex, rapid ? MessageType6.REPLY : MessageType6.ADVERTISE);
        if (rapid) reply = reply.withOption(OptionCodes6.RAPID_COMMIT, Bytes.EMPTY);
        p.committing = rapid; // a rapid-commit SOLICIT commits leases like a REQUEST
        return assign(ex, ias, oro, reply, !rapid, p);
    }

    /** REQUEST: the leases are committed. */
    private Optional<Dhcp6Message> request(Exchange6 ex, List<IaRequest> ias, List<Integer> oro, Progress6 p) {
        ex = selectSubnet(ex);
        return assign(ex, ias, oro, builder.base(ex, MessageType6.REPLY), false, p);
    }

    private Optional<Dhcp6Message> assign(Exchange6 ex, List<IaRequest> ias, List<Integer> oro, Dhcp6Message reply, boolean fake,
                                          Progress6 p) {
        p.last = ex;
        if (ex.subnet() == null) {
            log.debug("no subnet for {} from {}", ex.query().type(), ex.datagram().sourceText());
            for (IaRequest ia : ias) reply = reply.plusOption(builder.noSubnet(ia));
            return Optional.of(builder.withOptions(reply, ex, oro));
        }
        ClientContext6 ctx = QueryStages6.context(ex, fake);
        ex = QueryStages6.withHost(ex, ctx);
        RequestNames6 naming = clientName(ex, ctx, ias, !fake);
        ctx = ctx.withName(naming.name(), naming);
        Map<Bytes, Lease6> before = fake ? Map.of() : names.clientLeases(ex.runtime().store(), ex.duid(), ias);
        List<IaDecision> decisions = engine(ex).allocate(ctx, ias);
        if (storeFailed(decisions)) return Optional.empty();
        countDecisions(ex, decisions);
        Exchange6 done = QueryStages6.granted(ex, ctx, decisions);
        // the engine wrote the leases with their names: only the answer is left to decide
        NameDecision name = naming.answer(done.subnet(), done.pool(), decisions);
        p.record(done, decisions, fake);
        if (!fake) names.leasesCommitted(done.runtime().config(), done.subnet(), done.pool(), name, decisions, before);
        reply = builder.withIas(ClientNames6.answer(reply, name), done, decisions, Phase.ALLOCATE);
        return Optional.of(builder.withOptions(reply, done, oro));
    }

    /** RENEW and REBIND: the IAs' leases are extended; NoBinding for an IA the server does not know. */
    private Optional<Dhcp6Message> extend(Exchange6 ex, List<IaRequest> ias, List<Integer> oro, boolean rebind, Progress6 p) {
        ex = selectSubnet(ex);
        p.last = ex;
        Dhcp6Message reply = builder.base(ex, MessageType6.REPLY);
        if (ex.subnet() == null) {
            // Kea's extendIA_PD: a REBIND of prefixes no subnet answers for is discarded (RFC 8415 section 18.3.5)
            if (rebind && ias.stream().anyMatch(ia -> ia.type() == LeaseType6.PD)) return Optional.empty();
            List<IaDecision> none = ias.stream().map(ia -> (IaDecision) new IaDecision.NoBinding(ia, List.of())).toList();
            return Optional.of(builder.withOptions(builder.withIas(reply, ex, none, Phase.EXTEND), ex, oro));
        }
        ClientContext6 ctx = QueryStages6.context(ex, false);
        ex = QueryStages6.withHost(ex, ctx);
        RequestNames6 naming = clientName(ex, ctx, ias, true);
        ctx = ctx.withName(naming.name(), naming);
        Map<Bytes, Lease6> before = names.clientLeases(ex.runtime().store(), ex.duid(), ias);
        List<IaDecision> decisions = engine(ex).renew(ctx, ias, rebind);
        if (storeFailed(decisions)) return Optional.empty();
        countDecisions(ex, decisions);
        Exchange6 done = QueryStages6.granted(ex, ctx, decisions);
        NameDecision name = naming.answer(done.subnet(), done.pool(), decisions);
        p.record(done, decisions, false);
        names.leasesCommitted(done.runtime().config(), done.subnet(), done.pool(), name, decisions, before);
        reply = builder.withIas(ClientNames6.answer(reply, name), done, decisions, Phase.EXTEND);
        return Optional.of(builder.withOptions(reply, done, oro));
    }

    /** CONFIRM: are the client's addresses on this link? No addresses at all: no reply (RFC 8415 section 18.3.3). */
    private Optional<Dhcp6Message> confirm(Exchange6 ex, List<Integer> oro, Progress6 p) {
        ex = selectSubnet(ex);
        p.last = ex;
        List<Bytes> addresses = new java.util.ArrayList<>();
        try {
            for (IaNa na : ex.query().iaNa()) for (IaAddress a : na.addresses()) addresses.add(a.address());
        } catch (WireFormatException e) {
            return Optional.empty(); // already decoded once without error
        }
        if (addresses.isEmpty()) {
            stats.add("pkt6-receive-drop", 1);
            log.debug("CONFIRM without addresses from {}: no reply", ex.datagram().sourceText());
            return Optional.empty();
        }
        // Kea's processConfirm: options first, then the verdict, which looks at the selected subnet only
        Dhcp6Message reply = builder.withOptions(builder.base(ex, MessageType6.REPLY), ex, oro);
        if (ex.subnet() == null) return Optional.of(ResponseBuilder6.withStatus(reply, StatusCode6.NOT_ON_LINK, "No subnet selected"));
        for (Bytes a : addresses) {
            if (!ex.subnet().prefix().contains(a)) {
                return Optional.of(ResponseBuilder6.withStatus(reply, StatusCode6.NOT_ON_LINK, "Address " + Ipv6.toString(a) + " is not on link."));
            }
        }
        return Optional.of(ResponseBuilder6.withStatus(reply, StatusCode6.SUCCESS, "All addresses are on-link"));
    }

    /** RELEASE: each IA's addresses and prefixes are given back; a status per IA and a summary (Kea's texts). */
    private Optional<Dhcp6Message> release(Exchange6 ex, List<IaRequest> ias, Progress6 p) {
        Dhcp6Message reply = builder.base(ex, MessageType6.REPLY);
        LeaseRelease6 releaser = new LeaseRelease6(ex.runtime().store(), LeaseCounters6.of(stats, ex.runtime().config()), clock);
        ReleaseAnswers6.Result r = ReleaseAnswers6.release(builder, releaser, ex.duid(), ias, PacketHooks6.release(ex, p.deleted));
        if (r.storeFailed()) return Optional.empty();
        names.leasesRemoved(ex.runtime().config(), p.deleted); // Kea's queueNCR(CHG_REMOVE) per released lease
        for (var ia : r.ias()) reply = reply.plusOption(ia);
        return Optional.of(ResponseBuilder6.withStatus(reply, r.summary(), "Summary status for all processed IA_NAs"));
    }

    /** DECLINE: each address is quarantined for decline-probation-period; a status per IA_NA. */
    private Optional<Dhcp6Message> decline(Exchange6 ex, List<IaRequest> ias, Progress6 p) {
        Dhcp6Message reply = builder.base(ex, MessageType6.REPLY);
        LeaseRelease6 releaser = new LeaseRelease6(ex.runtime().store(), LeaseCounters6.of(stats, ex.runtime().config()), clock);
        long probation = ex.runtime().config().globals().declineProbationPeriod();
        List<Bytes> declined = new ArrayList<>();
        java.util.function.Predicate<Lease6> hooks = PacketHooks6.decline(ex, declined);
        List<Lease6> named = new ArrayList<>(); // the leases as they were: their records go (Kea's queueNCR on the old values)
        ReleaseAnswers6.Result r = ReleaseAnswers6.decline(builder, releaser, ex.duid(), ias, probation, l -> {
            if (!hooks.test(l)) return false;
            named.add(l);
            return true;
        });
        if (r.storeFailed()) return Optional.empty();
        names.leasesRemoved(ex.runtime().config(), named);
        for (Bytes a : declined) ex.runtime().store().get(LeaseType6.NA, a).ifPresent(p.leases::add);
        for (var ia : r.ias()) reply = reply.plusOption(ia);
        return Optional.of(reply);
    }

    /** INFORMATION-REQUEST: options only, from the subnet when one is selected (and the host when known). */
    private Optional<Dhcp6Message> informationRequest(Exchange6 ex, List<Integer> oro, Progress6 p) {
        ex = selectSubnet(ex);
        if (ex.subnet() != null && ex.duid() != null) {
            ex = QueryStages6.withHost(ex, QueryStages6.context(ex, true));
        }
        ex = QueryStages6.additionalClasses(ex);
        p.last = ex;
        return Optional.of(builder.withOptions(builder.base(ex, MessageType6.REPLY), ex, oro));
    }

    // ---- helpers ----

    private AllocationEngine6 engine(Exchange6 ex) {
        return new AllocationEngine6(ex.runtime().store(), ex.runtime().hosts(), cursors, stats, clock, PacketHooks6.leaseCallouts(ex));
    }

    private boolean storeFailed(List<IaDecision> decisions) {
        for (IaDecision d : decisions) {
            if (d instanceof IaDecision.StoreFailed f) {
                stats.add("pkt6-receive-drop", 1);
                log.warn("lease store failed, no reply sent: {}", f.reason());
                return true;
            }
        }
        return false;
    }

    private void countDecisions(Exchange6 ex, List<IaDecision> decisions) {
        for (IaDecision d : decisions) {
            if (d instanceof IaDecision.Granted g && g.reused()) {
                String name = g.ia().type() == dev.nestor.lease.LeaseType6.PD ? "v6-ia-pd-lease-reuses" : "v6-ia-na-lease-reuses";
                stats.add(name, 1);
                stats.add(StatNames.subnet(g.subnet().id(), name), 1);
            } else if (d instanceof IaDecision.NoneAvailable n) {
                countAllocationFailure(ex, n);
                log.warn("no lease for IA {} of {} in subnet {}: {}", n.ia().iaid(), ex.duid(), ex.subnet().prefix(), n.reason());
            }
        }
    }

    /**
     * Kea's allocation failure counters, globally and for the selected subnet: where (subnet or shared network), why
     * (no pool admits the client, or all were tried) and, when the client has classes (ALL at least), by classes.
     */
    private void countAllocationFailure(Exchange6 ex, IaDecision.NoneAvailable n) {
        List<String> names = new ArrayList<>(List.of(ex.subnet().sharedNetworkName() != null ? "v6-allocation-fail-shared-network"
                : "v6-allocation-fail-subnet", n.noPools() ? "v6-allocation-fail-no-pools" : "v6-allocation-fail"));
        if (!ex.classes().isEmpty()) names.add("v6-allocation-fail-classes");
        for (String name : names) {
            stats.add(name, 1);
            stats.add(StatNames.subnet(ex.subnet().id(), name), 1);
        }
    }

    /** pkt6_send, encode (with the relay layers), buffer6_send, route. Empty when a callout dropped the reply. */
    private Optional<UdpDatagram6> send(Exchange6 ex, Dhcp6Message reply) {
        HookDispatcher hooks = PacketHooks6.of(ex);
        byte[] wire = null;
        if (hooks.has(HookPoint.PKT6_SEND)) {
            Outcome<Pkt6Send> o = PacketHooks6.check(HookPoint.PKT6_SEND, hooks.fire(HookPoint.PKT6_SEND,
                    new Pkt6Send(ex.packet(), reply, PacketHooks6.info(ex.subnet()), null, ex.classes())));
            if (o.event().response() instanceof Dhcp6Message m) reply = m;
            else log.warn("pkt6_send callout returned a relay message as the response: ignored");
            if (o.is(NextStep.SKIP)) {
                // the callout encoded the reply itself; without bytes there is nothing to send
                if (o.event().wire() == null) return Optional.empty();
                wire = o.event().wire().toArray();
            }
        }
        if (wire == null) wire = Dhcp6Codec.encode(ex.chain().wrapReply(reply));
        if (hooks.has(HookPoint.BUFFER6_SEND)) {
            Outcome<Buffer6Send> o = PacketHooks6.check(HookPoint.BUFFER6_SEND,
                    hooks.fire(HookPoint.BUFFER6_SEND, new Buffer6Send(reply, Bytes.of(wire))));
            if (o.is(NextStep.SKIP)) return Optional.empty();
            wire = o.event().wire().toArray();
        }
        stats.add("pkt6-sent", 1);
        if (MessageType6.ADVERTISE.equals(reply.type())) stats.add("pkt6-advertise-sent", 1);
        else if (MessageType6.REPLY.equals(reply.type())) stats.add("pkt6-reply-sent", 1);
        return Optional.of(routing.route(ex.datagram(), ex.chain(), wire));
    }

    // ---- client names and DNS updates ----

    /**
     * Kea's processClientFqdn before allocation: the selected subnet's ddns-* values, then ddns6_update. The engine
     * names the leases with it; where a lease lands in a subnet, pool or host with other ddns-* values the name is
     * decided again there (Kea's checkPostAssignmentChanges), and a missing name is generated from the first address.
     */
    private RequestNames6 clientName(Exchange6 ex, ClientContext6 ctx, List<IaRequest> ias, boolean generate) {
        return new RequestNames6(names, clientName(ex), ex.subnet(), ex.reservation(), ctx::reservationIn,
                (subnet, pool, reservation) -> clientName(ex.withSubnet(subnet).withPools(pool, null).withReservation(reservation)),
                ias, generate);
    }

    private NameDecision clientName(Exchange6 ex) {
        return PacketHooks6.ddnsUpdate(ex, names.decide(ex.query(), ex.subnet(), ex.pool(), ex.reservation(), ex.classes()));
    }

    // ---- hook points around the exchange ----

    /** buffer6_receive (SKIP = the callout parsed the packet itself), then decoding. */
    private static Dhcp6Packet receiveBuffer(InboundDatagram6 in, HookDispatcher hooks) throws WireFormatException {
        if (!hooks.has(HookPoint.BUFFER6_RECEIVE)) return in.read(Dhcp6Codec::decode); // no copy of the payload
        byte[] data = in.data();
        Outcome<Buffer6Receive> o = PacketHooks6.check(HookPoint.BUFFER6_RECEIVE, hooks.fire(HookPoint.BUFFER6_RECEIVE,
                new Buffer6Receive(PacketHooks6.envelope(in), Bytes.of(data), null)));
        if (o.is(NextStep.SKIP)) {
            if (o.event().parsed() == null) throw new PacketDrop6("buffer6_receive callout skipped parsing but parsed nothing", false);
            return o.event().parsed();
        }
        data = o.event().data().toArray();
        return Dhcp6Codec.decode(data, 0, data.length);
    }

    private Exchange6 selectSubnet(Exchange6 ex) {
        return PacketHooks6.subnetSelect(QueryStages6.selectSubnet(ex));
    }

    /** leases6_committed: DROP = no reply, PARK = the reply is held until the libraries unpark it. */
    private Optional<UdpDatagram6> committed(Progress6 p, Dhcp6Message reply) {
        HookDispatcher hooks = PacketHooks6.of(p.last);
        if (!hooks.has(HookPoint.LEASES6_COMMITTED)) return send(p.last, reply);
        Exchange6 ex = p.last;
        Optional<ParkingLot> lot = hooks.park(HookPoint.LEASES6_COMMITTED, () -> resume(ex, reply),
                () -> log.debug("parked reply to {} dropped", ex.datagram().sourceText()));
        if (lot.isEmpty()) {
            // Kea: a full lot drops the query before the callouts run
            stats.add("pkt6-queue-full", 1);
            throw new PacketDrop6("leases6_committed parking lot is full (parked-packet-limit)", true);
        }
        Outcome<Leases6Committed> o = PacketHooks6.check(HookPoint.LEASES6_COMMITTED, hooks.fire(HookPoint.LEASES6_COMMITTED,
                new Leases6Committed(ex.packet(), reply, p.leases, p.deleted, lot.get())));
        if (o.is(NextStep.PARK)) {
            log.debug("leases6_committed parked the reply to {}", ex.datagram().sourceText());
            return Optional.empty();
        }
        return send(ex, reply);
    }

    /** A parked reply resumed: finish it (pkt6_send, buffer6_send) and hand it to the deferred sender. */
    private void resume(Exchange6 ex, Dhcp6Message reply) {
        try {
            send(ex, reply).ifPresent(deferred);
        } catch (PacketDrop6 a) {
            aborted(a);
        } catch (RuntimeException e) {
            log.error("sending a resumed reply to {} failed: {}", ex.datagram().sourceText(), e.toString(), e);
        }
    }

    private Optional<UdpDatagram6> aborted(PacketDrop6 a) {
        if (a.counted) stats.add("pkt6-receive-drop", 1);
        log.debug("dropped: {}", a.getMessage());
        return Optional.empty();
    }

    /** What a query's handling learned that the hook points after it report (leases6_committed, pkt6_send). */
    private static final class Progress6 {
        Exchange6 last;
        boolean committing;
        final List<Lease6> leases = new ArrayList<>();
        final List<Lease6> deleted = new ArrayList<>();

        Progress6(Exchange6 ex) { this.last = ex; }

        /** Leases written (not reused unchanged, not merely advertised) and those taken from the client. */
        void record(Exchange6 done, List<IaDecision> decisions, boolean fake) {
            last = done;
            if (fake) return;
            for (IaDecision d : decisions) {
                if (d instanceof IaDecision.Granted g) {
                    if (!g.reused()) leases.addAll(g.leases());
                    for (Lease6 l : g.revoked()) if (l.validLifetime() > 0) deleted.add(l);
                } else if (d instanceof IaDecision.NoBinding n) {
                    for (Lease6 l : n.revoked()) if (l.validLifetime() > 0) deleted.add(l);
                }
            }
        }
    }

    private Optional<UdpDatagram6> drop(String why) {
        stats.add("pkt6-receive-drop", 1);
        log.debug("dropped: {}", why);
        return Optional.empty();
    }
}
