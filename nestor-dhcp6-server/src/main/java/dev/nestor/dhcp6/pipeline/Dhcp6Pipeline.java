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
import dev.nestor.config.model.Subnet6;
import dev.nestor.dhcp6.Dhcp6Runtime;
import dev.nestor.dhcp6.respond.ReplyRouting6;
import dev.nestor.dhcp6.respond.ResponseBuilder6;
import dev.nestor.dhcp6.respond.ResponseBuilder6.Phase;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.engine.stats.StatNames;
import dev.nestor.engine.v6.AllocationEngine6;
import dev.nestor.engine.v6.ClientContext6;
import dev.nestor.engine.v6.IaDecision;
import dev.nestor.engine.v6.IaRequest;
import dev.nestor.engine.v6.LeaseRelease6;
import dev.nestor.transport.InboundDatagram6;
import dev.nestor.transport.UdpDatagram6;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The DHCPv6 packet path, one method per stage and message type: decode and peel the relay layers → count →
 * sanity checks (RFC 8415 section 16) → classify → per client, dispatch by message type (select subnet → find
 * reservation → allocate or extend) → build the reply → wrap it in RELAY-REPL layers → route. Never throws for bad
 * input: it is counted and dropped. Safe to call from many threads.
 */
public final class Dhcp6Pipeline {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp6.packets");
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

    public Dhcp6Pipeline(Supplier<Dhcp6Runtime> runtime, PoolCursors cursors, StatsRegistry stats, Clock clock,
                         ReplyRouting6 routing, ClientLocks locks) {
        this.runtime = runtime;
        this.cursors = cursors;
        this.stats = stats;
        this.clock = clock;
        this.routing = routing;
        this.locks = locks;
        this.checks = new MessageChecks6(stats);
    }

    /** Handles one datagram; the reply to send, if any. */
    public Optional<UdpDatagram6> process(InboundDatagram6 in) {
        stats.add("pkt6-received", 1);
        RelayChain chain;
        List<IaRequest> ias;
        List<Integer> oro;
        try {
            Dhcp6Packet packet = Dhcp6Codec.decode(in.data(), 0, in.length());
            chain = RelayChain.unwrap(packet);
            checks.countReceived(chain.client().type());
            if (packet.type().equals(MessageType6.RELAY_REPL)) return drop("RELAY-REPL sent to a server");
            ias = QueryStages6.iaRequests(chain.client());
            oro = chain.client().requestedOptions();
        } catch (WireFormatException | IllegalArgumentException e) {
            stats.add("pkt6-parse-failed", 1);
            return drop("malformed packet from " + in.sourceText() + ": " + e.getMessage());
        }
        Dhcp6Message q = chain.client();
        if (!CLIENT_TYPES.contains(q.type())) return drop(q.type() + " is not a message a server answers");
        Dhcp6Runtime rt = runtime.get();
        Optional<String> bad = checks.sanity(q, rt.serverId(), chain.isRelayed(), in);
        if (bad.isPresent()) return drop(bad.get());
        Bytes duid = q.clientId().orElse(null);
        Exchange6 ex = QueryStages6.classify(new Exchange6(in, chain, rt, duid, Set.of(), null, null, null, null));
        if (ex.classes().contains("DROP")) return drop("query is in class DROP");
        try {
            Optional<Dhcp6Message> reply = locks.run(duid, () -> dispatch(ex, ias, oro));
            return reply.map(r -> send(ex, r));
        } catch (RuntimeException e) {
            // a bug must cost one packet, not the worker thread
            log.error("error processing {} xid 0x{}: {}", q.type(), Integer.toHexString(q.transactionId()), e.toString(), e);
            stats.add("pkt6-processing-failed", 1);
            return drop("internal error");
        }
    }

    private Optional<Dhcp6Message> dispatch(Exchange6 ex, List<IaRequest> ias, List<Integer> oro) {
        return switch (ex.query().type().code()) {
            case 1 -> solicit(ex, ias, oro);
            case 3 -> request(ex, ias, oro);
            case 4 -> confirm(ex, oro);
            case 5 -> extend(ex, ias, oro, false);
            case 6 -> extend(ex, ias, oro, true);
            case 8 -> release(ex, ias);
            case 9 -> decline(ex, ias);
            case 11 -> informationRequest(ex, oro);
            default -> Optional.empty();
        };
    }

