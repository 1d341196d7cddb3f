package dev.nestor.classify.expr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluatorTest {

    static final ExprUniverse V4 = ExprUniverse.of(Family.V4,
            Map.of("host-name", 12, "vendor-class-identifier", 60, "dhcp-client-identifier", 61,
                    "dhcp-agent-options", 82, "vendor-encapsulated-options", 43),
            List.of("foo", "bar"));
    static final ExprUniverse V6 = ExprUniverse.of(Family.V6, Map.of("client-id", 1, "interface-id", 18), List.of());

    static boolean test(String expr, PacketView p) throws ExpressionException {
        return Evaluator.evaluateBoolean(ExpressionParser.parse(expr, p.family() == Family.V4 ? V4 : V6), p);
    }

    static String value(String expr, PacketView p) throws ExpressionException {
        return Evaluator.evaluateString(ExpressionParser.parseString(expr, p.family() == Family.V4 ? V4 : V6), p);
    }

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    // ---- the ARM's documented examples -----------------------------------------------------------

    @Test
    void armExamples() throws Exception {
        TestPacket p = TestPacket.v4().with(61, "foobar").with(123, "foo").with(82, hex("0203666f6f"));
        assertThat(test("substring(option[61].hex,0,3) == 'foo'", p)).isTrue();
        assertThat(test("option[123].text == 'foo' and not member('bar')", p)).isTrue();
        assertThat(test("option[123].text == 'foo' and not member('bar')", p.inClass("bar"))).isFalse();
        assertThat(test("relay4[2].hex == 'foo'", p)).isTrue();
        assertThat(test("pkt4.mac == 0x010203040506", p)).isTrue();
        assertThat(test("hexstring(pkt4.mac, ':') == '01:02:03:04:05:06'", p)).isTrue();
        assertThat(value("ifelse(option[60].exists, 'yes', 'no')", p)).isEqualTo("no");
        assertThat(value("ifelse(option[60].exists, 'yes', 'no')", p.with(60, "x"))).isEqualTo("yes");
        assertThat(value("ifelse(option[230].exists, option[230].hex, 'none')", p.with(230, "v"))).isEqualTo("v");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "substring('foobar', 0, 6) == 'foobar'",
        "substring('foobar', 3, 3) == 'bar'",
        "substring('foobar', 3, all) == 'bar'",
        "substring('foobar', 1, 4) == 'ooba'",
        "substring('foobar', -5, 4) == 'ooba'",
        "substring('foobar', -1, -3) == 'oba'",
        "substring('foobar', 4, -2) == 'ob'",
        "substring('foobar', 10, 2) == ''",
        "substring('foobar', -7, 2) == ''",
        "substring('foobar', 2, -9) == 'fo'",
        "substring('', 0, all) == ''",
        "split ('one.two..four', '.', 1) == 'one'",
        "split ('one.two..four', '.', 2) == 'two'",
        "split ('one.two..four', '.', 3) == ''",
        "split ('one.two..four', '.', 4) == 'four'",
        "split ('one.two..four', '.', 5) == ''",
        "split ('one.two..four', '.', 0) == ''",
        "split ('a-b.c', '.-', 2) == 'b'",
        "split ('abc', '', 1) == 'abc'",
        "split ('it' + 0x27 + 's', 0x27, 2) == 's'",
        "concat('foo', 'bar') == 'foobar'",
        "'abc' + 'def' + 'ghi' + 'jkl' + '...' == 'abcdefghijkl...'",
        "'abc' + 'def' + 'ghi' + 'jkl' + '...' == concat('abc', concat('def', concat('ghi', concat('jkl', '...'))))",
        "lcase('LoWeR') == 'lower'",
        "ucase('uPpEr') == 'UPPER'",
        "hexstring('foo', '-') == '66-6f-6f'",
        "hexstring(0x0aff, '') == '0aff'",
        "hexstring('', ':') == ''",
        "ifelse('foo' == 'bar', 'us', 'them') == 'them'",
        "match('foo.*', 'foobar')",
        "match('.*foo.*', 'is it foo or bar')",
        "match('^.*foo.*$', 'is it foo or bar')",
        "not match('foo', 'afoo')",
        "match('foo.*', lcase('FooBar'))",
        "not (substring('foobar', 3, 3) == 'bar') or 'x' == 'x'",
        "'' == ''",
        "0x5a7d == 'Z}'",
        "0x5a7 == 0x05a7",
        "0X41 == 'A'",
        "10.0.0.1 == 0x0a000001",
        "2001:db8::1 == 0x20010db8000000000000000000000001",
        "::ffff:192.0.2.1 == 0x00000000000000000000ffffc0000201",
        "123 == 0x0000007b",
        "4294967295 == 0xffffffff",
        "addrtotext(192.10.0.1) == '192.10.0.1'",
        "addrtotext(2003:db8::) == '2003:db8::'",
        "addrtotext(0x20010db8000000000000000000000001) == '2001:db8::1'",
        "addrtotext(0x00000000000000000000ffffc0000201) == '::ffff:192.0.2.1'",
        "addrtotext(0x00000000000000000000000000000000) == '::'",
        "addrtotext(0x20010db8000100000000000100000000) == '2001:db8:1::1:0:0'",
        "addrtotext('') == ''",
        "int8totext(0xff) == '-1'",
        "int16totext(0xfffe) == '-2'",
        "int32totext(4294967295) == '-1'",
        "uint8totext(0xff) == '255'",
        "uint16totext(0xffff) == '65535'",
        "uint32totext(4294967295) == '4294967295'",
        "uint32totext('') == ''",
    })
    void documentedFunctionsHold(String expr) throws Exception {
        assertThat(test(expr, TestPacket.v4())).as(expr).isTrue();
    }

    // ---- packet access ---------------------------------------------------------------------------

    @Test
    void optionRepresentations() throws Exception {
        TestPacket p = TestPacket.v4().with(12, "laptop").with(60, "docsis3.0");
        assertThat(test("option[12].exists", p)).isTrue();
        assertThat(test("option[13].exists", p)).isFalse();
        assertThat(test("option[host-name].text == 'laptop'", p)).isTrue();
        assertThat(test("option[12].hex == 0x6c6170746f70", p)).isTrue();
        assertThat(value("option[13].hex", p)).isEmpty();
        assertThat(value("option[13].text", p)).isEmpty();
        assertThat(test("option[vendor-class-identifier].text == 'docsis3.0'", p)).isTrue();
        assertThat(test("option[vendor-class-identifier ].exists", p)).isTrue();
    }

    @Test
    void textRepresentationCanBeRenderedByTheServer() throws Exception {
        PacketView p = new DelegatingPacket(TestPacket.v4().with(51, hex("00000e10"))) {
            @Override
            public byte[] optionText(int code, byte[] payload) {
                return code == 51 ? "3600".getBytes() : payload;
            }
        };
        assertThat(test("option[51].text == '3600'", p)).isTrue();
        assertThat(test("option[51].hex == 3600", p)).isTrue();
    }

    @Test
    void subOptionsAndRelayAgentInformation() throws Exception {
        TestPacket p = TestPacket.v4()
                .with(43, hex("0103787978" + "0200"))
                .with(82, hex("0104" + "65746831" + "0206" + "aabbccddeeff" + "0903" + "050178"));
        assertThat(test("option[43].option[1].hex == 'xyx'", p)).isTrue();
        assertThat(test("option[43].option[2].exists", p)).isTrue();
        assertThat(test("option[43].option[2].hex == ''", p)).isTrue();
        assertThat(test("option[43].option[3].exists", p)).isFalse();
        assertThat(test("option[44].option[1].exists", p)).isFalse();
        assertThat(test("relay4[1].text == 'eth1'", p)).isTrue();
        assertThat(test("relay4[2].hex == 0xaabbccddeeff", p)).isTrue();
        assertThat(test("relay4[3].exists", p)).isFalse();
        assertThat(test("relay4[9].option[5].hex == 'x'", p)).isTrue();
        assertThat(test("option[82].option[2].exists", p)).isTrue();
        assertThat(test("relay4[1].exists", TestPacket.v4())).isFalse();
    }

    @Test
    void pkt4Fields() throws Exception {
        TestPacket p = TestPacket.v4();
        assertThat(test("pkt4.hlen == 6", p)).isTrue();
        assertThat(test("pkt4.htype == 0x00000001", p)).isTrue();
        assertThat(test("pkt4.ciaddr == 192.0.2.1", p)).isTrue();
        assertThat(test("pkt4.giaddr == 192.0.2.254", p)).isTrue();
        assertThat(test("pkt4.yiaddr == 0.0.0.0", p)).isTrue();
        assertThat(test("pkt4.siaddr == 192.0.2.10", p)).isTrue();
        assertThat(test("pkt4.msgtype == 1", p)).isTrue();
        assertThat(test("pkt4.transid == 287454020", p)).isTrue();
        assertThat(value("addrtotext(pkt4.giaddr)", p)).isEqualTo("192.0.2.254");
        assertThat(value("uint32totext(pkt4.transid)", p)).isEqualTo("287454020");
    }

    @Test
    void packetMetadata() throws Exception {
        TestPacket p = TestPacket.v4();
        assertThat(test("pkt.iface == 'eth0'", p)).isTrue();
        assertThat(test("pkt.src == 192.0.2.254", p)).isTrue();
        assertThat(test("pkt.dst == 192.0.2.10", p)).isTrue();
        assertThat(test("pkt.len == 300", p)).isTrue();
        assertThat(value("uint32totext(pkt.len)", p)).isEqualTo("300");
    }

    @Test
    void vendorOptions() throws Exception {
        // option 125: enterprise 4491, data-len 11, sub-option 1 "docsis3.0"
        TestPacket p = TestPacket.v4().with(125, hex("0000118b" + "0b" + "0109" + "646f63736973332e30"));
        assertThat(test("vendor[4491].exists", p)).isTrue();
        assertThat(test("vendor[*].exists", p)).isTrue();
        assertThat(test("vendor[0].exists", p)).isTrue();
        assertThat(test("vendor[3561].exists", p)).isFalse();
        assertThat(test("vendor.enterprise == 4491", p)).isTrue();
        assertThat(test("vendor[4491].option[1].exists", p)).isTrue();
        assertThat(test("vendor[4491].option[2].exists", p)).isFalse();
        assertThat(test("vendor[4491].option[1].hex == 'docsis3.0'", p)).isTrue();
        assertThat(test("vendor[*].option[1].text == 'docsis3.0'", p)).isTrue();
        assertThat(test("vendor[3561].option[1].exists", p)).isFalse();
        assertThat(value("vendor.enterprise", TestPacket.v4())).isEmpty();
        assertThat(test("vendor[*].exists", TestPacket.v4())).isFalse();
    }

    @Test
    void vendorClassOption() throws Exception {
        // option 124: enterprise 4491, "docsis3.0", then enterprise 4491 again, "eRouter1.0"
        TestPacket p = TestPacket.v4().with(124,
                hex("0000118b" + "09" + "646f63736973332e30" + "0000118b" + "0a" + "65526f75746572312e30"));
        assertThat(test("vendor-class[4491].exists", p)).isTrue();
        assertThat(test("vendor-class[*].exists", p)).isTrue();
        assertThat(test("vendor-class[1].exists", p)).isFalse();
        assertThat(test("vendor-class.enterprise == 4491", p)).isTrue();
        assertThat(test("vendor-class[4491].data == 'docsis3.0'", p)).isTrue();
        assertThat(test("vendor-class[4491].data[0] == 'docsis3.0'", p)).isTrue();
        assertThat(test("vendor-class[4491].data[1] == 'eRouter1.0'", p)).isTrue();
        assertThat(test("vendor-class[4491].data[2] == ''", p)).isTrue();
        assertThat(test("vendor-class[1].data == ''", p)).isTrue();
    }

    @Test
    void membership() throws Exception {
        TestPacket p = TestPacket.v4().inClass("foo").inClass("KNOWN");
        assertThat(test("member('foo')", p)).isTrue();
        assertThat(test("member('bar')", p)).isFalse();
        assertThat(test("member('KNOWN')", p)).isTrue();
        assertThat(test("known", p)).isTrue();
        assertThat(test("unknown", p)).isFalse();
        assertThat(test("unknown", TestPacket.v4())).isTrue();
    }

    @Test
    void precedenceAndGrouping() throws Exception {
        TestPacket p = TestPacket.v4();
        // and binds tighter than or
        assertThat(test("'a' == 'a' or 'a' == 'b' and 'c' == 'd'", p)).isTrue();
        assertThat(test("('a' == 'a' or 'a' == 'b') and 'c' == 'd'", p)).isFalse();
        // not binds tighter than and, and applies to the whole comparison
        assertThat(test("not 'a' == 'b'", p)).isTrue();
        assertThat(test("not 'a' == 'a' and 'b' == 'b'", p)).isFalse();
        assertThat(test("not ('a' == 'a' and 'b' == 'c')", p)).isTrue();
        // + before ==, and parenthesised strings
        assertThat(test("'a' + 'b' == 'ab'", p)).isTrue();
        assertThat(test("('a') + ('b' + 'c') == (('abc'))", p)).isTrue();
        // sor is below or, sand below and
        assertThat(test("'a' == 'b' sor 'a' == 'a' or 'x' == 'y'", p)).isTrue();
        assertThat(test("'a' == 'a' sand 'b' == 'b'", p)).isTrue();
        // keywords are not separated by spaces in Kea's lexer either
        assertThat(test("notmember('foo')", p)).isTrue();
    }

    @Test
    void shortCircuitOperatorsSkipErrorsStrictOnesDoNot() throws Exception {
        TestPacket p = TestPacket.v4();
        String bad = "int8totext('ab') == '1'";
        assertThat(test("option[1].exists and " + bad, p)).isFalse();
        assertThatThrownBy(() -> test("option[1].exists sand " + bad, p))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("int8");
        assertThat(test("'a' == 'a' or " + bad, p)).isTrue();
        assertThatThrownBy(() -> test("'a' == 'a' sor " + bad, p)).isInstanceOf(ExpressionException.class);
        assertThat(value("ifelse('a' == 'a', 'ok', int8totext('ab'))", p)).isEqualTo("ok");
        assertThatThrownBy(() -> value("sifelse('a' == 'a', 'ok', int8totext('ab'))", p))
                .isInstanceOf(ExpressionException.class);
    }

    @Test
    void runtimeTypeErrors() throws Exception {
        TestPacket p = TestPacket.v4();
        assertThatThrownBy(() -> test("addrtotext('abc') == ''", p)).hasMessageContaining("valid address");
        assertThatThrownBy(() -> test("uint8totext(255) == '255'", p)).hasMessageContaining("uint8");
        assertThatThrownBy(() -> test("int16totext('a') == ''", p)).hasMessageContaining("int16");
        // A string used as a boolean must be exactly "true" or "false".
        assertThat(Evaluator.evaluateBoolean(ExpressionParser.parseString("'true'", V4), p)).isTrue();
        assertThat(Evaluator.evaluateBoolean(ExpressionParser.parseString("'fal' + 'se'", V4), p)).isFalse();
        assertThatThrownBy(() -> Evaluator.evaluateBoolean(ExpressionParser.parseString("'yes'", V4), p))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("\"yes\"");
        // pkt4 against a DHCPv6 packet
        Expr pkt4 = ExpressionParser.parse("pkt4.mac == 0x01", V4);
        assertThatThrownBy(() -> Evaluator.evaluateBoolean(pkt4, TestPacket.v6())).hasMessageContaining("Pkt4");
    }

    @Test
    void evaluateStringAndBytes() throws Exception {
        TestPacket p = TestPacket.v4().with(61, hex("01c0ffee"));
        Expr e = ExpressionParser.parseString("option[61].hex", V4);
        assertThat(Evaluator.evaluateBytes(e, p)).containsExactly(0x01, 0xc0, 0xff, 0xee);
        assertThat(Evaluator.evaluateString(e, p)).isEqualTo("\u0001\u00c0\u00ff\u00ee"); // not UTF-8: one char per byte
        assertThat(value("'caf\u00e9' + '!'", p)).isEqualTo("caf\u00e9!");
        assertThat(Evaluator.evaluateString(ExpressionParser.parse("'a' == 'a'", V4), p)).isEqualTo("true");
        assertThat(value("split(pkt.iface, 'h', 2)", p)).isEqualTo("0");
    }

    @Test
    void regexWorksOnBytes() throws Exception {
        TestPacket p = TestPacket.v4().with(12, "h\u00f6st");
        assertThat(test("match('h\u00f6.*', option[12].text)", p)).isTrue();
        assertThat(test("match('h..st', option[12].text)", p)).isTrue(); // the o-umlaut is two UTF-8 bytes
    }

    // ---- DHCPv6 ----------------------------------------------------------------------------------

    @Test
    void dhcp6Constructs() throws Exception {
        TestPacket p = TestPacket.v6().with(1, hex("000300010a0b0c0d0e0f")).with(16,
                hex("0000118b" + "0009" + "646f63736973332e30"));
        p.relay("2001:db8::1", "fe80::aa", Map.of(18, "port1".getBytes()))
                .relay("2001:db8:1::1", "fe80::bb", Map.of(18, "port2".getBytes()));
        assertThat(test("pkt6.msgtype == 1", p)).isTrue();
        assertThat(test("pkt6.transid == 0x00abcdef", p)).isTrue();
        assertThat(test("option[client-id].hex == 0x000300010a0b0c0d0e0f", p)).isTrue();
        assertThat(test("substring(option[1].hex, 0, 2) == 0x0003", p)).isTrue();
        assertThat(test("relay6[0].option[18].text == 'port1'", p)).isTrue();
        assertThatThrownBy(() -> test("relay6[1].option[interface-id].exists", p)) // Kea: no name for the first code
                .hasMessage("1:18: syntax error, unexpected option name interface-id, expecting integer");
        assertThat(test("relay6[1].option[18].text == 'port2'", p)).isTrue();
        assertThat(test("relay6[-1].option[18].text == 'port2'", p)).isTrue();
        assertThat(test("relay6[-2].option[18].text == 'port1'", p)).isTrue();
        assertThat(test("relay6[-3].option[18].exists", p)).isFalse();
        assertThat(test("relay6[2].option[18].exists", p)).isFalse();
        assertThat(value("addrtotext(relay6[0].linkaddr)", p)).isEqualTo("2001:db8::1");
        assertThat(value("addrtotext(relay6[-1].peeraddr)", p)).isEqualTo("fe80::bb");
        assertThat(value("relay6[5].peeraddr", p)).isEmpty();
        assertThat(test("vendor-class[4491].data == 'docsis3.0'", p)).isTrue();
        assertThat(test("pkt.src == fe80::1", p)).isTrue();
    }

    /** Forwards everything; subclasses override what a test needs. */
    static class DelegatingPacket implements PacketView {
        private final PacketView d;

        DelegatingPacket(PacketView d) {
            this.d = d;
        }

        @Override
        public Family family() {
            return d.family();
        }

        @Override
        public java.util.Optional<byte[]> option(int code) {
            return d.option(code);
        }

        @Override
        public byte[] pkt4Field(Pkt4Field field) {
            return d.pkt4Field(field);
        }

        @Override
        public byte[] pktField(PktField field) {
            return d.pktField(field);
        }

        @Override
        public boolean memberOf(String className) {
            return d.memberOf(className);
        }
    }
}
