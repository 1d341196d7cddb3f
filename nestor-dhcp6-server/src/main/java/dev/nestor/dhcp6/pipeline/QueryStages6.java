package dev.nestor.dhcp6.pipeline;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6RelayMessage;
import dev.nestor.codec.v6.IaAddress;
import dev.nestor.codec.v6.IaNa;
import dev.nestor.codec.v6.IaPd;
import dev.nestor.codec.v6.IaPrefix;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Pool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.dhcp6.Dhcp6Runtime;
import dev.nestor.engine.v6.ClientContext6;
import dev.nestor.engine.v6.HostIndex6;
import dev.nestor.engine.v6.IaDecision;
import dev.nestor.engine.v6.IaRequest;
import dev.nestor.engine.v6.SubnetSelector6;
import dev.nestor.hooks.v6.Host6Identifier;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseType6;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The stages of the DHCPv6 pipeline that learn something about a query and return an enriched exchange. */
final class QueryStages6 {
    private QueryStages6() {}

    /** Built-in classes (ALL, VENDOR_CLASS_*, added by the classifier), then the configured classes in order. */
    static Exchange6 classify(Exchange6 ex) {
        Set<String> initial = Set.of();
        return ex.withClasses(ex.runtime().classifier().classify(new PacketView6(ex.chain(), ex.datagram(), initial), initial));
    }

    /** Kea's selector: interface, source address, and for relayed queries the closest relay's interface-id and links. */
    static Exchange6 selectSubnet(Exchange6 ex) {
        List<Dhcp6RelayMessage> relays = ex.chain().relays();
        List<Bytes> links = new ArrayList<>();
        for (int i = relays.size() - 1; i >= 0; i--) links.add(relays.get(i).linkAddress());
        Bytes interfaceId = ex.chain().innermost().flatMap(Dhcp6RelayMessage::interfaceId).orElse(null);
        SubnetSelector6 s = new SubnetSelector6(ex.datagram().interfaceName(), interfaceId, links,
                Bytes.of(ex.datagram().sourceAddress()), ex.classes());
        return ex.withSubnet(ex.runtime().selection().select(s).orElse(null));
    }

    /** The IAs of the query, with what the client put in them (RFC 7550: each handled on its own). */
    static List<IaRequest> iaRequests(Dhcp6Message q) throws WireFormatException {
        List<IaRequest> out = new ArrayList<>();
        for (IaNa na : q.iaNa()) {
            List<IaRequest.Hint> hints = new ArrayList<>();
            for (IaAddress a : na.addresses()) hints.add(new IaRequest.Hint(a.address(), 128, a.preferredLifetime(), a.validLifetime()));
            out.add(new IaRequest(LeaseType6.NA, na.iaid(), hints));
        }
        for (IaPd pd : q.iaPd()) {
            List<IaRequest.Hint> hints = new ArrayList<>();
            for (IaPrefix p : pd.prefixes()) hints.add(new IaRequest.Hint(p.prefix(), p.prefixLength(), p.preferredLifetime(), p.validLifetime()));
            out.add(new IaRequest(LeaseType6.PD, pd.iaid(), hints));
        }
        return out;
    }

    /**
     * The client's hardware address, from the sources Kea's "any" tries: the closest relay's client-linklayer-addr
     * option (RFC 6939), then a DUID-LLT or DUID-LL. Null when none is known.
     */
    static HwAddress hwAddress(Exchange6 ex) {
        Optional<Bytes> lla = ex.chain().innermost().flatMap(r -> r.option(OptionCodes6.CLIENT_LINKLAYER_ADDR));
        if (lla.isPresent() && lla.get().length() > 2) {
            byte[] b = lla.get().toArray();
            return hw((b[0] & 0xFF) << 8 | (b[1] & 0xFF), b, 2);
        }
        Bytes duid = ex.duid();
        if (duid == null || duid.length() < 4) return null;
        int type = duid.get(0) << 8 | duid.get(1);
        int htype = duid.get(2) << 8 | duid.get(3);
        if (type == 1 && duid.length() > 8) return hw(htype, duid.toArray(), 8);
        if (type == 3) return hw(htype, duid.toArray(), 4);
        return null;
    }

    private static HwAddress hw(int htype, byte[] b, int from) {
        byte[] mac = new byte[b.length - from];
        System.arraycopy(b, from, mac, 0, mac.length);
        try {
            return new HwAddress(htype, mac);
        } catch (IllegalArgumentException e) {
            return null; // over-long or odd addresses are simply not used
        }
    }

