package dev.nestor.classify.expr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Every "test" / "template-test" of Kea's shipped DHCPv4 example configurations parses. */
class KeaExamplesTest {

    /** Classes in those files refer to classes defined earlier in the same file; accept any name here. */
    private static final ExprUniverse UNIVERSE = EvaluatorTest.V4.acceptingAnyClass();

    /** Copied from /work/shared/kea-examples/kea4/*.json (grep '"test"'). */
    @ParameterizedTest
    @ValueSource(strings = {
        "'' == ''",
        "member('ALL')",
        "member('HA_server1')",
        "member('HA_server2')",
        "member('VoIP') and member('KNOWN')",
        "member('laptops') and member('HA_server1')",
        "member('laptops') and member('HA_server2')",
        "member('phones') and member('HA_server1')",
        "member('phones') and member('HA_server2')",
        "not member('phones')",
        "pkt4.mac == 0x010203040506",
        "pkt4.msgtype == 1",
        "pkt4.transid == 0",
        "substring(option[60].hex,0,6) == 'Aastra'",
        "substring(option[60].hex,0,9) == 'partial-content-of-option-60'",
    })
    void shippedTestsParse(String test) throws Exception {
        assertThat(ExpressionParser.parse(test, UNIVERSE)).isNotNull();
    }

    @Test
    void shippedTemplateTestParsesAndSpawnsFromTheClientId() throws Exception {
        Expr e = ExpressionParser.parseString("substring(option[61].hex, 0, all)", UNIVERSE);
        assertThat(Evaluator.evaluateString(e, TestPacket.v4().with(61, "abc"))).isEqualTo("abc");
    }

    @Test
    void shippedExamplesEvaluateAsTheirCommentsSay() throws Exception {
        TestPacket aastra = TestPacket.v4().with(60, "Aastra 6731i");
        assertThat(Evaluator.evaluateBoolean(ExpressionParser.parse("substring(option[60].hex,0,6) == 'Aastra'", UNIVERSE), aastra)).isTrue();
        assertThat(Evaluator.evaluateBoolean(ExpressionParser.parse("pkt4.transid == 0", UNIVERSE), aastra)).isFalse();
        assertThat(Evaluator.evaluateBoolean(ExpressionParser.parse("pkt4.transid == 0", UNIVERSE),
                TestPacket.v4().field(Pkt4Field.TRANSID, new byte[4]))).isTrue();
    }

    /** Scans the example files themselves when they are on this machine, so new examples are covered too. */
    @Test
    void everyTestInTheExampleFilesParses() throws IOException {
        Path dir = Path.of("/work/shared/kea-examples/kea4");
        assumeThat(Files.isDirectory(dir)).as("Kea example configurations present").isTrue();
        Pattern field = Pattern.compile("\"(test|template-test)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> failures = new ArrayList<>();
        int count = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                Matcher m = field.matcher(Files.readString(f));
                while (m.find()) {
                    count++;
                    String text = unescapeJson(m.group(2));
                    try {
                        if (m.group(1).equals("test")) {
                            ExpressionParser.parse(text, UNIVERSE);
                        } else {
                            ExpressionParser.parseString(text, UNIVERSE);
                        }
                    } catch (ExpressionException e) {
                        failures.add(f.getFileName() + ": " + text + " -> " + e.getMessage());
                    }
                }
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(16);
        assertThat(failures).isEmpty();
    }

    private static String unescapeJson(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    @Test
    void optionNamesOfTheExamplesResolveThroughTheUniverse() throws Exception {
        ExprUniverse u = ExprUniverse.of(Family.V4, Map.of("vendor-class-identifier", 60), List.of());
        assertThat(ExpressionParser.parse("substring(option[vendor-class-identifier].hex,0,6) == 'Aastra'", u))
                .isEqualTo(ExpressionParser.parse("substring(option[60].hex,0,6) == 'Aastra'", u));
    }
}
