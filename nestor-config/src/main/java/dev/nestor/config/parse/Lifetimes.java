package dev.nestor.config.parse;

import dev.nestor.config.model.Lifetime;

import java.util.List;

/** Kea's lifetime triplets ({@code x}, {@code min-x}, {@code max-x}) with inheritance of each key on its own. */
final class Lifetimes {
    private Lifetimes() {}

    /**
     * Resolves the triplet over {@code layers} (most specific first); each of the three keys comes from the first
     * layer that sets it, as Kea derives them one by one. Null when no layer sets any and {@code dflt} is null.
     */
    static Lifetime triplet(List<Obj> layers, String name, Long dflt) {
        Obj vAt = find(layers, name), minAt = find(layers, "min-" + name), maxAt = find(layers, "max-" + name);
        Long value = vAt == null ? dflt : vAt.integer(name, 0, 0xFFFFFFFFL);
        Long min = minAt == null ? null : minAt.integer("min-" + name, 0, 0xFFFFFFFFL);
        Long max = maxAt == null ? null : maxAt.integer("max-" + name, 0, 0xFFFFFFFFL);
        if ((vAt != null && value == null) || (minAt != null && min == null) || (maxAt != null && max == null))
            return null; // a type/range error was reported
        if (value == null && min == null && max == null) return null;
        // Report at the most specific scope that contributed a value.
        Obj where = layers.stream().filter(l -> l == vAt || l == minAt || l == maxAt).findFirst().orElse(layers.get(0));
        if (value == null) {
            if (min != null && max != null) {
                where.error(null, "have min-" + name + " and max-" + name + " but no " + name + " (default)");
                return null;
            }
            value = min != null ? min : max;
        }
        long lo = min != null ? min : value;
        long hi = max != null ? max : value;
        if (lo > hi) {
            if (min != null && max != null)
                where.error("min-" + name, "the value of min-" + name + " (" + lo + ") is not less than max-" + name + " (" + hi + ")");
            else if (min != null)
                where.error("min-" + name, "the value of min-" + name + " (" + lo + ") is not less than (default) " + name + " (" + value + ")");
            else
                where.error(name, "the value of (default) " + name + " (" + value + ") is not less than max-" + name + " (" + hi + ")");
            return null;
        }
        if (value < lo || value > hi) {
            where.error(name, "the value of (default) " + name + " (" + value + ") is not between min-" + name + " ("
                    + lo + ") and max-" + name + " (" + hi + ")");
            return null;
        }
        return new Lifetime(value, lo, hi);
    }

    static Obj find(List<Obj> layers, String key) {
        for (Obj o : layers) if (o != null && o.has(key)) return o;
        return null;
    }
}
