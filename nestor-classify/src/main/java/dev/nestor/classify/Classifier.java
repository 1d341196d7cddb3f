package dev.nestor.classify;

import dev.nestor.classify.expr.Evaluator;
import dev.nestor.classify.expr.Expr;
import dev.nestor.classify.expr.ExpressionException;
import dev.nestor.classify.expr.Family;
import dev.nestor.classify.expr.PacketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;

/**
 * Kea's client classification passes over an ordered list of class definitions (dhcp4_srv.cc
 * {@code classifyPacket}, {@code evaluateClasses}, {@code evaluateAdditionalClasses}). Immutable and
 * thread-safe; each call works on its own copy of the class set and returns it in assignment order
 * (option precedence follows that order).
 *
 * <p>Typical server flow:
 * <ol>
 *   <li>{@link #classify} on receipt: ALL, the vendor class, then every class whose test does not
 *       depend on KNOWN/UNKNOWN;</li>
 *   <li>subnet selection, host lookup, then {@link #classifyAfterHostLookup} with host-reserved classes
 *       already added by the caller: KNOWN or UNKNOWN, then the classes depending on them;</li>
 *   <li>after allocation, {@link #evaluateAdditional} with the pool, subnet and shared-network
 *       {@code evaluate-additional-classes} lists concatenated in that order.</li>
 * </ol>
 * Expression errors make a class not match and are reported to the {@link ErrorListener}
 * (default: logged at error level, like Kea's DHCPSRV_EVAL_ERROR).
 */
public final class Classifier {

    /** Receives evaluation failures (the class is treated as not matching). */
    @FunctionalInterface
    public interface ErrorListener {
        void evaluationFailed(String className, ExpressionException error);
    }

    /** Prefix of spawned template classes: {@code SPAWN_<template>_<value>}. */
    public static final String SPAWN_PREFIX = "SPAWN_";
    /** Prefix of built-in vendor classes. */
    public static final String VENDOR_CLASS_PREFIX = "VENDOR_CLASS_";