    // ---- message types ----

    /** SOLICIT: ADVERTISE, or REPLY with the leases committed when the client asks for rapid commit and the subnet allows. */
    private Optional<Dhcp6Message> solicit(Exchange6 ex, List<IaRequest> ias, List<Integer> oro) {
        ex = QueryStages6.selectSubnet(ex);
        boolean rapid = ex.query().rapidCommit() && ex.subnet() != null && ex.subnet().params().rapidCommit();
        Dhcp6Message reply = builder.base(ex, rapid ? MessageType6.REPLY : MessageType6.ADVERTISE);
        if (rapid) reply = reply.withOption(OptionCodes6.RAPID_COMMIT, Bytes.EMPTY);
        return assign(ex, ias, oro, reply, !rapid);
    }

    /** REQUEST: the leases are committed. */
    private Optional<Dhcp6Message> request(Exchange6 ex, List<IaRequest> ias, List<Integer> oro) {
        ex = QueryStages6.selectSubnet(ex);
        return assign(ex, ias, oro, builder.base(ex, MessageType6.REPLY), false);
    }

    private Optional<Dhcp6Message> assign(Exchange6 ex, List<IaRequest> ias, List<Integer> oro, Dhcp6Message reply, boolean fake) {
        if (ex.subnet() == null) {
            log.debug("no subnet for {} from {}", ex.query().type(), ex.datagram().sourceText());
            for (IaRequest ia : ias) reply = reply.plusOption(builder.noSubnet(ia));
            return Optional.of(builder.withOptions(reply, ex, oro));
        }
        ClientContext6 ctx = QueryStages6.context(ex, fake);
        ex = QueryStages6.withHost(ex, ctx);
        List<IaDecision> decisions = engine(ex).allocate(ctx, ias);
        if (storeFailed(decisions)) return Optional.empty();
        countDecisions(ex, decisions);
        Exchange6 done = QueryStages6.granted(ex, ctx, decisions);
        reply = builder.withIas(reply, done, decisions, Phase.ALLOCATE);
        return Optional.of(builder.withOptions(reply, done, oro));
    }

    /** RENEW and REBIND: the IAs' leases are extended; NoBinding for an IA the server does not know. */
    private Optional<Dhcp6Message> extend(Exchange6 ex, List<IaRequest> ias, List<Integer> oro, boolean rebind) {
        ex = QueryStages6.selectSubnet(ex);
        Dhcp6Message reply = builder.base(ex, MessageType6.REPLY);
        if (ex.subnet() == null) {
            List<IaDecision> none = ias.stream().map(ia -> (IaDecision) new IaDecision.NoBinding(ia, List.of())).toList();
            return Optional.of(builder.withOptions(builder.withIas(reply, ex, none, Phase.EXTEND), ex, oro));
        }
        ClientContext6 ctx = QueryStages6.context(ex, false);
        ex = QueryStages6.withHost(ex, ctx);
        List<IaDecision> decisions = engine(ex).renew(ctx, ias, rebind);
        if (storeFailed(decisions)) return Optional.empty();
        countDecisions(ex, decisions);
        Exchange6 done = QueryStages6.granted(ex, ctx, decisions);
        reply = builder.withIas(reply, done, decisions, Phase.EXTEND);
        return Optional.of(builder.withOptions(reply, done, oro));
    }

