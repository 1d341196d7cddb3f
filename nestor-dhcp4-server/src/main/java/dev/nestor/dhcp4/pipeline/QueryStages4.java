package dev.nestor.dhcp4.pipeline;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.Pool4;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Reservation4.IdentifierType;
import dev.nestor.config.model.SharedNetwork4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.dhcp4.Dhcp4Runtime;
import dev.nestor.engine.alloc.AllocationEngine4;
import dev.nestor.engine.alloc.ClientContext4;
import dev.nestor.engine.alloc.LeaseDecision;
import dev.nestor.engine.host.HostIndex4.ClientIdentifiers;
import dev.nestor.engine.select.SubnetSelector;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseStoreException;
import dev.nestor.transport.InboundDatagram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The stages of the pipeline that learn something about a query and return an enriched exchange. */
final class QueryStages4 {
    private final InterfaceDirectory interfaces;

    QueryStages4(InterfaceDirectory interfaces) {
        this.interfaces = interfaces;
    }

    /** The address we answer from: the one the client unicast to, else the ingress interface's primary address. */
    int serverIdFor(InboundDatagram in) {
        if (in.destinationAddress() != Ipv4.BROADCAST && in.destinationAddress() != 0 && interfaces.isLocal(in.destinationAddress())) {
            return in.destinationAddress();
        }
        List<Integer> addrs = interfaces.addresses(in.interfaceIndex());
        return addrs.isEmpty() ? 0 : addrs.getFirst();
    }

    /** Built-in classes (ALL, VENDOR_CLASS_*, added by the classifier), then the configured classes in order. */
    Exchange4 classify(Exchange4 ex) {
        // Kea's bootp library puts queries without a message type in class BOOTP before classification
        Set<String> initial = ex.query().messageType() == null ? Set.of("BOOTP") : Set.of();
        Set<String> classes = ex.runtime().classifier().classify(new PacketView4(ex.query(), ex.datagram(), initial), initial);
        return ex.withClasses(classes);
    }

    Exchange4 selectSubnet(Exchange4 ex) {
        Dhcp4Packet q = ex.query();
        int optionSelect = 0;
        Optional<Options> rai = q.relayAgentInfo();
        boolean ignoreLinkSel = ex.runtime().config().globals().compatibility().ignoreRaiLinkSelection();
        if (rai.isPresent() && !ignoreLinkSel) {
            Optional<Bytes> ls = rai.get().get(OptionCodes4.RAI_LINK_SELECTION);
            if (ls.isPresent() && ls.get().length() == 4) optionSelect = Ipv4.fromBytes(ls.get().toArray(), 0);
        }
        Optional<Bytes> sel = q.option(OptionCodes4.SUBNET_SELECTION);
        if (optionSelect == 0 && sel.isPresent() && sel.get().length() == 4) optionSelect = Ipv4.fromBytes(sel.get().toArray(), 0);
        InboundDatagram in = ex.datagram();
        SubnetSelector selector = new SubnetSelector(optionSelect, q.giaddr(), q.ciaddr(), in.sourceAddress(),
                in.isBroadcast(), in.interfaceName(), interfaces.addresses(in.interfaceIndex()), ex.classes());
        return ex.withSubnet(ex.runtime().selection().select(selector).orElse(null));
    }

    /** Client identifiers for lease matching: null when absent, or when match-client-id is off. */
    Bytes clientIdForMatching(Exchange4 ex, Subnet4 subnet) {
        Optional<Bytes> cid = ex.query().clientId();
        if (cid.isEmpty() || cid.get().isEmpty()) return null;
        if (subnet != null && !subnet.params().matchClientId()) return null;
        return cid.get();
    }

