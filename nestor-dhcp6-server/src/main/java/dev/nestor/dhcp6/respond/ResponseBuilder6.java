package dev.nestor.dhcp6.respond;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.IaAddress;
import dev.nestor.codec.v6.IaNa;
import dev.nestor.codec.v6.IaPd;
import dev.nestor.codec.v6.IaPrefix;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.codec.v6.OptionList6;
import dev.nestor.codec.v6.PdExclude;
import dev.nestor.codec.v6.StatusCode6;
import dev.nestor.codec.v6.StatusOption;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.PdPool6;
import dev.nestor.config.model.Reservation6;
import dev.nestor.config.model.Subnet6;
import dev.nestor.config.model.SubnetParams6;
import dev.nestor.dhcp6.pipeline.Exchange6;
import dev.nestor.engine.v6.IaDecision;
import dev.nestor.engine.v6.IaRequest;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseType6;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds ADVERTISE and REPLY messages in Kea's order of steps: CLIENTID echoed and SERVERID, one IA option per IA of
 * the query (addresses or prefixes with their lifetimes and T1/T2, or a status code with Kea's text), then the
 * configured options the client asked for in its ORO and those marked always-send.
 */
public final class ResponseBuilder6 {
    /** Options the server composes itself; option-data for them is never copied blindly. */
    private static final Set<Integer> SERVER_OWNED = Set.of(OptionCodes6.CLIENTID, OptionCodes6.SERVERID, OptionCodes6.IA_NA,
            OptionCodes6.IA_TA, OptionCodes6.IAADDR, OptionCodes6.ORO, OptionCodes6.ELAPSED_TIME, OptionCodes6.RELAY_MSG,
            OptionCodes6.STATUS_CODE, OptionCodes6.RAPID_COMMIT, OptionCodes6.INTERFACE_ID, OptionCodes6.IA_PD,
            OptionCodes6.IAPREFIX);

    /** Which exchange an IA answer belongs to: Kea's failure texts differ between allocating and extending. */
    public enum Phase { ALLOCATE, EXTEND }

    /** Message type, the client's CLIENTID echoed and our SERVERID. */
    public Dhcp6Message base(Exchange6 ex, MessageType6 type) {
        Dhcp6Message reply = Dhcp6Message.replyTo(ex.query(), type);
        Optional<Bytes> cid = ex.query().clientId();
        if (cid.isPresent()) reply = reply.withOption(OptionCodes6.CLIENTID, cid.get());
        return reply.withOption(OptionCodes6.SERVERID, ex.runtime().serverId());
    }

    /** One IA option per decision, in the query's order (RFC 7550: each IA answered on its own). */
    public Dhcp6Message withIas(Dhcp6Message reply, Exchange6 ex, List<IaDecision> decisions, Phase phase) {
        for (IaDecision d : decisions) reply = reply.plusOption(ia(ex, d, phase));
        return reply;
    }

    private dev.nestor.codec.v6.Option6Value ia(Exchange6 ex, IaDecision d, Phase phase) {
        IaRequest ia = d.ia();
        boolean pd = ia.type() == LeaseType6.PD;
        return switch (d) {
            case IaDecision.Granted g -> {
                List<dev.nestor.codec.v6.Option6Value> subs = new ArrayList<>();
                long minPreferred = Long.MAX_VALUE;
                for (Lease6 l : g.leases()) {
                    subs.add(entry(ex, g.subnet(), l, l.preferredLifetime(), l.validLifetime()));
                    minPreferred = Math.min(minPreferred, l.preferredLifetime());
                }
                for (Lease6 l : g.revoked()) subs.add(entry(ex, null, l, 0, 0));
                long[] tee = teeTimes(g.subnet().params(), minPreferred);
                OptionList6 o = OptionList6.of(subs.toArray(dev.nestor.codec.v6.Option6Value[]::new));
                yield pd ? new IaPd(ia.iaid(), tee[0], tee[1], o) : new IaNa(ia.iaid(), tee[0], tee[1], o);
            }
            case IaDecision.NoneAvailable n -> failed(ia, pd
                    ? StatusOption.of(StatusCode6.NO_PREFIX_AVAIL, phase == Phase.ALLOCATE
                        ? "Sorry, no prefixes could be allocated." : "Sorry, no prefixes could be assigned at this time.")
                    : StatusOption.of(StatusCode6.NO_ADDRS_AVAIL, phase == Phase.ALLOCATE
                        ? "Sorry, no address could be allocated." : "Sorry, no addresses could be assigned at this time."),
                    n.revoked().stream().map(l -> entry(ex, null, l, 0, 0)).toList());
            case IaDecision.NoBinding n -> failed(ia, StatusOption.of(StatusCode6.NO_BINDING, pd
                    ? "Sorry, no known PD leases for this duid/iaid." : "Sorry, no known leases for this duid/iaid."),
                    n.revoked().stream().map(l -> entry(ex, null, l, 0, 0)).toList());
            case IaDecision.StoreFailed f -> failed(ia, StatusOption.of(StatusCode6.UNSPEC_FAIL, "Lease database failure"), List.of());
        };
    }

    /** An IA with no leases when no subnet could be selected for the client (Kea's texts). */
    public dev.nestor.codec.v6.Option6Value noSubnet(IaRequest ia) {
        return ia.type() == LeaseType6.PD
                ? failed(ia, StatusOption.of(StatusCode6.NO_PREFIX_AVAIL, "Sorry, no subnet available."), List.of())
                : failed(ia, StatusOption.of(StatusCode6.NO_ADDRS_AVAIL, "Server could not select subnet for this client"), List.of());
    }

    /** An IA carrying only a status (RELEASE, DECLINE, failures). */
    public dev.nestor.codec.v6.Option6Value failed(IaRequest ia, StatusOption status, List<dev.nestor.codec.v6.Option6Value> entries) {
        List<dev.nestor.codec.v6.Option6Value> subs = new ArrayList<>(entries);
        subs.add(status);
        OptionList6 o = OptionList6.of(subs.toArray(dev.nestor.codec.v6.Option6Value[]::new));
        return ia.type() == LeaseType6.PD ? new IaPd(ia.iaid(), 0, 0, o) : new IaNa(ia.iaid(), 0, 0, o);
    }

    private static dev.nestor.codec.v6.Option6Value entry(Exchange6 ex, Subnet6 subnet, Lease6 l, long preferred, long valid) {
        if (l.type() != LeaseType6.PD) return IaAddress.of(l.address(), preferred, valid);
        Ipv6Prefix delegated = new Ipv6Prefix(l.address(), l.prefixLength());
        IaPrefix p = IaPrefix.of(delegated, preferred, valid);
        Ipv6Prefix excluded = subnet == null ? null : excludedFor(ex, subnet, delegated);
        if (excluded == null) return p;
        return new IaPrefix(p.preferredLifetime(), p.validLifetime(), p.prefixLength(), p.prefix(),
                OptionList6.of(PdExclude.of(delegated, excluded)));
    }

    /** RFC 6603: the reservation's excluded prefix, or the pd-pool's excluded bits applied to this prefix. */
    private static Ipv6Prefix excludedFor(Exchange6 ex, Subnet6 subnet, Ipv6Prefix delegated) {
        if (ex.reservation() != null) {
            for (Reservation6.PrefixReservation r : ex.reservation().prefixes()) {
                if (r.prefix().equals(delegated)) return r.excluded();
            }
        }
        PdPool6 pool = subnet.pdPoolOf(delegated);
        if (pool == null || pool.excludedPrefix() == null) return null;
        Ipv6Prefix template = new Ipv6Prefix(pool.excludedPrefix().network(), delegated.length());
        return PdExclude.of(template, pool.excludedPrefix()).excluded(delegated);
    }

    /**
     * Kea's setTeeTimes: T2 configured, else calculated from the IA's shortest preferred lifetime; T1 likewise, and
     * sent only when below T2 (otherwise 0: the client chooses).
     */
    static long[] teeTimes(SubnetParams6 p, long preferred) {
        if (preferred == Long.MAX_VALUE) preferred = 0;
        long t2 = p.rebindTimer() != null ? p.rebindTimer() : p.calculateTeeTimes() ? Math.round(p.t2Percent() * preferred) : 0;
        long t1 = p.renewTimer() != null ? p.renewTimer() : p.calculateTeeTimes() ? Math.round(p.t1Percent() * preferred) : 0;
        t2 = Math.min(t2, 0xFFFFFFFFL);
        return new long[] {t1 < t2 ? t1 : 0, t2};
    }

    /**
     * The options the client asked for (ORO) and the always-send ones, from the option chain; then vendor-class and
     * vendor-opts with their per-enterprise sub-options ({@link VendorOptions6}).
     */
    public Dhcp6Message withOptions(Dhcp6Message reply, Exchange6 ex, List<Integer> requested) {
        OptionChain6 chain = new OptionChain6(ex);
        Set<Integer> codes = new LinkedHashSet<>(requested);
        for (OptionData od : chain.allIn("dhcp6")) if (od.alwaysSend()) codes.add(od.code());
        for (int code : codes) {
            // vendor-opts is one container per enterprise, built below
            if (SERVER_OWNED.contains(code) || code == OptionCodes6.VENDOR_OPTS || reply.hasOption(code)) continue;
            Optional<OptionData> od = chain.find("dhcp6", code);
            if (od.isEmpty() || od.get().neverSend()) continue;
            reply = reply.withOption(code, od.get().data());
        }
        reply = VendorOptions6.containers(reply, chain, codes);
        return VendorOptions6.subOptions(reply, ex, chain);
    }

    /** A message-level STATUS_CODE. */
    public static Dhcp6Message withStatus(Dhcp6Message reply, StatusCode6 code, String text) {
        return reply.withOption(StatusOption.of(code, text));
    }
}