    private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);
    private static final ErrorListener LOG_ERRORS =
            (name, e) -> LOG.error("failed to evaluate expression of class {}: {}", name, e.getMessage());

    private final List<ClassDefinition> definitions;
    private final Map<String, ClassDefinition> byName;
    private final Set<String> dependOnKnown;
    private final ErrorListener errors;

    /** Definitions in configuration order; errors are logged. */
    public Classifier(List<ClassDefinition> definitions) {
        this(definitions, LOG_ERRORS);
    }

    /**
     * Definitions in configuration order (names must be unique); {@code errors} gets evaluation failures.
     */
    public Classifier(List<ClassDefinition> definitions, ErrorListener errors) {
        this.definitions = List.copyOf(definitions);
        this.errors = Objects.requireNonNull(errors, "errors");
        Map<String, ClassDefinition> names = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        for (ClassDefinition d : this.definitions) {
            if (names.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("duplicate client class '" + d.name() + "'");
            }
            // Kea's depend_on_known: a test referring to KNOWN/UNKNOWN, or to a class that does.
            if (d.test() != null) {
                for (String ref : memberReferences(d.test())) {
                    if (ref.equals("KNOWN") || ref.equals("UNKNOWN") || known.contains(ref)) {
                        known.add(d.name());
                        break;
                    }
                }
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.dependOnKnown = Collections.unmodifiableSet(known);
    }

    /** The definitions, in order. */
    public List<ClassDefinition> definitions() {
        return definitions;
    }

    /** The definition of a class, if configured. */
    public Optional<ClassDefinition> definition(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether the class is evaluated in the second (after host lookup) pass. */
    public boolean dependsOnKnown(String className) {
        return dependOnKnown.contains(className);
    }

    /**
     * First pass, on receipt. Starts from {@code initialClasses} (classes the caller already knows,
     * e.g. BOOTP for a message without option 53, or classes set by hooks), then adds ALL, then
     * {@code VENDOR_CLASS_<value>} (v4: option 60; v6: the first data chunk of option 16, preferring
     * docsis3.0/eRouter1.0), then evaluates, in order, each class with a test that is neither
     * only-in-additional-list nor dependent on KNOWN/UNKNOWN. A test sees the classes added before it.
     */
    public SequencedSet<String> classify(PacketView packet, Set<String> initialClasses) {
        LinkedHashSet<String> classes = new LinkedHashSet<>(initialClasses);
        classes.add("ALL");
        vendorClass(packet).ifPresent(classes::add);
        evaluatePass(packet, classes, false);
        return Collections.unmodifiableSequencedSet(classes);
    }

    /**
     * Second pass, after the host lookup: adds KNOWN (a reservation was found) or UNKNOWN, then
     * evaluates, in order, the classes whose tests depend on KNOWN/UNKNOWN (directly or through
     * {@code member()} of such a class). {@code classesSoFar} should include host-reserved classes.
     */
    public SequencedSet<String> classifyAfterHostLookup(PacketView packet, Set<String> classesSoFar, boolean known) {
        LinkedHashSet<String> classes = new LinkedHashSet<>(classesSoFar);
        classes.add(known ? "KNOWN" : "UNKNOWN");
        evaluatePass(packet, classes, true);
        return Collections.unmodifiableSequencedSet(classes);
    }

    /**
     * Evaluates {@code evaluate-additional-classes}: each distinct name of {@code requested}, in order.
     * Undefined names are ignored; a class without a test is simply added; otherwise its test is
     * evaluated (with the classes so far) and the class added when true.
     */
    public SequencedSet<String> evaluateAdditional(PacketView packet, Set<String> classes, List<String> requested) {
        LinkedHashSet<String> result = new LinkedHashSet<>(classes);
        PacketView view = new ClassesOverlay(packet, result);
        for (String name : new LinkedHashSet<>(requested)) {
            ClassDefinition d = byName.get(name);
            if (d == null) {
                continue;
            }
            if (d.test() == null) {
                result.add(name);
                continue;
            }
            try {
                if (Evaluator.evaluateBoolean(d.test(), view)) {
                    result.add(name);
                }
            } catch (ExpressionException e) {
                errors.evaluationFailed(name, e);
            }
        }
        return Collections.unmodifiableSequencedSet(result);
    }

    private void evaluatePass(PacketView packet, LinkedHashSet<String> classes, boolean knownPass) {
        PacketView view = new ClassesOverlay(packet, classes);
        for (ClassDefinition d : definitions) {
            if (d.test() == null || d.onlyInAdditionalList() || dependOnKnown.contains(d.name()) != knownPass) {
                continue;
            }
            try {
                if (d.isTemplate()) {
                    byte[] value = Evaluator.evaluateBytes(d.test(), view);
                    if (value.length > 0) {
                        // Kea adds the spawned class, then the template itself.
                        classes.add(SPAWN_PREFIX + d.name() + "_" + escape(value));
                        classes.add(d.name());
                    }
                } else if (Evaluator.evaluateBoolean(d.test(), view)) {
                    classes.add(d.name());
                }
            } catch (ExpressionException e) {
                errors.evaluationFailed(d.name(), e);
            }
        }
    }

    private static Optional<String> vendorClass(PacketView packet) {
        if (packet.family() == Family.V4) {
            return packet.option(60).map(Classifier::trimTrailingNuls)
                    .filter(v -> v.length > 0)
                    .map(v -> VENDOR_CLASS_PREFIX + escape(v));
        }
        List<byte[]> chunks = packet.vendorClassData();
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        for (String docsis : List.of("docsis3.0", "eRouter1.0")) {
            byte[] wanted = docsis.getBytes(StandardCharsets.US_ASCII);
            for (byte[] c : chunks) {
                if (Arrays.equals(c, wanted)) {
                    return Optional.of(VENDOR_CLASS_PREFIX + docsis);
                }
            }
        }
        return Optional.of(VENDOR_CLASS_PREFIX + escape(chunks.getFirst()));
    }

    private static byte[] trimTrailingNuls(byte[] v) {
        int end = v.length;
        while (end > 0 && v[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(v, end);
    }

    private static final String CLASS_NAME_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+-./:?@^_|~";

    /**
     * Kea 3.3's {@code ClientClasses::escape} for names built from packet data: letters, digits and
     * {@code !#$%&*+-./:?@^_|~} are kept ({@code %} doubled), any other byte becomes {@code %hh}.
     */
    public static String escape(byte[] value) {
        StringBuilder sb = new StringBuilder(value.length);
        HexFormat hex = HexFormat.of();
        for (byte b : value) {
            int u = b & 0xFF;
            if (u < 128 && CLASS_NAME_CHARS.indexOf(u) >= 0) {
                sb.append((char) u);
                if (u == '%') {
                    sb.append('%');
                }
            } else {
                sb.append('%').append(hex.toHexDigits(b));
            }
        }
        return sb.toString();
    }

    /** Every class name a test refers to through {@code member()} (and {@code known}/{@code unknown}). */
    public static Set<String> memberReferences(Expr expr) {
        Set<String> out = new LinkedHashSet<>();
        collect(expr, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        switch (e) {
            case Expr.Member m -> out.add(m.className());
            case Expr.Not n -> collect(n.operand(), out);
            case Expr.And a -> {
                collect(a.left(), out);
                collect(a.right(), out);
            }
            case Expr.Or o -> {
                collect(o.left(), out);
                collect(o.right(), out);
            }
            case Expr.IfElse i -> {
                collect(i.condition(), out);
                collect(i.ifTrue(), out);
                collect(i.ifFalse(), out);
            }
            case Expr.Equal q -> {
                collect(q.left(), out);
                collect(q.right(), out);
            }
            case Expr.Match m -> collect(m.value(), out);
            case Expr.Substring s -> collect(s.value(), out);
            case Expr.Split s -> {
                collect(s.value(), out);
                collect(s.delimiters(), out);
            }
            case Expr.Concat c -> {
                collect(c.left(), out);
                collect(c.right(), out);
            }
            case Expr.LowerCase l -> collect(l.value(), out);
            case Expr.UpperCase u -> collect(u.value(), out);
            case Expr.HexString h -> {
                collect(h.value(), out);
                collect(h.separator(), out);
            }
            case Expr.AddressToText a -> collect(a.value(), out);
            case Expr.IntToText i -> collect(i.value(), out);
            case Expr.StringLiteral _, Expr.HexLiteral _, Expr.IpLiteral _, Expr.IntegerLiteral _,
                 Expr.OptionValue _, Expr.OptionExists _, Expr.VendorExists _, Expr.VendorEnterprise _,
                 Expr.VendorClassData _, Expr.PktMeta _, Expr.Pkt4 _, Expr.Pkt6 _, Expr.Relay6Address _ -> {}
        }
    }
}