    /** Everything the engine needs, with the client's reservations in each candidate subnet and host classes. */
    static ClientContext6 context(Exchange6 ex, boolean fake) {
        Dhcp6Runtime rt = ex.runtime();
        HwAddress hw = hwAddress(ex);
        HostIndex6.ClientIds ids = identifiers(ex, hw);
        var order = rt.config().globals().hostReservationIdentifiers();
        List<Subnet6> subnets = rt.selection().candidates(ex.subnet(), ex.classes());
        Map<Long, Reservation6> reservations = new HashMap<>();
        rt.hosts().find(0, order, ids).ifPresent(r -> reservations.put(0L, r));
        for (Subnet6 s : subnets) rt.hosts().find(s.id(), order, ids).ifPresent(r -> reservations.put(s.id(), r));
        Reservation6 selected = reservations.getOrDefault(ex.subnet().id(),
                ex.subnet().params().reservationsGlobal() ? reservations.get(0L) : null);
        Set<String> classes = new LinkedHashSet<>(ex.classes());
        if (selected != null) classes.addAll(selected.clientClasses());
        classes = rt.classifier().classifyAfterHostLookup(new PacketView6(ex.chain(), ex.datagram(), classes), classes, selected != null);
        String hostname = selected != null ? selected.hostname() : "";
        return new ClientContext6(subnets, ex.duid(), hw, fake, reservations, classes, hostname, classValid(rt, classes));
    }

    /**
     * The identifiers reservations are looked up by: the DUID, the hardware address and, when
     * host-reservation-identifiers lists flex-id, what the host6_identifier callouts (flex_id) answer (Kea's
     * initContext; a callout may also answer a DUID or hardware address, used for this lookup only).
     */
    static HostIndex6.ClientIds identifiers(Exchange6 ex, HwAddress hw) {
        HostIndex6.ClientIds ids = new HostIndex6.ClientIds(ex.duid(), hw == null ? null : Bytes.of(hw.bytes()), null);
        if (!ex.runtime().config().globals().hostReservationIdentifiers().contains(Reservation6.IdentifierType.FLEX_ID)) return ids;
        Host6Identifier h = PacketHooks6.hostIdentifier(ex);
        if (h == null) return ids;
        return switch (h.type()) {
            case FLEX_ID -> new HostIndex6.ClientIds(ids.duid(), ids.hwAddress(), h.identifier());
            case DUID -> new HostIndex6.ClientIds(h.identifier(), ids.hwAddress(), null);
            case HW_ADDRESS -> new HostIndex6.ClientIds(ids.duid(), h.identifier(), null);
        };
    }

    /** The exchange after host lookup: classes including KNOWN/UNKNOWN and reservation classes, and the host. */
    static Exchange6 withHost(Exchange6 ex, ClientContext6 ctx) {
        return ex.withClasses(ctx.classes()).withReservation(ctx.reservationIn(ex.subnet()));
    }

    /** After allocation: the pools of the first address and prefix granted, then additional classes. */
    static Exchange6 granted(Exchange6 ex, ClientContext6 ctx, List<IaDecision> decisions) {
        Pool6 pool = null;
        PdPool6 pdPool = null;
        Subnet6 subnet = ex.subnet();
        for (IaDecision d : decisions) {
            if (!(d instanceof IaDecision.Granted g)) continue;
            Lease6 l = g.leases().getFirst();
            if (pool == null && l.type() == LeaseType6.NA) {
                for (Pool6 p : g.subnet().pools()) if (p.contains(l.address())) pool = p;
                subnet = g.subnet();
            } else if (pdPool == null && l.type() == LeaseType6.PD) {
                pdPool = g.subnet().pdPoolOf(new Ipv6Prefix(l.address(), l.prefixLength()));
            }
        }
        Exchange6 out = ex.withSubnet(subnet).withReservation(ctx.reservationIn(subnet)).withPools(pool, pdPool);
        return additionalClasses(out);
    }

    /** evaluate-additional-classes of pools, subnet and shared network (Kea's "required" classes). */
    static Exchange6 additionalClasses(Exchange6 ex) {
        List<String> requested = new ArrayList<>();
        if (ex.pool() != null) requested.addAll(ex.pool().evaluateAdditionalClasses());
        if (ex.pdPool() != null) requested.addAll(ex.pdPool().evaluateAdditionalClasses());
        if (ex.subnet() != null) {
            requested.addAll(ex.subnet().evaluateAdditionalClasses());
            if (ex.subnet().sharedNetworkName() != null) {
                ex.runtime().config().sharedNetwork(ex.subnet().sharedNetworkName())
                        .ifPresent(n -> requested.addAll(n.evaluateAdditionalClasses()));
            }
        }
        if (requested.isEmpty()) return ex;
        return ex.withClasses(ex.runtime().classifier().evaluateAdditional(
                new PacketView6(ex.chain(), ex.datagram(), ex.classes()), ex.classes(), requested));
    }

    private static Lifetime classValid(Dhcp6Runtime rt, Set<String> classes) {
        for (ClientClassDef c : rt.config().clientClasses()) {
            if (classes.contains(c.name()) && c.validLifetime() != null) return c.validLifetime();
        }
        return null;
    }
}
