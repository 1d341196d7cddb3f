package dev.nestor.hooks.bundled.flexid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.classify.expr.Expr;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.bundled.Expressions;
import dev.nestor.hooks.bundled.ServerConfigView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code libdhcp_flex_id.so}: the flexible identifier of a query is the value of {@code identifier-expression};
 * reservations with {@code "flex-id"} match it when {@code host-reservation-identifiers} lists {@code flex-id}
 * (the server asks at {@code host4_identifier}). With {@code replace-client-id}, the query's client identifier is
 * replaced by 0x00 and the flex-id (with {@code cid-as-rfc4361-duid}: 0xFF, a zero IAID and the flex-id), so leases
 * follow the flexible identifier too; the response carries the client's own identifier back, as Kea does. In the
 * DHCPv6 server ({@link FlexId6}): host6_identifier, {@code replace-client-id} (the DUID becomes 0x0000 and the
 * flex-id) and {@code ignore-iaid}.
 */
public final class FlexIdLibrary implements HookLibrary {
    private static final int MAX_PENDING = 4096;

    private Expr.StringExpr expression;
    private boolean replaceClientId;
    private boolean cidAsRfc4361Duid;
    // replace-client-id: the client's own identifier per query, until the response goes out
    private final Map<Key, Bytes> originals = new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<Key, Bytes> e) { return size() > MAX_PENDING; }
    };

    private record Key(int xid, Bytes chaddr) {
        static Key of(Dhcp4Packet p) { return new Key(p.xid(), Bytes.of(p.hwAddress().bytes())); }
    }

    @Override public int apiVersion() { return HookApi.VERSION; }

    @Override public boolean multiThreadingCompatible() { return true; }

    @Override
    public void load(HookContext ctx) {
        JsonNode p = ctx.parameters();
        boolean v6 = ctx.family() == HookPoint.Family.DHCP6;
        JsonNode replace = p.get("replace-client-id");
        if (replace != null && !replace.isBoolean()) throw new IllegalArgumentException("'replace-client-id' must be a boolean");
        replaceClientId = replace != null && replace.asBoolean();
        if (p.has("ignore-iaid") && !p.get("ignore-iaid").isBoolean()) throw new IllegalArgumentException("'ignore-iaid' must be a boolean");
        boolean ignoreIaid = v6 && p.path("ignore-iaid").asBoolean(false);
        JsonNode expr = p.get("identifier-expression");
        // Kea 3.1.2: with ignore-iaid alone, a DHCPv6 server may leave the expression out
        if ((expr == null && !ignoreIaid) || (expr != null && !expr.isTextual())) {
            throw new IllegalArgumentException("'identifier-expression' parameter is mandatory and must be a string");
        }
        ServerConfigView cfg = new ServerConfigView(ctx.serverConfig(), v6);
        // an empty expression switches the flexible identifier off, as in Kea
        expression = expr == null || expr.asText().isEmpty() ? null
                : new Expressions(cfg.optionDefinitions(), v6).parseString("identifier-expression", expr.asText());
        JsonNode rfc4361 = p.get("cid-as-rfc4361-duid");
        if (rfc4361 != null && !rfc4361.isBoolean()) throw new IllegalArgumentException("'cid-as-rfc4361-duid' must be a boolean");
        cidAsRfc4361Duid = rfc4361 != null && rfc4361.asBoolean();
        if (v6) {
            new FlexId6(expression, replaceClientId, ignoreIaid, ctx.logger()).register(ctx);
            ctx.logger().info("flex_id: identifier-expression '{}'{}{}", expr == null ? "" : expr.asText(),
                    replaceClientId ? ", replace-client-id" : "", ignoreIaid ? ", ignore-iaid" : "");
            return;
        }
        if (expression == null) {
            ctx.logger().info("flex_id: empty identifier-expression, no flexible identifier");
            return;
        }

        ctx.registerCallout(HookPoint.HOST4_IDENTIFIER, e -> {
            byte[] id = Expressions.bytes(expression, Expressions.view4(e.query(), null, null));
            return id.length == 0 ? CalloutResult.proceed() : CalloutResult.proceed(e.withIdentifier(Bytes.of(id)));
        });
        if (replaceClientId) {
            ctx.registerCallout(HookPoint.PKT4_RECEIVE, e -> {
                byte[] id = Expressions.bytes(expression, Expressions.view4(e.query(), e.envelope(), e.classes()));
                if (id.length == 0) return CalloutResult.proceed();
                // type 0 (not a hardware address), or with cid-as-rfc4361-duid type 255 and a zero IAID (RFC 4361 section
                // 6.1), so the flex-id is a DUID that a DHCPv6 client's DHCID can match
                int head = cidAsRfc4361Duid ? 5 : 1;
                byte[] cid = new byte[id.length + head];
                if (cidAsRfc4361Duid) cid[0] = (byte) 0xFF;
                System.arraycopy(id, 0, cid, head, id.length);
                Bytes original = e.query().clientId().orElse(null);
                synchronized (originals) {
                    if (original != null) originals.put(Key.of(e.query()), original);
                    else originals.remove(Key.of(e.query()));
                }
                return CalloutResult.proceed(e.withQuery(e.query().withOption(OptionCodes4.CLIENT_ID, Bytes.of(cid))));
            });
            ctx.registerCallout(HookPoint.PKT4_SEND, e -> {
                Bytes original;
                synchronized (originals) {
                    original = originals.remove(Key.of(e.query()));
                }
                Dhcp4Packet r = original == null ? e.response().withoutOption(OptionCodes4.CLIENT_ID)
                        : e.response().withOption(OptionCodes4.CLIENT_ID, original);
                return CalloutResult.proceed(e.withResponse(r));
            });
        }
        ctx.logger().info("flex_id: identifier-expression '{}'{}{}", expr.asText(), replaceClientId ? ", replace-client-id" : "",
                cidAsRfc4361Duid ? ", cid-as-rfc4361-duid" : "");
    }
}
