package dev.nestor.hooks.bundled.flexoption;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.classify.expr.PacketView;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.common.Bytes;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.bundled.Expressions;
import dev.nestor.hooks.bundled.ServerConfigView;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code libdhcp_flex_option.so}: adds, supersedes or removes response options by expression, evaluated on the
 * query just before the response is sent (pkt4_send / pkt6_send), as Kea's library does. {@code add} sets the option
 * when absent and the value is not empty; {@code supersede} sets it when the value is not empty; {@code remove}
 * deletes it when the expression is true. Entries apply in order.
 */
public final class FlexOptionLibrary implements HookLibrary {
    private List<OptionAction> actions = List.of();
    private Logger log;

    @Override public int apiVersion() { return HookApi.VERSION; }

    @Override public boolean multiThreadingCompatible() { return true; }

    @Override
    public void load(HookContext ctx) {
        log = ctx.logger();
        boolean v6 = ctx.family() == HookPoint.Family.DHCP6;
        JsonNode options = ctx.parameters().get("options");
        if (options == null) throw new IllegalArgumentException("'options' parameter is mandatory");
        if (!options.isArray() || options.isEmpty()) throw new IllegalArgumentException("'options' parameter must be a non-empty list");
        ServerConfigView cfg = new ServerConfigView(ctx.serverConfig(), v6);
        OptionDefinitions defs = cfg.optionDefinitions();
        Expressions exprs = new Expressions(defs, v6);
        List<OptionAction> parsed = new ArrayList<>();
        int i = 0;
        for (JsonNode entry : options) parsed.add(OptionAction.parse(entry, i++, defs, cfg.space(), exprs, v6));
        actions = List.copyOf(parsed);
        if (v6) {
            ctx.registerCallout(HookPoint.PKT6_SEND, e -> {
                if (!(e.response() instanceof Dhcp6Message r)) return CalloutResult.proceed();
                Dhcp6Message out = apply6(r, Expressions.view6(e.query(), e.classes()), e.classes());
                return out == r ? CalloutResult.proceed() : CalloutResult.proceed(e.withResponse(out));
            });
        } else {
            ctx.registerCallout(HookPoint.PKT4_SEND, e -> {
                Dhcp4Packet out = apply4(e.response(), Expressions.view4(e.query(), null, e.classes()), e.classes());
                return out == e.response() ? CalloutResult.proceed() : CalloutResult.proceed(e.withResponse(out));
            });
        }
        log.info("flex_option: {} option action(s)", actions.size());
    }

    /** The few packet operations the actions need, so one loop serves both families. */
    private interface Edit<P> {
        boolean has(P p, int code);
        P with(P p, int code, Bytes data);
        P without(P p, int code);
    }

    private static final Edit<Dhcp4Packet> V4 = new Edit<>() {
        @Override public boolean has(Dhcp4Packet p, int code) { return p.hasOption(code); }
        @Override public Dhcp4Packet with(Dhcp4Packet p, int code, Bytes data) { return p.withOption(code, data); }
        @Override public Dhcp4Packet without(Dhcp4Packet p, int code) { return p.withoutOption(code); }
    };

    private static final Edit<Dhcp6Message> V6 = new Edit<>() {
        @Override public boolean has(Dhcp6Message p, int code) { return p.hasOption(code); }
        @Override public Dhcp6Message with(Dhcp6Message p, int code, Bytes data) { return p.withOption(code, data); }
        @Override public Dhcp6Message without(Dhcp6Message p, int code) { return p.withoutOption(code); }
    };

    private Dhcp4Packet apply4(Dhcp4Packet response, PacketView query, Set<String> classes) {
        return apply(V4, response, query, classes, false);
    }

    private Dhcp6Message apply6(Dhcp6Message response, PacketView query, Set<String> classes) {
        return apply(V6, response, query, classes, true);
    }

    /** The actions in order; {@return the response itself when nothing changed} */
    private <P> P apply(Edit<P> edit, P response, PacketView query, Set<String> classes, boolean v6) {
        P out = response;
        for (OptionAction a : actions) {
            if (a.clientClass() != null && !classes.contains(a.clientClass())) continue;
            boolean present = edit.has(out, a.code());
            switch (a.kind()) {
                case REMOVE -> {
                    if (present && Expressions.bool(a.expression(), query)) out = edit.without(out, a.code());
                }
                case ADD, SUPERSEDE -> {
                    if (a.kind() == OptionAction.Kind.ADD && present) continue;
                    Optional<Bytes> v = value(a, query, v6);
                    if (v.isPresent()) out = edit.with(out, a.code(), v.get());
                }
            }
        }
        return out;
    }

    /** The evaluated value as an option payload; empty when the value is empty (Kea: nothing to do) or unencodable. */
    private Optional<Bytes> value(OptionAction a, PacketView query, boolean v6) {
        byte[] raw = Expressions.bytes(a.expression(), query);
        if (raw.length == 0) return Optional.empty();
        Optional<byte[]> payload = a.payload(raw, v6);
        if (payload.isEmpty()) log.warn("flex_option: value for option {} does not fit its definition: ignored", a.code());
        return payload.map(Bytes::of);
    }
}