    /** The query's identifiers; the flex-id comes from host4_identifier callouts (flex_id) when configured. */
    ClientIdentifiers identifiers(Exchange4 ex) {
        ClientIdentifiers ids = identifiers(ex.query());
        if (!ex.runtime().config().globals().hostReservationIdentifiers().contains(IdentifierType.FLEX_ID)) return ids;
        Bytes flex = PacketHooks4.hostIdentifier(ex);
        return flex == null ? ids : new ClientIdentifiers(ids.hwAddress(), ids.clientId(), ids.circuitId(), ids.duid(), flex);
    }

    ClientIdentifiers identifiers(Dhcp4Packet q) {
        Bytes hw = Bytes.of(q.hwAddress().bytes());
        Bytes cid = q.clientId().orElse(null);
        Bytes circuit = q.relayAgentInfo().flatMap(r -> r.get(OptionCodes4.RAI_CIRCUIT_ID)).orElse(null);
        Bytes duid = null;
        // RFC 4361: client-id type 255 = IAID (4 bytes) + DUID
        if (cid != null && cid.length() > 5 && cid.get(0) == 0xFF) {
            duid = Bytes.of(cid.toArray(), 5, cid.length() - 5);
        }
        return new ClientIdentifiers(hw, cid, circuit, duid, null);
    }

    /** Everything the allocation engine needs, with the client's reservations in each candidate subnet. */
    ClientContext4 context(Exchange4 ex, boolean fake, int requested) {
        Dhcp4Runtime rt = ex.runtime();
        Dhcp4Packet q = ex.query();
        ClientIdentifiers ids = identifiers(ex);
        var order = rt.config().globals().hostReservationIdentifiers();
        // reservations can add classes, and classes can widen the shared network: look up with the subnets
        // admitted by the classes known so far
        List<Subnet4> subnets = rt.selection().candidates(ex.subnet(), ex.classes());
        Map<Long, Reservation4> reservations = new HashMap<>();
        rt.hosts().find(0, order, ids).ifPresent(r -> reservations.put(0L, r));
        for (Subnet4 s : subnets) rt.hosts().find(s.id(), order, ids).ifPresent(r -> reservations.put(s.id(), r));
        Set<String> classes = new LinkedHashSet<>(ex.classes());
        Reservation4 selected = reservations.getOrDefault(ex.subnet().id(),
                ex.subnet().params().reservationsGlobal() ? reservations.get(0L) : null);
        if (selected != null) classes.addAll(selected.clientClasses());
        classes = rt.classifier().classifyAfterHostLookup(new PacketView4(q, ex.datagram(), classes), classes, selected != null);
        String hostname = selected != null && !selected.hostname().isEmpty() ? selected.hostname() : clientHostname(q);
        long hint = q.option(OptionCodes4.LEASE_TIME).filter(b -> b.length() == 4)
                .map(b -> Ipv4.toUnsigned(Ipv4.fromBytes(b.toArray(), 0))).orElse(0L);
        return new ClientContext4(subnets, q.hwAddress(), clientIdForMatching(ex, ex.subnet()), requested, fake,
                reservations, classes, hostname, hint, classLifetime(rt, classes));
    }

    /** The exchange after host lookup: classes including KNOWN/UNKNOWN and reservation classes, and the host. */
    Exchange4 withHost(Exchange4 ex, ClientContext4 ctx) {
        return ex.withClasses(ctx.classes()).withReservation(ctx.reservationIn(ex.subnet()));
    }

    /** After allocation: the subnet and pool of the granted address, the host there, additional classes. */
    Exchange4 granted(Exchange4 ex, ClientContext4 ctx, LeaseDecision.Granted g) {
        Pool4 pool = null;
        for (Pool4 p : g.subnet().pools()) if (p.contains(g.lease().address())) pool = p;
        Exchange4 out = ex.withSubnet(g.subnet()).withReservation(ctx.reservationIn(g.subnet())).withPool(pool);
        return additionalClasses(out);
    }

