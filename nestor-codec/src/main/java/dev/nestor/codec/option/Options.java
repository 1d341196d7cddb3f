package dev.nestor.codec.option;

import dev.nestor.common.Bytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered collection of options with at most one entry per code. Order is kept because it is
 * the wire order, so a decoded packet re-encodes identically. Instances split per RFC 3396 are joined at decode.
 */
public final class Options {
    private static final Options EMPTY = new Options(List.of());

    private final List<RawOption> list;

    private Options(List<RawOption> list) { this.list = list; }

    public static Options empty() { return EMPTY; }

    /** @throws IllegalArgumentException if a code appears twice */
    public static Options of(List<RawOption> options) {
        List<RawOption> copy = List.copyOf(options);
        boolean[] seen = new boolean[256];
        for (RawOption o : copy) {
            if (seen[o.code()]) throw new IllegalArgumentException("option " + o.code() + " appears more than once");
            seen[o.code()] = true;
        }
        return copy.isEmpty() ? EMPTY : new Options(copy);
    }

    public static Options of(RawOption... options) { return of(List.of(options)); }

    public Optional<Bytes> get(int code) {
        for (RawOption o : list) if (o.code() == code) return Optional.of(o.data());
        return Optional.empty();
    }

    public boolean contains(int code) { return get(code).isPresent(); }

    /** Replaces the payload of {@code code} in place, or appends it. */
    public Options with(int code, Bytes data) {
        RawOption add = new RawOption(code, data);
        List<RawOption> out = new ArrayList<>(list.size() + 1);
        boolean replaced = false;
        for (RawOption o : list) {
            if (o.code() == code) {
                out.add(add);
                replaced = true;
            } else {
                out.add(o);
            }
        }
        if (!replaced) out.add(add);
        return new Options(Collections.unmodifiableList(out));
    }

    public Options without(int code) {
        if (!contains(code)) return this;
        List<RawOption> out = new ArrayList<>(list.size());
        for (RawOption o : list) if (o.code() != code) out.add(o);
        return out.isEmpty() ? EMPTY : new Options(Collections.unmodifiableList(out));
    }

    /** The options in wire order (unmodifiable). */
    public List<RawOption> list() { return list; }

    /** The codes in order. */
    public List<Integer> codes() { return list.stream().map(RawOption::code).toList(); }

    public int size() { return list.size(); }

    public boolean isEmpty() { return list.isEmpty(); }

    @Override
    public boolean equals(Object o) { return o instanceof Options other && other.list.equals(list); }

    @Override
    public int hashCode() { return Objects.hash(list); }

    @Override
    public String toString() { return list.toString(); }
}
