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
import dev.nestor.dhcp4.Dhcp4Runtime;
import dev.nestor.dhcp4.respond.ReplyRouting4;
import dev.nestor.dhcp4.respond.ResponseBuilder4;
import dev.nestor.engine.alloc.AllocationEngine4;
import dev.nestor.engine.alloc.ClientContext4;
import dev.nestor.engine.alloc.LeaseDecision;
import dev.nestor.engine.alloc.LeaseRelease4;
import dev.nestor.engine.alloc.PoolCursors;
import dev.nestor.transport.InboundDatagram;
import dev.nestor.transport.OutboundDatagram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The DHCPv4 packet path, one method per stage: decode → classify → dispatch by message type → (select subnet →
 * find reservation → allocate) → build reply → route. Stateless apart from its collaborators; safe to call from
 * many threads as long as one client's packets are not processed concurrently (see ClientSerializer).
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

    public Dhcp4Pipeline(Supplier<Dhcp4Runtime> runtime, PoolCursors cursors, StatsRegistry stats,
                         Clock clock, ReplyRouting4 routing, InterfaceDirectory interfaces) {
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
        Dhcp4Packet query;
        try {
            query = Dhcp4Codec.decode(in.data(), 0, in.length());
        } catch (WireFormatException e) {
            stats.add("pkt4-parse-failed", 1);
            return drop("malformed packet from " + Ipv4.toString(in.sourceAddress()) + ": " + e.getMessage());
        }
        if (query.op() != Dhcp4Packet.BOOTREQUEST) return drop("not a BOOTREQUEST");
        MessageType4 type = query.messageType();
        countReceived(type);
        if (type == null) return drop("BOOTP query without message type (BOOTP is not enabled)");
        Exchange4 ex = new Exchange4(in, query, runtime.get(), java.util.Set.of(), null, null, null,
                stages.serverIdFor(in));
        Exchange4 classified = stages.classify(ex);
        if (classified.classes().contains("DROP")) return drop("query is in class DROP");
        try {
            Optional<Dhcp4Packet> reply = switch (type.code()) {
                case 1 -> discover(classified);
                case 3 -> request(classified);
                case 4 -> decline(classified);
                case 7 -> release(classified);
                case 8 -> inform(classified);
                default -> Optional.empty();
            };
            return reply.map(r -> send(classified, r));
        } catch (RuntimeException e) {
            // a bug must cost one packet, not the worker thread
            log.error("error processing {} xid 0x{}: {}", type, Integer.toHexString(query.xid()), e.toString(), e);
            return drop("internal error");
        }
    }

    // ---- message types ----

    private Optional<Dhcp4Packet> discover(Exchange4 ex) {
        ex = stages.selectSubnet(ex);
        if (ex.subnet() == null) return dropEmpty("no subnet for DISCOVER from " + ex.query().hwAddress());
        ClientContext4 ctx = stages.context(ex, true, ex.query().requestedAddress().orElse(0));
        ex = stages.withHost(ex, ctx);
        LeaseDecision d = engine(ex).allocate(ctx);
        if (d instanceof LeaseDecision.Granted g) {
            Exchange4 done = stages.granted(ex, ctx, g);
            return Optional.of(builder.lease(done, MessageType4.OFFER, g.lease()));
        }
        allocationFailed(ex, d);
        return Optional.empty();
    }

    private Optional<Dhcp4Packet> request(Exchange4 ex) {
        Dhcp4Packet q = ex.query();
        boolean checkServerId = !ex.runtime().config().globals().compatibility().ignoreDhcpServerIdentifier();
        if (checkServerId && q.serverId().isPresent() && !stages.isOurServerId(ex, q.serverId().getAsInt())) {
            return dropEmpty("REQUEST for another server " + Ipv4.toString(q.serverId().getAsInt()));
        }
        boolean initReboot = q.serverId().isEmpty() && q.requestedAddress().isPresent() && q.ciaddr() == 0;
        int requested = q.requestedAddress().orElse(q.ciaddr());
        ex = stages.selectSubnet(ex);
        if (ex.subnet() == null) {
            if (ex.runtime().config().globals().scope().authoritative()) return Optional.of(builder.nak(ex));
            return dropEmpty("no subnet for REQUEST from " + q.hwAddress());
        }
        ClientContext4 ctx = stages.context(ex, false, requested);
        ex = stages.withHost(ex, ctx);
        AllocationEngine4 engine = engine(ex);
        if (initReboot) {
            Optional<Boolean> verdict = stages.initRebootVerdict(ex, ctx, engine, requested);
            if (verdict.isEmpty()) return dropEmpty("INIT-REBOOT from unknown client, not authoritative");
            if (!verdict.get()) return nak(ex, "INIT-REBOOT for " + Ipv4.toString(requested) + " refused");
        }
        LeaseDecision d = engine.allocate(ctx);
        return switch (d) {
            case LeaseDecision.Granted g -> {
                if (g.reused()) stats.add("subnet[" + g.subnet().id() + "].v4-lease-reuses", 1);
                if (g.reused()) stats.add("v4-lease-reuses", 1);
                Exchange4 done = stages.granted(ex, ctx, g);
                yield Optional.of(builder.lease(done, MessageType4.ACK, g.lease()));
            }
            case LeaseDecision.Nak n -> nak(ex, n.reason());
            case LeaseDecision.NoAddress n -> {
                allocationFailed(ex, n);
                yield nak(ex, n.reason());
            }
            case LeaseDecision.StoreFailed f -> {
                stats.add("pkt4-receive-drop", 1);
                log.warn("lease store failed, no ACK sent: {}", f.reason());
                yield Optional.empty();
            }
        };
    }

    private Optional<Dhcp4Packet> release(Exchange4 ex) {
        Dhcp4Packet q = ex.query();
        LeaseRelease4.Outcome o = releaser(ex).release(q.ciaddr(), q.hwAddress(), stages.clientIdForMatching(ex, null));
        log.debug("RELEASE of {} from {}: {}", Ipv4.toString(q.ciaddr()), q.hwAddress(), o);
        return Optional.empty();
    }

    private Optional<Dhcp4Packet> decline(Exchange4 ex) {
        Dhcp4Packet q = ex.query();
        if (q.requestedAddress().isEmpty()) return dropEmpty("DECLINE without requested address");
        int addr = q.requestedAddress().getAsInt();
        long probation = ex.runtime().config().globals().declineProbationPeriod();
        LeaseRelease4.Outcome o = releaser(ex).decline(addr, q.hwAddress(), stages.clientIdForMatching(ex, null), probation);
        log.info("DECLINE of {} from {}: {}", Ipv4.toString(addr), q.hwAddress(), o);
        return Optional.empty();
    }

    private Optional<Dhcp4Packet> inform(Exchange4 ex) {
        ex = stages.selectSubnet(ex);
        ClientContext4 ctx = ex.subnet() == null ? null : stages.context(ex, true, ex.query().ciaddr());
        if (ctx != null) ex = stages.withHost(ex, ctx);
        if (ex.subnet() != null) {
            Pool4 pool = null;
            for (Pool4 p : ex.subnet().pools()) if (p.contains(ex.query().ciaddr())) pool = p;
            ex = stages.additionalClasses(ex.withPool(pool));
        }
        return Optional.of(builder.inform(ex));
    }

    // ---- helpers ----

    private Optional<Dhcp4Packet> nak(Exchange4 ex, String reason) {
        log.debug("NAK to {}: {}", ex.query().hwAddress(), reason);
        return Optional.of(builder.nak(ex));
    }

    private AllocationEngine4 engine(Exchange4 ex) {
        return new AllocationEngine4(ex.runtime().store(), ex.runtime().hosts(), cursors, stats, clock);
    }

    private LeaseRelease4 releaser(Exchange4 ex) {
        return new LeaseRelease4(ex.runtime().store(), stats, clock);
    }

    private void allocationFailed(Exchange4 ex, LeaseDecision d) {
        stats.add("v4-allocation-fail", 1);
        stats.add("subnet[" + ex.subnet().id() + "].v4-allocation-fail", 1);
        if (ex.subnet().sharedNetworkName() != null) stats.add("v4-allocation-fail-shared-network", 1);
        else stats.add("v4-allocation-fail-subnet", 1);
        log.warn("no lease for {} in subnet {}: {}", ex.query().hwAddress(), ex.subnet().prefix(), d);
    }

    private OutboundDatagram send(Exchange4 ex, Dhcp4Packet reply) {
        int max = ex.query().maxMessageSize().orElse(576);
        byte[] wire = Dhcp4Codec.encode(reply, Math.max(576, max));
        stats.add("pkt4-sent", 1);
        MessageType4 t = reply.messageType();
        if (MessageType4.OFFER.equals(t)) stats.add("pkt4-offer-sent", 1);
        else if (MessageType4.ACK.equals(t)) stats.add("pkt4-ack-sent", 1);
        else if (MessageType4.NAK.equals(t)) stats.add("pkt4-nak-sent", 1);
        int source = Ipv4.fromBytes(reply.option(OptionCodes4.SERVER_ID).orElse(Bytes.of(Ipv4.toBytes(ex.serverId()))).toArray(), 0);
        if (!interfaces.isLocal(source)) source = ex.serverId();
        return routing.route(ex.datagram(), ex.query(), reply, wire, source);
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

    private Optional<Dhcp4Packet> dropEmpty(String why) {
        stats.add("pkt4-receive-drop", 1);
        log.debug("dropped: {}", why);
        return Optional.empty();
    }

    static Options none() { return Options.empty(); }
}