    /** CONFIRM: are the client's addresses on this link? No addresses at all: no reply (RFC 8415 section 18.3.3). */
    private Optional<Dhcp6Message> confirm(Exchange6 ex, List<Integer> oro) {
        ex = QueryStages6.selectSubnet(ex);
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
        Dhcp6Message reply = builder.base(ex, MessageType6.REPLY);
        if (ex.subnet() == null) return Optional.of(ResponseBuilder6.withStatus(reply, StatusCode6.NOT_ON_LINK, "No subnet selected"));
        List<Subnet6> link = ex.runtime().selection().link(ex.subnet());
        for (Bytes a : addresses) {
            if (link.stream().noneMatch(s -> s.prefix().contains(a))) {
                return Optional.of(ResponseBuilder6.withStatus(reply, StatusCode6.NOT_ON_LINK, "Address " + Ipv6.toString(a) + " is not on link."));
            }
        }
        reply = ResponseBuilder6.withStatus(reply, StatusCode6.SUCCESS, "All addresses are on-link");
        return Optional.of(builder.withOptions(reply, ex, oro));
    }

    /** RELEASE: each IA's addresses and prefixes are given back; a status per IA and a summary (Kea's texts). */
    private Optional<Dhcp6Message> release(Exchange6 ex, List<IaRequest> ias) {
        Dhcp6Message reply = builder.base(ex, MessageType6.REPLY);
        LeaseRelease6 releaser = new LeaseRelease6(ex.runtime().store(), stats, clock);
        ReleaseAnswers6.Result r = ReleaseAnswers6.release(builder, releaser, ex.duid(), ias);
        if (r.storeFailed()) return Optional.empty();
        for (var ia : r.ias()) reply = reply.plusOption(ia);
        return Optional.of(ResponseBuilder6.withStatus(reply, r.summary(), "Summary status for all processed IA_NAs"));
    }

    /** DECLINE: each address is quarantined for decline-probation-period; a status per IA_NA. */
    private Optional<Dhcp6Message> decline(Exchange6 ex, List<IaRequest> ias) {
        Dhcp6Message reply = builder.base(ex, MessageType6.REPLY);
        LeaseRelease6 releaser = new LeaseRelease6(ex.runtime().store(), stats, clock);
        long probation = ex.runtime().config().globals().declineProbationPeriod();
        ReleaseAnswers6.Result r = ReleaseAnswers6.decline(builder, releaser, ex.duid(), ias, probation);
        if (r.storeFailed()) return Optional.empty();
        for (var ia : r.ias()) reply = reply.plusOption(ia);
        return Optional.of(reply);
    }

    /** INFORMATION-REQUEST: options only, from the subnet when one is selected (and the host when known). */
    private Optional<Dhcp6Message> informationRequest(Exchange6 ex, List<Integer> oro) {
        ex = QueryStages6.selectSubnet(ex);
        if (ex.subnet() != null && ex.duid() != null) {
            ex = QueryStages6.withHost(ex, QueryStages6.context(ex, true));
        }
        ex = QueryStages6.additionalClasses(ex);
        return Optional.of(builder.withOptions(builder.base(ex, MessageType6.REPLY), ex, oro));
    }

    // ---- helpers ----

    private AllocationEngine6 engine(Exchange6 ex) {
        return new AllocationEngine6(ex.runtime().store(), ex.runtime().hosts(), cursors, stats, clock);
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
                stats.add("v6-allocation-fail", 1);
                stats.add(StatNames.subnet(ex.subnet().id(), "v6-allocation-fail"), 1);
                stats.add(ex.subnet().sharedNetworkName() != null ? "v6-allocation-fail-shared-network" : "v6-allocation-fail-subnet", 1);
                log.warn("no lease for IA {} of {} in subnet {}: {}", n.ia().iaid(), ex.duid(), ex.subnet().prefix(), n.reason());
            }
        }
    }

    private UdpDatagram6 send(Exchange6 ex, Dhcp6Message reply) {
        byte[] wire = Dhcp6Codec.encode(ex.chain().wrapReply(reply));
        stats.add("pkt6-sent", 1);
        if (MessageType6.ADVERTISE.equals(reply.type())) stats.add("pkt6-advertise-sent", 1);
        else if (MessageType6.REPLY.equals(reply.type())) stats.add("pkt6-reply-sent", 1);
        return routing.route(ex.datagram(), ex.chain(), wire);
    }

    private Optional<UdpDatagram6> drop(String why) {
        stats.add("pkt6-receive-drop", 1);
        log.debug("dropped: {}", why);
        return Optional.empty();
    }
}
