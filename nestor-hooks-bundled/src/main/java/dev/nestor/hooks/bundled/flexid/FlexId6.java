package dev.nestor.hooks.bundled.flexid;

import dev.nestor.classify.expr.Expr;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.IaNa;
import dev.nestor.codec.v6.IaPd;
import dev.nestor.codec.v6.Option6;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.codec.v6.OptionList6;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.bundled.ClientMessages6;
import dev.nestor.hooks.bundled.Expressions;
import dev.nestor.hooks.v6.Host6Identifier;
import dev.nestor.hooks.v6.Pkt6Receive;
import dev.nestor.hooks.v6.Pkt6Send;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * flex_id in the DHCPv6 server (Kea's callouts): host6_identifier answers the flex-id; with {@code replace-client-id}
 * pkt6_receive replaces the client's DUID by two zero bytes and the flex-id (so leases follow the flex-id) and
 * pkt6_send puts the client's own DUID back in the response; with {@code ignore-iaid} a query's only IA_NA (and its
 * only IA_PD) gets IAID 0, and the response the client's IAID back. The flex-id is computed once per query, at
 * pkt6_receive when it changes the DUID (the expression may read the DUID it replaces), else at host6_identifier.
 */
final class FlexId6 {
    private static final int MAX_PENDING = 4096;

    private final Expr.StringExpr expression; // null: no flexible identifier, only ignore-iaid
    private final boolean replaceClientId;
    private final boolean ignoreIaid;
    private final Logger log;
    // what pkt6_receive changed per query (keyed by the changed query), until pkt6_send undoes it in the response
    private final Map<Key, Pending> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<Key, Pending> e) { return size() > MAX_PENDING; }
    };

    private record Key(int xid, Bytes clientId) {
        static Key of(Dhcp6Message m) { return new Key(m.transactionId(), m.clientId().orElse(Bytes.EMPTY)); }
    }

    /**
     * @param flexId   the flex-id computed at pkt6_receive, null when none
     * @param duid     the client's own DUID when it was replaced (null: the query had none)
     * @param replaced whether CLIENTID was replaced
     * @param naIaid   the IAID of the only IA_NA before it was zeroed, null when untouched
     * @param pdIaid   the same for the only IA_PD
     */
    private record Pending(Bytes flexId, Bytes duid, boolean replaced, Long naIaid, Long pdIaid) {}

    FlexId6(Expr.StringExpr expression, boolean replaceClientId, boolean ignoreIaid, Logger log) {
        this.expression = expression;
        this.replaceClientId = replaceClientId && expression != null;
        this.ignoreIaid = ignoreIaid;
        this.log = log;
    }

    void register(HookContext ctx) {
        if (expression != null) ctx.registerCallout(HookPoint.HOST6_IDENTIFIER, this::hostIdentifier);
        if (replaceClientId || ignoreIaid) {
            ctx.registerCallout(HookPoint.PKT6_RECEIVE, this::receive);
            ctx.registerCallout(HookPoint.PKT6_SEND, this::send);
        }
        if (ignoreIaid) log.warn("FLEX_ID_IGNORE_IAID_ENABLED ignore-iaid is on: the IAID of a query's only IA_NA / IA_PD is stored as 0 (not RFC 8415 compliant)");
    }

    private CalloutResult<Host6Identifier> hostIdentifier(Host6Identifier e) {
        if (replaceClientId) {
            Dhcp6Message client = ClientMessages6.of(e.query());
            Pending p;
            synchronized (pending) {
                p = client == null ? null : pending.get(Key.of(client));
            }
            if (p != null && p.flexId() != null) return CalloutResult.proceed(e.withIdentifier(p.flexId()));
        }
        Bytes id = evaluate(e.query(), Set.of());
        return id.isEmpty() ? CalloutResult.proceed() : CalloutResult.proceed(e.withIdentifier(id));
    }

    private CalloutResult<Pkt6Receive> receive(Pkt6Receive e) {
        Dhcp6Message client = ClientMessages6.of(e.query());
        if (client == null) return CalloutResult.proceed();
        Long na = null, pd = null;
        Dhcp6Message m = client;
        if (ignoreIaid) {
            try {
                if (client.iaNa().size() == 1) na = client.iaNa().getFirst().iaid();
                if (client.iaPd().size() == 1) pd = client.iaPd().getFirst().iaid();
            } catch (WireFormatException ex) {
                return CalloutResult.proceed(); // the server drops it anyway
            }
            m = withIaids(m, na == null ? null : _ -> 0, pd == null ? null : _ -> 0);
        }
        Dhcp6Packet query = m == client ? e.query() : replaceClient(e.query(), m);
        Bytes flexId = null;
        Bytes duid = null;
        boolean replaced = false;
        if (replaceClientId) {
            Bytes id = evaluate(query, e.classes());
            if (!id.isEmpty()) {
                flexId = id;
                duid = m.clientId().orElse(null);
                byte[] newDuid = new byte[id.length() + 2]; // DUID type 0, then the flex-id (Kea's "00:00:" + id)
                System.arraycopy(id.toArray(), 0, newDuid, 2, id.length());
                m = m.withOption(OptionCodes6.CLIENTID, Bytes.of(newDuid));
                replaced = true;
                query = replaceClient(e.query(), m);
                log.debug("FLEX_ID_USED_AS_DUID the flex-id {} replaces the client's DUID", id.toHexColon());
            }
        }
        if (m == client) return CalloutResult.proceed();
        synchronized (pending) {
            pending.put(Key.of(m), new Pending(flexId, duid, replaced, na, pd));
        }
        return CalloutResult.proceed(e.withQuery(query));
    }

    private CalloutResult<Pkt6Send> send(Pkt6Send e) {
        Dhcp6Message client = ClientMessages6.of(e.query());
        if (client == null) return CalloutResult.proceed();
        Pending p;
        synchronized (pending) {
            p = pending.remove(Key.of(client));
        }
        if (p == null) return CalloutResult.proceed();
        Dhcp6Packet r = ClientMessages6.change(e.response(), m -> {
            Dhcp6Message out = m;
            if (p.replaced()) {
                out = p.duid() == null ? out.withoutOption(OptionCodes6.CLIENTID) : out.withOption(OptionCodes6.CLIENTID, p.duid());
            }
            Long na = p.naIaid(), pd = p.pdIaid();
            return withIaids(out, na == null ? null : _ -> na, pd == null ? null : _ -> pd);
        });
        return CalloutResult.proceed(e.withResponse(r));
    }

    private Bytes evaluate(Dhcp6Packet query, Set<String> classes) {
        try {
            return Bytes.of(Expressions.bytes(expression, Expressions.view6(query, classes)));
        } catch (IllegalArgumentException e) {
            return Bytes.EMPTY; // an unreadable relay layer: no identifier, as an expression error
        }
    }

    private static Dhcp6Packet replaceClient(Dhcp6Packet query, Dhcp6Message m) {
        return ClientMessages6.change(query, _ -> m);
    }

    /** {@return {@code m} with the IAID of every IA_NA (IA_PD) mapped by {@code na} ({@code pd}); null = left as is} */
    private static Dhcp6Message withIaids(Dhcp6Message m, LongUnaryOperator na, LongUnaryOperator pd) {
        if (na == null && pd == null) return m;
        List<Option6> out = new ArrayList<>(m.options().size());
        try {
            for (Option6 o : m.options().list()) {
                if (o.code() == IaNa.CODE && na != null) {
                    IaNa ia = IaNa.decode(o.data());
                    out.add(new IaNa(na.applyAsLong(ia.iaid()), ia.t1(), ia.t2(), ia.options()).toOption());
                } else if (o.code() == IaPd.CODE && pd != null) {
                    IaPd ia = IaPd.decode(o.data());
                    out.add(new IaPd(pd.applyAsLong(ia.iaid()), ia.t1(), ia.t2(), ia.options()).toOption());
                } else {
                    out.add(o);
                }
            }
        } catch (WireFormatException e) {
            return m;
        }
        return m.withOptions(OptionList6.of(out));
    }
}
