package dev.nestor.dhcp6;

import dev.nestor.hooks.Callout;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test hook library attached to every DHCPv6 point: it records which points fire, in order, with their events,
 * and answers what the test told it to ({@link #on}); CONTINUE otherwise.
 */
final class ObserverLibrary6 implements HookLibrary {
    final List<String> fired = new CopyOnWriteArrayList<>();
    private final Map<String, Object> events = new ConcurrentHashMap<>();
    private final Map<String, Callout<?>> answers = new ConcurrentHashMap<>();

    @Override public int apiVersion() { return HookApi.VERSION; }

    @Override public boolean multiThreadingCompatible() { return true; }

    @Override
    public void load(HookContext ctx) {
        for (HookPoint<?> p : HookPoint.all()) {
            if (p.family() == HookPoint.Family.DHCP6) register(ctx, p);
        }
    }

    private <E> void register(HookContext ctx, HookPoint<E> p) {
        ctx.registerCallout(p, e -> {
            fired.add(p.name());
            events.put(p.name(), e);
            @SuppressWarnings("unchecked") Callout<E> answer = (Callout<E>) answers.get(p.name());
            return answer == null ? CalloutResult.proceed() : answer.call(e);
        });
    }

    /** From now on, answer at {@code point} with {@code answer}. */
    <E> ObserverLibrary6 on(HookPoint<E> point, Callout<E> answer) {
        answers.put(point.name(), answer);
        return this;
    }

    /** {@return the last event seen at {@code point}} */
    <E> E last(HookPoint<E> point) {
        Object e = events.get(point.name());
        if (e == null) throw new AssertionError(point.name() + " never fired");
        return point.eventType().cast(e);
    }

    void reset() {
        fired.clear();
        events.clear();
        answers.clear();
    }
}
