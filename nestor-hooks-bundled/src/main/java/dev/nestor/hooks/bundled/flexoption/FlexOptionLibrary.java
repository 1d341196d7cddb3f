package dev.nestor.hooks.bundled.flexoption;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.classify.expr.PacketView;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.common.Bytes;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.bundled.ClientMessages6;
import dev.nestor.hooks.bundled.Expressions;
import dev.nestor.hooks.bundled.ServerConfigView;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code libdhcp_flex_option.so}: adds, supersedes or removes options by expression, as Kea's library does. By
 * default the expressions read the query and the response is changed, just before it is sent (pkt4_send /
 * pkt6_send); {@code "source": "response"} reads the response instead, and {@code "destination": "query"} changes
 * the query at pkt4_receive / pkt6_receive (Kea 3.3). {@code add} sets the option when absent and the value is not
 * empty; {@code supersede} sets it when the value is not empty; {@code remove} deletes it when the expression is
 * true. An entry with {@code sub-options} does the same to sub-options inside the option (its container), creating
 * the container for add/supersede ({@code container-add}) and deleting it when emptied ({@code container-remove}).
 *
 * <p>Order, as Kea's: option entries by code (entries of one code in config order), then sub-option entries by
 * container code and sub-option code.
 */
public final class FlexOptionLibrary implements HookLibrary {
    private List<OptionAction> actions = List.of();
    private List<SubOptionAction> subActions = List.of();
    private boolean anyToQuery;
    private Logger log;

    @Override public int apiVersion() { return HookApi.VERSION; }

    @Override public boolean multiThreadingCompatible() { return true; }

    @Override
    public void load(HookContext ctx) {
        log = ctx.logger();
        boolean v6 = ctx.family() == HookPoint.Family.DHCP6;
        JsonNode options = ctx.parameters().get("options");
        if (options == null) throw new IllegalArgumentException("'options' parameter is mandatory");
        if (!options.isArray()) throw new IllegalArgumentException("'options' parameter must be a list");
        ServerConfigView cfg = new ServerConfigView(ctx.serverConfig(), v6);
        OptionDefinitions defs = cfg.optionDefinitions();
        Expressions exprs = new Expressions(defs, v6);
        List<OptionAction> parsed = new ArrayList<>();
        Map<Integer, Map<Integer, SubOptionAction>> subs = new TreeMap<>();
        int i = 0;
        for (JsonNode entry : options) {
            OptionAction a = OptionAction.parse(entry, i++, defs, cfg.space(), exprs, v6);
            if (a.kind() != OptionAction.Kind.SUB_OPTIONS) {
                parsed.add(a);
                continue;
            }
            for (SubOptionAction s : a.subOptions()) {
                Map<Integer, SubOptionAction> byCode = subs.computeIfAbsent(a.code(), _ -> new TreeMap<>());
                if (byCode.putIfAbsent(s.code(), s) != null) {
                    throw new IllegalArgumentException("sub-option " + s.code() + " of option " + a.code() + " was already specified");
                }
            }
        }
        parsed.sort(Comparator.comparingInt(OptionAction::code)); // stable: one code's entries keep their order
        actions = List.copyOf(parsed);
        subActions = subs.values().stream().flatMap(m -> m.values().stream()).toList();
        anyToQuery = actions.stream().anyMatch(OptionAction::toQuery) || subActions.stream().anyMatch(SubOptionAction::toQuery);
        if (v6) registerV6(ctx);
        else registerV4(ctx);
        log.info("flex_option: {} option action(s), {} sub-option action(s)", actions.size(), subActions.size());
    }

    private void registerV4(HookContext ctx) {
        if (anyToQuery) {
            ctx.registerCallout(HookPoint.PKT4_RECEIVE, e -> {
                PacketView q = Expressions.view4(e.query(), e.envelope(), e.classes());
                Dhcp4Packet out = process(OptionEdit.V4, e.query(), true, _ -> q, e.classes(), false);
                return out == e.query() ? CalloutResult.proceed() : CalloutResult.proceed(e.withQuery(out));
            });
        }
        ctx.registerCallout(HookPoint.PKT4_SEND, e -> {
            PacketView q = Expressions.view4(e.query(), null, e.classes());
            Dhcp4Packet out = process(OptionEdit.V4, e.response(), false,
                    cur -> cur == null ? q : Expressions.view4(cur, null, e.classes()), e.classes(), false);
            return out == e.response() ? CalloutResult.proceed() : CalloutResult.proceed(e.withResponse(out));
        });
    }

