package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered list of DHCPv6 options that, unlike {@link dev.nestor.codec.option.Options}, keeps
 * duplicates: in DHCPv6 a code may legitimately appear several times (one IA_NA per IA, several IAADDR in an IA,
 * several VENDOR_OPTS, ...) and there is no RFC 3396-style joining. Wire order is preserved, so a decoded
 * message re-encodes byte for byte.
 */
public final class OptionList6 {
    private static final OptionList6 EMPTY = new OptionList6(List.of());

    private final List<Option6> list;

    private OptionList6(List<Option6> list) { this.list = list; }

    public static OptionList6 empty() { return EMPTY; }

    public static OptionList6 of(List<Option6> options) {
        List<Option6> copy = List.copyOf(options);
        return copy.isEmpty() ? EMPTY : new OptionList6(copy);
    }

    public static OptionList6 of(Option6... options) { return of(List.of(options)); }

    /** The list of the given typed options, in order. */
    public static OptionList6 of(Option6Value... values) {
        List<Option6> out = new ArrayList<>(values.length);
        for (Option6Value v : values) out.add(v.toOption());
        return of(out);
    }

    /** Payload of the first instance of {@code code}. */
    public Optional<Bytes> first(int code) {
        for (Option6 o : list) if (o.code() == code) return Optional.of(o.data());
        return Optional.empty();
    }

    /** Payloads of every instance of {@code code}, in wire order (empty list if none). */
    public List<Bytes> all(int code) {
        List<Bytes> out = new ArrayList<>(2);
        for (Option6 o : list) if (o.code() == code) out.add(o.data());
        return List.copyOf(out);
    }

    public boolean contains(int code) { return first(code).isPresent(); }

    public int count(int code) {
        int n = 0;
        for (Option6 o : list) if (o.code() == code) n++;
        return n;
    }

    /** Appends one more instance (existing instances of the code stay). */
    public OptionList6 plus(int code, Bytes data) { return plus(new Option6(code, data)); }

    public OptionList6 plus(Option6 option) {
        List<Option6> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(Objects.requireNonNull(option, "option"));
        return new OptionList6(List.copyOf(out));
    }

    public OptionList6 plus(Option6Value value) { return plus(value.toOption()); }

    /**
     * Sets {@code code} to exactly one instance: the first existing instance is replaced in place and the others
     * removed, or the option is appended.
     */
    public OptionList6 with(int code, Bytes data) {
        Option6 add = new Option6(code, data);
        List<Option6> out = new ArrayList<>(list.size() + 1);
        boolean placed = false;
        for (Option6 o : list) {
            if (o.code() != code) {
                out.add(o);
            } else if (!placed) {
                out.add(add);
                placed = true;
            }
        }
        if (!placed) out.add(add);
        return new OptionList6(List.copyOf(out));
    }

    public OptionList6 with(Option6Value value) { return with(value.code(), value.encode()); }

    /** Removes every instance of {@code code}. */
    public OptionList6 without(int code) {
        if (!contains(code)) return this;
        List<Option6> out = new ArrayList<>(list.size());
        for (Option6 o : list) if (o.code() != code) out.add(o);
        return of(out);
    }

    /** The options in wire order (unmodifiable). */
    public List<Option6> list() { return list; }

    /** The codes in wire order, duplicates included. */
    public List<Integer> codes() { return list.stream().map(Option6::code).toList(); }

    public int size() { return list.size(); }

    public boolean isEmpty() { return list.isEmpty(); }

    /** Encoded size in bytes (4-byte header per option plus payloads). */
    public int wireLength() {
        int n = 0;
        for (Option6 o : list) n += 4 + o.data().length();
        return n;
    }

    @Override
    public boolean equals(Object o) { return o instanceof OptionList6 other && other.list.equals(list); }

    @Override
    public int hashCode() { return list.hashCode(); }

    @Override
    public String toString() { return list.toString(); }
}
