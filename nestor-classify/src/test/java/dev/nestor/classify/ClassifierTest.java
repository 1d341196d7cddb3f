package dev.nestor.classify;

import dev.nestor.classify.expr.ExprUniverse;
import dev.nestor.classify.expr.ExpressionException;
import dev.nestor.classify.expr.ExpressionParser;
import dev.nestor.classify.expr.Family;
import dev.nestor.classify.expr.TestPacket;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifierTest {

    /** Builds definitions the way the config parser would: each test sees only earlier classes. */
    private static final class Defs {
        final List<ClassDefinition> list = new ArrayList<>();

        private ExprUniverse universe() {
            return ExprUniverse.of(Family.V4, Map.of("host-name", 12), list.stream().map(ClassDefinition::name).toList());
        }

        Defs test(String name, String test) throws ExpressionException {
            list.add(new ClassDefinition(name, ExpressionParser.parse(test, universe()), false));
            return this;
        }

        Defs additional(String name, String test) throws ExpressionException {
            list.add(new ClassDefinition(name, test == null ? null : ExpressionParser.parse(test, universe()), true));
            return this;
        }

        Defs template(String name, String test) throws ExpressionException {
            list.add(new ClassDefinition(name, ExpressionParser.parseString(test, universe().acceptingAnyClass()), false));
            return this;
        }

        Defs plain(String name) {
            list.add(new ClassDefinition(name, null, false));
            return this;
        }
    }

    @Test
    void firstPassAddsBuiltinsThenMatchingClassesInOrder() throws Exception {
        Defs d = new Defs()
                .test("phones", "substring(option[60].hex,0,6) == 'Aastra'")
                .test("not-phones", "not member('phones')")
                .test("laptops", "option[host-name].text == 'laptop'")
                .test("everyone", "member('ALL')")
                .plain("reserved-only");
        Classifier c = new Classifier(d.list);

        TestPacket phone = TestPacket.v4().with(60, "Aastra 6731i");
        assertThat(c.classify(phone, Set.of()))
                .containsExactly("ALL", "VENDOR_CLASS_Aastra%206731i", "phones", "everyone");

        TestPacket laptop = TestPacket.v4().with(12, "laptop");
        assertThat(c.classify(laptop, Set.of("BOOTP")))
                .containsExactly("BOOTP", "ALL", "not-phones", "laptops", "everyone");
    }

    @Test
    void classesSeeOnlyEarlierAssignmentsAndForwardReferencesAreRejected() throws Exception {
        Defs d = new Defs().test("a", "'x' == 'x'").test("b", "member('a')");
        assertThat(new Classifier(d.list).classify(TestPacket.v4(), Set.of())).containsExactly("ALL", "a", "b");
        assertThatThrownBy(() -> new Defs().test("first", "member('second')"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("1:8: not defined client class 'second'");
    }

    @Test
    void knownAndUnknownClassesWaitForTheHostLookup() throws Exception {
        Defs d = new Defs()
                .test("early", "'a' == 'a'")
                .test("voip-known", "member('early') and member('KNOWN')")
                .test("stranger", "unknown")
                .test("indirect", "member('voip-known') or member('stranger')")
                .test("late-independent", "not member('early')");
        Classifier c = new Classifier(d.list);
        assertThat(c.dependsOnKnown("early")).isFalse();
        assertThat(c.dependsOnKnown("voip-known")).isTrue();
        assertThat(c.dependsOnKnown("stranger")).isTrue();
        assertThat(c.dependsOnKnown("indirect")).isTrue();
        assertThat(c.dependsOnKnown("late-independent")).isFalse();

        TestPacket p = TestPacket.v4();
        Set<String> first = c.classify(p, Set.of());
        assertThat(first).containsExactly("ALL", "early");

        assertThat(c.classifyAfterHostLookup(p, first, true))
                .containsExactly("ALL", "early", "KNOWN", "voip-known", "indirect");
        assertThat(c.classifyAfterHostLookup(p, first, false))
                .containsExactly("ALL", "early", "UNKNOWN", "stranger", "indirect");
        assertThat(first).containsExactly("ALL", "early"); // inputs are not modified
    }

    @Test
    void additionalClassesAreOnlyEvaluatedOnRequest() throws Exception {
        Defs d = new Defs()
                .additional("pool-extra", "member('ALL')")
                .additional("no-test", null)
                .additional("never", "'a' == 'b'")
                .additional("depends-on-extra", "member('pool-extra')");
        Classifier c = new Classifier(d.list);
        TestPacket p = TestPacket.v4();
        Set<String> classes = c.classify(p, Set.of());
        assertThat(classes).containsExactly("ALL");

        assertThat(c.evaluateAdditional(p, classes,
                List.of("pool-extra", "never", "no-test", "undefined", "depends-on-extra", "pool-extra")))
                .containsExactly("ALL", "pool-extra", "no-test", "depends-on-extra");
        // Lists are evaluated in order with duplicates dropped: a class listed before the one it needs fails.
        assertThat(c.evaluateAdditional(p, classes, List.of("depends-on-extra", "pool-extra", "depends-on-extra")))
                .containsExactly("ALL", "pool-extra");
    }

    @Test
    void evaluationErrorsMeanNoMatchAndAreReported() throws Exception {
        Defs d = new Defs().test("broken", "uint8totext(pkt4.mac) == '1'").test("fine", "not member('broken')");
        List<String> reported = new ArrayList<>();
        Classifier c = new Classifier(d.list, (name, e) -> reported.add(name + ": " + e.getMessage()));
        assertThat(c.classify(TestPacket.v4(), Set.of())).containsExactly("ALL", "fine");
        assertThat(reported).containsExactly("broken: can not convert to valid uint8");
    }

    @Test
    void templateClassesSpawnSubclasses() throws Exception {
        Defs d = new Defs().template("per-client", "substring(option[61].hex, 0, all)")
                .test("spawned-seen", "member('per-client')");
        Classifier c = new Classifier(d.list);
        assertThat(c.classify(TestPacket.v4().with(61, HexFormat.of().parseHex("01aabb")), Set.of()))
                .containsExactly("ALL", "SPAWN_per-client_%01%aa%bb", "per-client", "spawned-seen");
        assertThat(c.classify(TestPacket.v4().with(61, "id-1"), Set.of()))
                .containsExactly("ALL", "SPAWN_per-client_id-1", "per-client", "spawned-seen");
        assertThat(c.classify(TestPacket.v4(), Set.of())).containsExactly("ALL");
    }

    @Test
    void vendorClassFromOption60IsEscaped() {
        Classifier c = new Classifier(List.of());
        assertThat(c.classify(TestPacket.v4().with(60, "docsis3.0"), Set.of())).containsExactly("ALL", "VENDOR_CLASS_docsis3.0");
        assertThat(c.classify(TestPacket.v4().with(60, "100%\u0000"), Set.of())).containsExactly("ALL", "VENDOR_CLASS_100%%");
        assertThat(c.classify(TestPacket.v4(), Set.of())).containsExactly("ALL");
    }

    @Test
    void dhcp6VendorClassPrefersDocsisChunks() {
        Classifier c = new Classifier(List.of());
        TestPacket p = TestPacket.v6().with(16, HexFormat.of().parseHex(
                "0000118b" + "0003" + "666f6f" + "0009" + "646f63736973332e30"));
        assertThat(c.classify(p, Set.of())).containsExactly("ALL", "VENDOR_CLASS_docsis3.0");
        TestPacket q = TestPacket.v6().with(16, HexFormat.of().parseHex("0000118b" + "0003" + "666f6f"));
        assertThat(c.classify(q, Set.of())).containsExactly("ALL", "VENDOR_CLASS_foo");
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> new Classifier(List.of(new ClassDefinition("a", null, false), new ClassDefinition("a", null, true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate client class 'a'");
    }
}
