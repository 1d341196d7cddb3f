package dev.nestor.codec.option;

import static dev.nestor.codec.option.OptionDataType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionValueCodecTest {
    private static final OptionDefinitions STD = OptionDefinitions.standardV4();

    private static OptionDefinition std(String name) { return STD.byName("dhcp4", name).orElseThrow(); }

    private static String csv(OptionDefinition def, String data) throws OptionValueException {
        return HexFormat.of().formatHex(OptionValueCodec.fromCsv(def, data));
    }

    private static OptionDefinition custom(OptionDataType t, boolean array) {
        return new OptionDefinition("opt", 200, "dhcp4", t, array, List.of(), "");
    }

    @Test
    void ipv4AddressArray() throws Exception {
        assertThat(csv(std("domain-name-servers"), "192.0.2.1, 192.0.2.2")).isEqualTo("c0000201c0000202");
        assertThat(csv(std("routers"), "192.0.2.1")).isEqualTo("c0000201");
        assertThat(OptionValueCodec.toText(std("domain-name-servers"), HexFormat.of().parseHex("c0000201c0000202")))
                .isEqualTo("192.0.2.1, 192.0.2.2");
    }

    @Test
    void singleValueUsesFirstTokenLikeKea() throws Exception {
        assertThat(csv(std("subnet-mask"), "255.255.255.0, 1.2.3.4")).isEqualTo("ffffff00");
    }

    @Test
    void booleans() throws Exception {
        OptionDefinition d = std("ip-forwarding");
        assertThat(csv(d, "true")).isEqualTo("01");
        assertThat(csv(d, "FALSE")).isEqualTo("00");
        assertThat(csv(d, "1")).isEqualTo("01");
        assertThat(csv(d, "0")).isEqualTo("00");
        assertThatThrownBy(() -> csv(d, "2")).isInstanceOf(OptionValueException.class).hasMessageContaining("boolean");
        assertThatThrownBy(() -> csv(d, "yes")).isInstanceOf(OptionValueException.class);
        assertThat(OptionValueCodec.toText(d, new byte[] {1})).isEqualTo("true");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "uint8;0x0A;0a", "uint8;10;0a", "uint8;255;ff", "uint8;ff;ff", "uint16;1500;05dc", "uint16;0x05DC;05dc",
            "uint32;4294967295;ffffffff", "uint32;0xdeadbeef;deadbeef", "int8;-1;ff", "int8;127;7f", "int16;-2;fffe",
            "int32;-3600;fffff1f0", "int32;2147483647;7fffffff"})
    void integers(String type, String text, String hex) throws Exception {
        OptionDefinition d = custom(OptionDataType.fromKeaName(type), false);
        assertThat(csv(d, text)).isEqualTo(hex);
        // text form is decimal and parses back to the same bytes
        assertThat(csv(d, OptionValueCodec.toText(d, HexFormat.of().parseHex(hex)))).isEqualTo(hex);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"uint8;256", "uint8;-1", "uint16;65536", "int8;128", "int8;-129", "uint32;4294967296",
            "int32;2147483648", "uint8;abc-", "uint8;1.5"})
    void integerRangeAndSyntaxErrors(String type, String text) {
        OptionDefinition d = custom(OptionDataType.fromKeaName(type), false);
        assertThatThrownBy(() -> OptionValueCodec.fromCsv(d, text)).isInstanceOf(OptionValueException.class)
                .hasMessageContaining(text).hasMessageContaining("opt");
    }

    @Test
    void uint8ArrayAndUint16Array() throws Exception {
        assertThat(csv(std("dhcp-parameter-request-list"), "1, 3, 6, 0x0f")).isEqualTo("0103060f");
        assertThat(csv(std("path-mtu-plateau-table"), "68, 296, 1500")).isEqualTo("0044012805dc");
    }

    @Test
    void strings() throws Exception {
        assertThat(csv(std("domain-name"), "example.org")).isEqualTo("6578616d706c652e6f7267");
        // an escaped comma stays in the value (JSON "a\\,b" is the text a\,b)
        assertThat(new String(OptionValueCodec.fromCsv(std("boot-file-name"), "a\\,b"))).isEqualTo("a,b");
        assertThatThrownBy(() -> csv(std("host-name"), "")).isInstanceOf(OptionValueException.class);
        assertThat(OptionValueCodec.toText(std("host-name"), "pc1".getBytes())).isEqualTo("pc1");
    }

    @Test
    void binary() throws Exception {
        OptionDefinition d = std("dhcp-client-identifier");
        assertThat(csv(d, "01:02:03:0a")).isEqualTo("0102030a");
        assertThat(csv(d, "0x0102030A")).isEqualTo("0102030a");
        assertThat(csv(d, "102")).isEqualTo("0102");
        assertThatThrownBy(() -> csv(d, "zz")).isInstanceOf(OptionValueException.class);
        assertThat(OptionValueCodec.toText(d, new byte[] {1, 2, (byte) 0xab})).isEqualTo("0102AB");
    }

    @Test
    void fromHexFormsOfCsvFormatFalse() throws Exception {
        assertThat(OptionValueCodec.fromHex("0x0A0B")).containsExactly(10, 11);
        assertThat(OptionValueCodec.fromHex("0A 0B 0c")).containsExactly(10, 11, 12);
        assertThat(OptionValueCodec.fromHex("0a:b:0c")).containsExactly(10, 11, 12);
        assertThat(OptionValueCodec.fromHex("abc")).containsExactly(0x0a, 0xbc);
        assertThat(OptionValueCodec.fromHex("'ipxe'")).containsExactly('i', 'p', 'x', 'e');
        assertThat(OptionValueCodec.fromHex("")).isEmpty();
        assertThatThrownBy(() -> OptionValueCodec.fromHex("0a::0b")).isInstanceOf(OptionValueException.class);
        assertThatThrownBy(() -> OptionValueCodec.fromHex("0g")).isInstanceOf(OptionValueException.class);
    }

    @Test
    void fqdnAndFqdnArray() throws Exception {
        assertThat(csv(std("v4-lost"), "example.org")).isEqualTo("076578616d706c65036f726700");
        assertThat(csv(std("v4-lost"), "example.org.")).isEqualTo("076578616d706c65036f726700");
        assertThat(csv(std("domain-search"), "example.org, sub.example.org"))
                .isEqualTo("076578616d706c65036f726700" + "03737562076578616d706c65036f726700");
        assertThat(OptionValueCodec.toText(std("domain-search"),
                HexFormat.of().parseHex("076578616d706c65036f726700" + "03737562076578616d706c65036f726700")))
                .isEqualTo("example.org., sub.example.org.");
        assertThatThrownBy(() -> csv(std("v4-lost"), "a..b")).isInstanceOf(OptionValueException.class);
        assertThatThrownBy(() -> csv(std("v4-lost"), "x".repeat(64) + ".org")).isInstanceOf(OptionValueException.class);
    }

    @Test
    void recordOfUint8AndString() throws Exception {
        OptionDefinition d = std("status-code");
        assertThat(csv(d, "1, all good")).isEqualTo("01" + HexFormat.of().formatHex("all good".getBytes()));
        assertThat(OptionValueCodec.toText(d, HexFormat.of().parseHex("01" + HexFormat.of().formatHex("ok".getBytes())))).isEqualTo("1, ok");
        assertThatThrownBy(() -> csv(d, "1")).isInstanceOf(OptionValueException.class).hasMessageContaining("2 comma separated");
    }

    @Test
    void clientFqdnRecord() throws Exception {
        assertThat(csv(std("fqdn"), "5, 0, 0, host.example.org"))
                .isEqualTo("050000" + "04686f7374076578616d706c65036f726700");
        assertThat(OptionValueCodec.toText(std("fqdn"), HexFormat.of().parseHex("050000" + "04686f7374076578616d706c65036f726700")))
                .isEqualTo("5, 0, 0, host.example.org.");
    }

    @Test
    void arrayRecordRepeatsLastField() throws Exception {
        // slp-directory-agent: boolean then any number of addresses
        assertThat(csv(std("slp-directory-agent"), "true, 192.0.2.1, 192.0.2.2")).isEqualTo("01c0000201c0000202");
        assertThat(OptionValueCodec.toText(std("slp-directory-agent"), HexFormat.of().parseHex("01c0000201c0000202")))
                .isEqualTo("true, 192.0.2.1, 192.0.2.2");
    }

    @Test
    void classlessStaticRoutes() throws Exception {
        OptionDefinition d = std("classless-static-route");
        assertThat(csv(d, "10.0.0.0/8 - 192.0.2.1, 10.229.0.128/25 - 10.229.0.1, 0.0.0.0/0 - 192.0.2.254"))
                .isEqualTo("080a" + "c0000201" + "190ae50080" + "0ae50001" + "00" + "c00002fe");
        assertThat(OptionValueCodec.toText(d, HexFormat.of().parseHex("080ac0000201" + "18c63364c0000202")))
                .isEqualTo("10.0.0.0/8 - 192.0.2.1, 198.51.100.0/24 - 192.0.2.2");
        assertThatThrownBy(() -> csv(d, "10.0.0.0 - 192.0.2.1")).isInstanceOf(OptionValueException.class);
        assertThatThrownBy(() -> csv(d, "10.0.0.0/8")).isInstanceOf(OptionValueException.class);
        assertThatThrownBy(() -> csv(d, "10.0.0.0/33 - 1.2.3.4")).isInstanceOf(OptionValueException.class);
    }

    @Test
    void tuples() throws Exception {
        OptionDefinition d = custom(TUPLE, true);
        assertThat(csv(d, "abc, de")).isEqualTo("03616263" + "026465");
        assertThat(OptionValueCodec.toText(d, HexFormat.of().parseHex("03616263026465"))).isEqualTo("abc, de");
        // option 143 uses a 2-byte length even in DHCPv4
        assertThat(csv(std("v4-sztp-redirect"), "https://x")).isEqualTo("0009" + HexFormat.of().formatHex("https://x".getBytes()));
    }

    @Test
    void psid() throws Exception {
        OptionDefinition d = std("v4-portparams");
        assertThat(csv(d, "2, 1/8")).isEqualTo("02" + "08" + "0100");
        assertThat(csv(custom(PSID, false), "0x3/4")).isEqualTo("04" + "3000");
        assertThat(OptionValueCodec.toText(d, HexFormat.of().parseHex("02080100"))).isEqualTo("2, 1/8");
        assertThatThrownBy(() -> csv(custom(PSID, false), "16/4")).isInstanceOf(OptionValueException.class);
        assertThatThrownBy(() -> csv(custom(PSID, false), "1/17")).isInstanceOf(OptionValueException.class);
        assertThatThrownBy(() -> csv(custom(PSID, false), "18")).isInstanceOf(OptionValueException.class);
    }

    @Test
    void ipv6AddressAndPrefix() throws Exception {
        assertThat(csv(custom(IPV6_PREFIX, false), "2001:db8::/64")).isEqualTo("40" + "20010db800000000");
        assertThat(csv(custom(IPV6_PREFIX, false), "2001:db8:1:ff::/60")).isEqualTo("3c" + "20010db8000100f0");
        assertThat(OptionValueCodec.toText(custom(IPV6_PREFIX, false), HexFormat.of().parseHex("4020010db800000000")))
                .isEqualTo("2001:db8::/64");
        assertThat(csv(custom(IPV6_ADDRESS, true), "2001:db8::1, ::ffff:192.0.2.1"))
                .isEqualTo("20010db8000000000000000000000001" + "00000000000000000000ffffc0000201");
        assertThat(OptionValueCodec.toText(custom(IPV6_ADDRESS, false), HexFormat.of().parseHex("20010db8000000000001000000000001")))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThatThrownBy(() -> csv(custom(IPV6_ADDRESS, false), "192.0.2.1")).isInstanceOf(OptionValueException.class);
        assertThatThrownBy(() -> csv(custom(IPV6_ADDRESS, false), "example.com")).isInstanceOf(OptionValueException.class);
        assertThatThrownBy(() -> csv(custom(IPV6_PREFIX, false), "2001:db8::/129")).isInstanceOf(OptionValueException.class);
    }

    @Test
    void option6rdRecordArray() throws Exception {
        assertThat(csv(std("option-6rd"), "0, 16, 2001:db8::, 192.0.2.1, 192.0.2.2"))
                .isEqualTo("0010" + "20010db8000000000000000000000000" + "c0000201c0000202");
    }

    @Test
    void emptyTypeTakesNoData() throws Exception {
        assertThat(csv(std("dhcp-agent-options"), "")).isEmpty();
        assertThatThrownBy(() -> csv(std("vendor-encapsulated-options"), "5")).isInstanceOf(OptionValueException.class);
    }

    @Test
    void vivsoGetsDataLenByte() throws Exception {
        assertThat(csv(std("vivso-suboptions"), "4491")).isEqualTo("0000118b00");
        assertThat(OptionValueCodec.toText(std("vivso-suboptions"), HexFormat.of().parseHex("0000118b00"))).isEqualTo("4491");
    }

    @Test
    void dnr() throws Exception {
        String hex = csv(std("v4-dnr"), "2, resolver.example., 10.0.5.6, alpn=dot\\,doq port=8530 | 3, fooexp.resolver.example.");
        String adn1 = "087265736f6c766572076578616d706c6500"; // resolver.example.
        String svc = "0001" + "0008" + "03646f74" + "03646f71" + "0003" + "0002" + "2152";
        String inst1 = "0002" + "12" + adn1 + "04" + "0a000506" + svc;
        String adn2 = "06666f6f657870" + adn1;
        String inst2 = "0003" + "19" + adn2;
        assertThat(hex).isEqualTo(String.format("%04x", inst1.length() / 2) + inst1 + String.format("%04x", inst2.length() / 2) + inst2);
        assertThatThrownBy(() -> csv(std("v4-dnr"), "1, a.example., 10.0.0.1, ipv4hint=1.2.3.4")).isInstanceOf(OptionValueException.class);
    }

    @Test
    void toTextFallsBackToHex() {
        assertThat(OptionValueCodec.toText(std("subnet-mask"), new byte[] {1, 2, 3})).isEqualTo("0x010203");
        assertThat(OptionValueCodec.toText(std("ip-forwarding"), new byte[] {7})).isEqualTo("0x07");
        assertThat(OptionValueCodec.toText(std("v4-lost"), new byte[] {(byte) 0xc0, 0x0c})).isEqualTo("0xC00C");
        assertThat(OptionValueCodec.toText(std("classless-static-route"), new byte[] {33, 1, 1, 1, 1, 1, 1, 1, 1})).startsWith("0x");
    }

    @Test
    void keaTokenizer() {
        assertThat(OptionValueCodec.tokens("a,,b, c")).containsExactly("a", "b", " c");
        assertThat(OptionValueCodec.tokens("a\\,b,c")).containsExactly("a,b", "c");
        assertThat(OptionValueCodec.tokens("a\\\\,b")).containsExactly("a\\", "b");
        assertThat(OptionValueCodec.tokens("a\\nb")).containsExactly("a\\nb");
        assertThat(OptionValueCodec.tokens("")).isEmpty();
    }

    @Test
    void dataTypeNames() {
        assertThat(OptionDataType.fromKeaName("ipv4-address")).isEqualTo(IPV4_ADDRESS);
        assertThat(OptionDataType.fromKeaName(" UINT8 ")).isEqualTo(UINT8);
        for (OptionDataType t : OptionDataType.values()) assertThat(OptionDataType.fromKeaName(t.keaName())).isEqualTo(t);
        assertThatThrownBy(() -> OptionDataType.fromKeaName("uint64")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uint64").hasMessageContaining("ipv4-address");
    }
}