    /** evaluate-additional-classes of pool, subnet and shared network (Kea's "required" classes). */
    Exchange4 additionalClasses(Exchange4 ex) {
        List<String> requested = new ArrayList<>();
        if (ex.pool() != null) requested.addAll(ex.pool().evaluateAdditionalClasses());
        if (ex.subnet() != null) {
            requested.addAll(ex.subnet().evaluateAdditionalClasses());
            if (ex.subnet().sharedNetworkName() != null) {
                ex.runtime().config().sharedNetwork(ex.subnet().sharedNetworkName())
                        .ifPresent(n -> requested.addAll(evaluateAdditionalOf(n)));
            }
        }
        if (requested.isEmpty()) return ex;
        Set<String> classes = ex.runtime().classifier().evaluateAdditional(
                new PacketView4(ex.query(), ex.datagram(), ex.classes()), ex.classes(), requested);
        return ex.withClasses(classes);
    }

    private static List<String> evaluateAdditionalOf(SharedNetwork4 n) {
        return List.of(); // shared networks carry no additional classes in the model yet
    }

    /** Kea's INIT-REBOOT rule: empty = stay silent, true = go on, false = NAK. */
    Optional<Boolean> initRebootVerdict(Exchange4 ex, ClientContext4 ctx, AllocationEngine4 engine, int requested) {
        boolean authoritative = ex.subnet().params().authoritative();
        Optional<Lease4> lease;
        try {
            lease = engine.findClientLease(ctx);
        } catch (LeaseStoreException e) {
            return Optional.empty();
        }
        boolean known = lease.isPresent();
        if (!known && !authoritative) return Optional.empty();
        if (known && lease.get().address() != requested) return Optional.of(false);
        if (!known && authoritative) return Optional.of(false);
        Reservation4 r = ctx.reservationIn(ex.subnet());
        boolean reserved = r != null && r.ipAddress() != null && r.ipAddress() == requested;
        boolean inPool = false;
        for (Subnet4 s : ctx.subnets()) if (s.inPool(requested)) inPool = true;
        return Optional.of(inPool || reserved);
    }

    boolean isOurServerId(Exchange4 ex, int serverId) {
        if (serverId == ex.serverId() || interfaces.isLocal(serverId)) return true;
        Optional<Bytes> override = ex.query().relayAgentInfo().flatMap(r -> r.get(OptionCodes4.RAI_SERVER_ID_OVERRIDE));
        if (override.isPresent() && override.get().length() == 4 && Ipv4.fromBytes(override.get().toArray(), 0) == serverId) return true;
        return configuredServerIds(ex).contains(serverId);
    }

    private static Set<Integer> configuredServerIds(Exchange4 ex) {
        Set<Integer> out = new java.util.HashSet<>();
        var cfg = ex.runtime().config();
        List<List<OptionData>> all = new ArrayList<>();
        all.add(cfg.globalOptions());
        for (Subnet4 s : cfg.subnets()) all.add(s.options());
        for (SharedNetwork4 n : cfg.sharedNetworks()) all.add(n.options());
        for (ClientClassDef c : cfg.clientClasses()) all.add(c.options());
        for (List<OptionData> l : all) {
            for (OptionData od : l) {
                if (od.code() == OptionCodes4.SERVER_ID && od.space().equals("dhcp4") && od.data().length() == 4) {
                    out.add(Ipv4.fromBytes(od.data().toArray(), 0));
                }
            }
        }
        return out;
    }

    private static String clientHostname(Dhcp4Packet q) {
        return q.option(OptionCodes4.HOST_NAME).map(b -> {
            String s = new String(b.toArray(), StandardCharsets.US_ASCII);
            int nul = s.indexOf('\0');
            return (nul >= 0 ? s.substring(0, nul) : s).trim();
        }).orElse("");
    }

    private static Lifetime classLifetime(Dhcp4Runtime rt, Set<String> classes) {
        for (ClientClassDef c : rt.config().clientClasses()) {
            if (classes.contains(c.name()) && c.validLifetime() != null) return c.validLifetime();
        }
        return null;
    }
}