    private void registerV6(HookContext ctx) {
        if (anyToQuery) {
            ctx.registerCallout(HookPoint.PKT6_RECEIVE, e -> {
                PacketView q = Expressions.view6(e.query(), e.classes());
                Dhcp6Packet out = onClientMessage(e.query(), m -> process(OptionEdit.V6, m, true, _ -> q, e.classes(), true));
                return out == e.query() ? CalloutResult.proceed() : CalloutResult.proceed(e.withQuery(out));
            });
        }
        ctx.registerCallout(HookPoint.PKT6_SEND, e -> {
            PacketView q = Expressions.view6(e.query(), e.classes());
            Dhcp6Packet out = onClientMessage(e.response(), m -> process(OptionEdit.V6, m, false,
                    cur -> cur == null ? q : Expressions.view6(cur, e.classes()), e.classes(), true));
            return out == e.response() ? CalloutResult.proceed() : CalloutResult.proceed(e.withResponse(out));
        });
    }

    /** Applies {@code change} to the client message inside any relay layers; {@return p itself when unchanged} */
    private static Dhcp6Packet onClientMessage(Dhcp6Packet p, UnaryOperator<Dhcp6Message> change) {
        return ClientMessages6.change(p, change);
    }

    /**
     * Runs the entries for one point. {@return {@code dest} itself when nothing changed}
     *
     * @param toQuery  true at pkt*_receive (entries with destination "query"), false at pkt*_send
     * @param source   the view an entry's expressions read: given the current destination packet for source
     *                 "response" entries, null for source "query" ones
     */
    private <P> P process(OptionEdit<P> edit, P dest, boolean toQuery, Function<P, PacketView> source, Set<String> classes, boolean v6) {
        P out = dest;
        for (OptionAction a : actions) {
            if (a.toQuery() != toQuery) continue;
            if (a.clientClass() != null && !classes.contains(a.clientClass())) continue;
            PacketView src = source.apply(a.fromResponse() ? out : null);
            boolean present = edit.has(out, a.code());
            switch (a.kind()) {
                case REMOVE -> {
                    if (present && Expressions.bool(a.expression(), src)) out = edit.remove(out, a.code());
                }
                case ADD, SUPERSEDE -> {
                    if (a.kind() == OptionAction.Kind.ADD && present) continue;
                    Optional<Bytes> v = value(a.code(), Expressions.bytes(a.expression(), src), raw -> a.payload(raw, v6));
                    if (v.isPresent()) out = edit.set(out, a.code(), v.get());
                }
                case SUB_OPTIONS -> { }
            }
        }
        for (SubOptionAction s : subActions) {
            if (s.toQuery() != toQuery) continue;
            if (s.containerClass() != null && !classes.contains(s.containerClass())) continue;
            if (s.clientClass() != null && !classes.contains(s.clientClass())) continue;
            out = subOption(edit, out, s, source.apply(s.fromResponse() ? out : null), v6);
        }
        return out;
    }

    /** One sub-option entry on its container (Kea's FlexOptionImpl::process, second loop). */
    private <P> P subOption(OptionEdit<P> edit, P out, SubOptionAction s, PacketView src, boolean v6) {
        Optional<Bytes> payload = edit.get(out, s.containerCode());
        Optional<Container> opened = payload.flatMap(b -> Container.open(v6, s.vendorId(), b));
        if (payload.isPresent() && opened.isEmpty()) {
            log.debug("flex_option: option {} is not a container of {} here: sub-option {} left alone", s.containerCode(),
                    s.vendorId() == 0 ? "sub-options" : "vendor " + s.vendorId(), s.code());
            return out;
        }
        switch (s.kind()) {
            case ADD, SUPERSEDE -> {
                if (opened.isEmpty() && !s.containerAdd()) return out;
                if (s.kind() == OptionAction.Kind.ADD && opened.isPresent() && opened.get().has(s.code())) return out;
                Optional<Bytes> v = value(s.code(), Expressions.bytes(s.expression(), src), raw -> s.payload(raw, v6));
                if (v.isEmpty()) return out;
                Container c = opened.orElseGet(() -> Container.create(v6, s.vendorId())).with(s.code(), v.get());
                return edit.replaceFirst(out, s.containerCode(), c.encode());
            }
            case REMOVE -> {
                if (opened.isEmpty() || !opened.get().has(s.code())) return out;
                if (!Expressions.bool(s.expression(), src)) return out;
                Container c = opened.get().without(s.code());
                if (!s.containerRemove() || !c.isEmpty()) return edit.replaceFirst(out, s.containerCode(), c.encode());
                Optional<Bytes> left = c.encodeDroppingEmpty();
                return left.isPresent() ? edit.replaceFirst(out, s.containerCode(), left.get()) : edit.remove(out, s.containerCode());
            }
            default -> {
                return out;
            }
        }
    }

    /** The evaluated value as a payload; empty when the value is empty (Kea: nothing to do) or unencodable. */
    private Optional<Bytes> value(int code, byte[] raw, Function<byte[], Optional<byte[]>> encode) {
        if (raw.length == 0) return Optional.empty();
        Optional<byte[]> payload = encode.apply(raw);
        if (payload.isEmpty()) log.warn("flex_option: value for option {} does not fit its definition: ignored", code);
        return payload.map(Bytes::of);
    }
}
