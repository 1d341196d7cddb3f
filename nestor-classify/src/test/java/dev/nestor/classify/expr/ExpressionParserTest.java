package dev.nestor.classify.expr;

import dev.nestor.classify.expr.Expr.*;
import dev.nestor.common.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import static dev.nestor.classify.expr.EvaluatorTest.V4;
import static dev.nestor.classify.expr.EvaluatorTest.V6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionParserTest {

    @Test
    void buildsTypedTree() throws Exception {
        assertThat(ExpressionParser.parse("option[123].text == 'foo' and not member('bar')", V4)).isEqualTo(
                new And(new Equal(new OptionValue(new TopLevel(List.of(123)), Repr.TEXT), new StringLiteral("foo")),
                        new Not(new Member("bar")), false));
        assertThat(ExpressionParser.parse("substring(option[61].hex,0,3) == 'foo'", V4)).isEqualTo(
                new Equal(new Substring(new OptionValue(new TopLevel(List.of(61)), Repr.HEX), 0, OptionalLong.of(3)),
                        new StringLiteral("foo")));
        assertThat(ExpressionParser.parseString("substring(option[61].hex, -2, all)", V4)).isEqualTo(
                new Substring(new OptionValue(new TopLevel(List.of(61)), Repr.HEX), -2, OptionalLong.empty()));
        assertThat(ExpressionParser.parse("member('defined-later')", V4.acceptingAnyClass()))
                .isEqualTo(new Member("defined-later"));
    }

    @Test
    void operatorsAssociateLeftAndNest() throws Exception {
        Member a = new Member("ALL");
        Member k = new Member("KNOWN");
        Member u = new Member("UNKNOWN");
        assertThat(ExpressionParser.parse("member('ALL') or member('KNOWN') and member('UNKNOWN')", V4))
                .isEqualTo(new Or(a, new And(k, u, false), false));
        assertThat(ExpressionParser.parse("member('ALL') and member('KNOWN') and member('UNKNOWN')", V4))
                .isEqualTo(new And(new And(a, k, false), u, false));
        assertThat(ExpressionParser.parse("member('ALL') sor member('KNOWN') or member('UNKNOWN')", V4))
                .isEqualTo(new Or(a, new Or(k, u, false), true));
        assertThat(ExpressionParser.parse("not member('ALL') sand member('KNOWN')", V4))
                .isEqualTo(new And(new Not(a), k, true));
        assertThat(ExpressionParser.parse("'a' + 'b' + 'c' == 'abc'", V4)).isEqualTo(new Equal(
                new Concat(new Concat(new StringLiteral("a"), new StringLiteral("b")), new StringLiteral("c")),
                new StringLiteral("abc")));
        assertThat(ExpressionParser.parse("known", V4)).isEqualTo(k);
        assertThat(ExpressionParser.parse("unknown", V4)).isEqualTo(new Not(k));
    }

    @Test
    void literalsAndChains() throws Exception {
        assertThat(ExpressionParser.parseString("0x5a7", V4)).isEqualTo(new HexLiteral(Bytes.fromHex("05a7")));
        assertThat(ExpressionParser.parseString("192.0.2.1", V4)).isEqualTo(new IpLiteral(Bytes.fromHex("c0000201")));
        assertThat(ExpressionParser.parseString("2001:db8::1", V4))
                .isEqualTo(new IpLiteral(Bytes.fromHex("20010db8000000000000000000000001")));
        assertThat(ExpressionParser.parseString("4491", V4)).isEqualTo(new IntegerLiteral(4491));
        assertThat(ExpressionParser.parse("option[host-name].option[2].option[3].exists", V4))
                .isEqualTo(new OptionExists(new TopLevel(List.of(12, 2, 3))));
        assertThat(ExpressionParser.parse("relay4[1].option[host-name].exists", V4))
                .isEqualTo(new OptionExists(new Relay4(List.of(1, 12))));
        assertThat(ExpressionParser.parseString("vendor[*].option[2].option[3].hex", V4))
                .isEqualTo(new OptionValue(new Vendor(0, List.of(2, 3)), Repr.HEX));
        assertThat(ExpressionParser.parseString("vendor-class[4491].data[3]", V4)).isEqualTo(new VendorClassData(4491, 3));
        assertThat(ExpressionParser.parseString("vendor-class[4491].data", V4)).isEqualTo(new VendorClassData(4491, 0));
        assertThat(ExpressionParser.parseString("vendor.enterprise", V4)).isEqualTo(new VendorEnterprise(VendorKind.VENDOR));
        assertThat(ExpressionParser.parseString("relay6[-1].peeraddr", V6)).isEqualTo(new Relay6Address(-1, Relay6Field.PEERADDR));
        assertThat(ExpressionParser.parse("option[65535].exists", V6)).isEqualTo(new OptionExists(new TopLevel(List.of(65535))));
        assertThat(ExpressionParser.parse("match('a.*', 'abc')", V4))
                .isEqualTo(new Match(Pattern.compile("a.*"), new StringLiteral("abc")));
        // a keyword followed by ']' is an option name, as with flex's trailing context
        assertThat(ExpressionParser.parse("option[text].exists",
                ExprUniverse.of(Family.V4, java.util.Map.of("text", 200), List.of())))
                .isEqualTo(new OptionExists(new TopLevel(List.of(200))));
    }

    @Test
    void treesAreValues() throws Exception {
        String text = "ifelse(option[60].exists, hexstring(pkt4.mac, ':'), lcase(split(pkt.iface, '.', 1)))";
        assertThat(ExpressionParser.parseString(text, V4)).isEqualTo(ExpressionParser.parseString(text, V4));
        assertThat(ExpressionParser.parseString(text, V4).hashCode())
                .isEqualTo(ExpressionParser.parseString(text, V4).hashCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "option[123].text == 'foo' & x                 | 1:27: invalid character '&'",
        "'a' and 'b'                                   | 1:5: syntax error, unexpected 'and', expecting '=='",
        "option[1].hex                                 | 1:14: syntax error, unexpected end of file, expecting '=='",
        "'a' == 'b' == 'c'                             | 1:12: syntax error, unexpected '==', expecting end of file",
        "member('nope')                                | 1:8: not defined client class 'nope'",
        "member('DROP')                                | 1:8: not defined client class 'DROP'",
        "member(ALL)                                   | 1:8: invalid character 'A'",
        "option[256].exists                            | 1:8: option code has invalid value in 256. Allowed range: 0..255",
        "option[no-such-option].exists                 | 1:8: option 'no-such-option' is not defined",
        "option[1].option[host-name].exists            | 1:18: syntax error, unexpected option name host-name, expecting integer",
        "option[1].value == 'x'                        | 1:11: invalid character 'v'",
        "substring('abc', 0) == 'a'                    | 1:19: syntax error, unexpected ')', expecting ','",
        "substring('abc', 'x', 1) == 'a'               | 1:18: syntax error, unexpected constant string 'x', expecting 'integer'",
        "1.2.3.256 == 'x'                              | 1:1: failed to convert 1.2.3.256 to an IP address",
        "01.2.3.4 == 'x'                               | 1:1: failed to convert 01.2.3.4 to an IP address",
        "1:2::3::4 == 'x'                              | 1:1: failed to convert 1:2::3::4 to an IP address",
        "-1 == 'x'                                     | 1:1: invalid value in -1. Allowed range: 0..4294967295",
        "4294967296 == 'x'                             | 1:1: invalid value in 4294967296. Allowed range: 0..4294967295",
        "99999999999999999999 == 'x'                   | 1:1: failed to convert 99999999999999999999 to an integer",
        "vendor-class[1].data[256] == 'x'              | 1:22: invalid value in 256. Allowed range: 0..255",
        "pkt6.msgtype == 1                             | 1:1: pkt6 can only be used in DHCPv6",
        "relay6[0].peeraddr == ::                      | 1:8: nest level invalid for DHCPv4 packets",
        "not 'x'                                       | 1:8: syntax error, unexpected end of file, expecting '=='",
        "concat('a' == 'a', 'b') == 'x'                | 1:8: syntax error, a boolean expression where a string expression is expected",
        "match('(', 'x')                               | 1:7: invalid regular expression '(': Unclosed group",
        "'a' == 'b                                     | 1:8: invalid character '''",
        "(member('ALL')                                | 1:15: syntax error, unexpected end of file, expecting ')'",
        "''                                            | 1:3: syntax error, unexpected end of file, expecting '=='",
        "                                              | 1:1: syntax error, unexpected end of file",
    })
    void reportsErrorsWithColumns(String text, String message) {
        assertThatThrownBy(() -> ExpressionParser.parse(text == null ? "" : text.strip(), V4))
                .isInstanceOf(ExpressionException.class)
                .hasMessage(message);
    }

    @Test
    void errorsCountLinesAndColumns() {
        assertThatThrownBy(() -> ExpressionParser.parse("member('ALL')\n  and $", V4))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("2:7: invalid character '$'")
                .satisfies(e -> {
                    assertThat(((ExpressionException) e).line()).isEqualTo(2);
                    assertThat(((ExpressionException) e).column()).isEqualTo(7);
                });
    }

    @Test
    void familySpecificConstructs() throws Exception {
        assertThatThrownBy(() -> ExpressionParser.parse("relay4[1].exists", V6)).hasMessage("1:1: relay4 can only be used in DHCPv4");
        assertThatThrownBy(() -> ExpressionParser.parse("pkt4.mac == 0x01", V6)).hasMessage("1:1: pkt4 can only be used in DHCPv4");
        assertThatThrownBy(() -> ExpressionParser.parse("relay6[32].peeraddr == ::", V6))
                .hasMessage("1:8: nest level has invalid value in 32. Allowed range: -32..31");
        assertThatThrownBy(() -> ExpressionParser.parse("option[65536].exists", V6))
                .hasMessage("1:8: option code has invalid value in 65536. Allowed range: 0..65535");
        assertThat(ExpressionParser.parse("pkt6.transid == 0 and relay6[31].option[1].exists", V6)).isNotNull();
    }

    @Test
    void builtinClassNamesFollowKea() {
        assertThat(ExprUniverse.isBuiltinClass("ALL")).isTrue();
        assertThat(ExprUniverse.isBuiltinClass("KNOWN")).isTrue();
        assertThat(ExprUniverse.isBuiltinClass("UNKNOWN")).isTrue();
        assertThat(ExprUniverse.isBuiltinClass("BOOTP")).isTrue();
        assertThat(ExprUniverse.isBuiltinClass("VENDOR_CLASS_docsis3.0")).isTrue();
        assertThat(ExprUniverse.isBuiltinClass("HA_server1")).isTrue();
        assertThat(ExprUniverse.isBuiltinClass("EXTERNAL_x")).isTrue();
        assertThat(ExprUniverse.isBuiltinClass("AFTER_x")).isTrue();
        assertThat(ExprUniverse.isBuiltinClass("VENDOR_CLASS_")).isFalse();
        assertThat(ExprUniverse.isBuiltinClass("DROP")).isFalse();
        assertThat(ExprUniverse.isBuiltinClass("SPAWN_x_y")).isFalse();
        assertThat(ExprUniverse.isBuiltinClass("SKIP_DDNS")).isFalse();
    }
}
