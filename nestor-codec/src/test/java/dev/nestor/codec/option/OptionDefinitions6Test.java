package dev.nestor.codec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionDefinitions6Test {
    private static final OptionDefinitions STD6 = OptionDefinitions.standardV6();

    @Test
    void standardTableMatchesKea() {
        assertThat(STD6.inSpace("dhcp6")).hasSize(76); // Kea 3.0 STANDARD_V6_OPTION_DEFINITIONS
        assertThat(STD6.inSpace("vendor-4491")).extracting(OptionDefinition::name).containsExactly("oro", "device-type",
                "vendor-type", "tftp-servers", "time-servers", "config-file", "syslog-servers", "device-id", "time-offset",
                "cmts-cm-mac");
        assertThat(STD6.inSpace("vendor-2495")).extracting(OptionDefinition::code).containsExactly(60000, 60001, 60002);
        assertThat(STD6.inSpace("s46-cont-mape-options")).extracting(OptionDefinition::name).containsExactly("s46-br", "s46-rule");
        assertThat(STD6.inSpace("s46-cont-mapt-options")).extracting(OptionDefinition::name).containsExactly("s46-rule", "s46-dmr");
        assertThat(STD6.inSpace("s46-cont-lw-options")).extracting(OptionDefinition::name).containsExactly("s46-br", "s46-v4v6bind");
        assertThat(STD6.inSpace("s46-rule-options")).extracting(OptionDefinition::code).containsExactly(93);
        assertThat(STD6.inSpace("s46-v4v6bind-options")).extracting(OptionDefinition::code).containsExactly(93);
        assertThat(STD6.inSpace("v6-ntp-server-suboptions")).hasSize(3);
        assertThat(STD6.spaces()).contains("rsoo-opts");
        assertThat(STD6.inSpace("dhcp4")).isEmpty();

        OptionDefinition dns = STD6.byName("dhcp6", "dns-servers").orElseThrow();
        assertThat(dns).isEqualTo(new OptionDefinition("dns-servers", 23, "dhcp6", OptionDataType.IPV6_ADDRESS, true, List.of(), ""));
        assertThat(STD6.byCode("dhcp6", 26).orElseThrow().recordTypes()).containsExactly(OptionDataType.UINT32,
                OptionDataType.UINT32, OptionDataType.UINT8, OptionDataType.IPV6_ADDRESS);
        assertThat(STD6.byName("dhcp6", "s46-cont-mape").orElseThrow().encapsulate()).isEqualTo("s46-cont-mape-options");
        assertThat(STD6.byName("dhcp6", "ntp-server").orElseThrow().encapsulate()).isEqualTo("v6-ntp-server-suboptions");
        assertThat(STD6.byName("s46-cont-mapt-options", "s46-rule").orElseThrow().encapsulate()).isEqualTo("s46-rule-options");
        assertThat(STD6.byName("vendor-4491", "cmts-cm-mac").orElseThrow().code()).isEqualTo(1026);
        assertThat(STD6.byName("dhcp6", "bootfile-param").orElseThrow().type()).isEqualTo(OptionDataType.TUPLE);
        assertThat(STD6.byCode("dhcp6", 10)).isEmpty();
        assertThat(OptionDefinitions.isStandard(dns)).isTrue();
        assertThat(OptionDefinitions.isStandard(STD6.byName("vendor-4491", "oro").orElseThrow())).isTrue();
        // the v4 registry is unchanged: vendor-4491 there is the DHCPv4 DOCSIS space
        assertThat(OptionDefinitions.standardV4().byName("vendor-4491", "oro").orElseThrow().type()).isEqualTo(OptionDataType.UINT8);
    }

    @Test
    void twoByteCodesInV6SubSpacesOnly() {
        assertThat(OptionDefinition.of("foo", 300, "vendor-12345", OptionDataType.UINT8).code()).isEqualTo(300);
        assertThat(OptionDefinition.of("br", 1000, "s46-cont-lw-options", OptionDataType.UINT8).code()).isEqualTo(1000);
        assertThatThrownBy(() -> OptionDefinition.of("x", 65536, "isc", OptionDataType.UINT8)).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> OptionDefinition.of("x", 65536, "vendor-x", OptionDataType.UINT8)).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> OptionDefinition.of("x", 65536, "vendor-1", OptionDataType.UINT8)).hasMessageContaining("0..65535");
        assertThat(OptionDefinition.allowsTwoByteCodes("vendor-4491")).isTrue();
        assertThat(OptionDefinition.allowsTwoByteCodes("isc")).isTrue();
        assertThat(OptionDefinition.allowsTwoByteCodes("dhcp4")).isFalse();
    }

    /** One example per standard DHCPv6 definition; each encodes and survives toText → fromCsv unchanged. */
    @Test
    void everyStandardV6DefinitionEncodesItsExample() throws Exception {
        Map<String, String> special = Map.ofEntries(
                Map.entry("dhcp6/ia-na", "1, 3600, 5400"),
                Map.entry("dhcp6/ia-pd", "2, 3600, 5400"),
                Map.entry("dhcp6/iaaddr", "2001:db8::1, 3000, 4000"),
                Map.entry("dhcp6/iaprefix", "3000, 4000, 56, 2001:db8:1:ab00::"),
                Map.entry("dhcp6/status-code", "0, all went fine"),
                Map.entry("dhcp6/vendor-class", "4491, 0a0b"),
                Map.entry("dhcp6/geoconf-civic", "1, 2, 0a0b"),
                Map.entry("dhcp6/remote-id", "4491, 0a0b0c"),
                Map.entry("dhcp6/client-fqdn", "1, myhost.example.org."),
                Map.entry("dhcp6/lq-query", "1, 2001:db8::1"),
                Map.entry("dhcp6/lq-relay-data", "2001:db8::1, 0a0b"),
                Map.entry("dhcp6/nii", "1, 3, 10"),
                Map.entry("dhcp6/rdnss-selection", "2001:db8::1, 1, example.com, example.org"),
                Map.entry("dhcp6/v6-dnr", "100, dot1.example.org., 2001:db8::1 2001:db8::2, alpn=dot port=8530"),
                Map.entry("dhcp6/bootfile-param", "root=/dev/sda1, quiet"),
                Map.entry("s46-cont-mape-options/s46-rule", "1, 0, 24, 192.0.2.0, 2001:db8:1::/48"),
                Map.entry("s46-cont-mapt-options/s46-rule", "0, 6, 24, 192.0.2.0, 2001:db8:2::/48"),
                Map.entry("s46-cont-lw-options/s46-v4v6bind", "192.0.2.3, 2001:db8:1:cafe::/64"),
                Map.entry("s46-rule-options/s46-portparams", "2, 3/4"),
                Map.entry("s46-v4v6bind-options/s46-portparams", "0, 1/8"));
        int checked = 0;
        for (OptionDefinition d : STD6.all()) {
            String key = d.space() + "/" + d.name();
            String example = special.containsKey(key) ? special.get(key) : exampleFor(d);
            byte[] wire = OptionValueCodec.fromCsv6(d, example);
            assertThat(OptionValueCodec.fromCsv(d, example)).as(key).isEqualTo(wire);
            if (d.type() != OptionDataType.EMPTY) assertThat(wire).as(key).isNotEmpty();
            if (!d.name().equals("v6-dnr")) {
                String text = OptionValueCodec.toText6(d, wire);
                assertThat(OptionValueCodec.fromCsv6(d, text)).as(key + " via '" + text + "'").isEqualTo(wire);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(STD6.all().size()).isEqualTo(100);
    }

    @Test
    void v6EncodingsPinnedToBytes() throws Exception {
        assertThat(hex("dhcp6", "dns-servers", "2001:db8::1, 2001:db8::2"))
                .isEqualTo("20010db8000000000000000000000001" + "20010db8000000000000000000000002");
        assertThat(hex("dhcp6", "domain-search", "example.com, example.org"))
                .isEqualTo("076578616d706c6503636f6d00" + "076578616d706c65036f726700");
        // tuples have a 2-byte length in DHCPv6
        assertThat(hex("dhcp6", "bootfile-param", "ab, c")).isEqualTo("00026162" + "000163");
        assertThat(hex("dhcp6", "pd-exclude", "2001:db8:1:abcd::/64")).isEqualTo("40" + "20010db80001abcd");
        assertThat(hex("dhcp6", "status-code", "2, none")).isEqualTo("0002" + "6e6f6e65");
        assertThat(hex("dhcp6", "iaprefix", "1, 2, 48, 2001:db8::")).isEqualTo("00000001 00000002 30 20010db8000000000000000000000000".replace(" ", ""));
        assertThat(hex("dhcp6", "vendor-opts", "4491")).isEqualTo("0000118b");
        assertThat(hex("dhcp6", "rapid-commit", "")).isEmpty();
        assertThat(hex("vendor-4491", "oro", "32, 33")).isEqualTo("00200021");
        assertThat(hex("s46-rule-options", "s46-portparams", "2, 3/4")).isEqualTo("02" + "04" + "3000");
        // the ARM's v6-dnr example, byte for byte
        assertThat(hex("dhcp6", "v6-dnr", "100, dot1.example.org., 2001:db8::1 2001:db8::2, alpn=dot port=8530")).isEqualTo(
                "0064" + "0012" + "0464 6f74 3107 6578 616d 706c 6503 6f72 6700".replace(" ", "") + "0020"
                        + "20010db8000000000000000000000001" + "20010db8000000000000000000000002"
                        + "0001" + "0004" + "03646f74" + "0003" + "0002" + "2152");
        assertThat(hex("dhcp6", "v6-dnr", "150, resolver.example.")).isEqualTo("0096" + "0012" + "087265736f6c766572076578616d706c6500");
        assertThat(hex("dhcp6", "v6-dnr", "150, resolver.example., 2001:db8::1, alpn=dot\\,doq\\,h2\\,h3 dohpath=/q{?dns}"))
                .endsWith("0001" + "000e" + "03646f74" + "03646f71" + "026832" + "026833" + "0007" + "0008" + "2f717b3f646e737d");
        assertThatThrownBy(() -> hex("dhcp6", "v6-dnr", "100")).isInstanceOf(OptionValueException.class);
        assertThatThrownBy(() -> hex("dhcp6", "dns-servers", "192.0.2.1")).isInstanceOf(OptionValueException.class);
    }

    @Test
    void tupleLengthFollowsTheProtocolInOtherSpaces() throws Exception {
        OptionDefinition custom = OptionDefinition.array("urls", 5, "vendor-12345", OptionDataType.TUPLE);
        assertThat(HexFormat.of().formatHex(OptionValueCodec.fromCsv6(custom, "ab"))).isEqualTo("00026162");
        assertThat(HexFormat.of().formatHex(OptionValueCodec.fromCsv(custom, "ab"))).isEqualTo("026162");
        assertThat(OptionValueCodec.toText6(custom, HexFormat.of().parseHex("00026162"))).isEqualTo("ab");
    }

    private static String hex(String space, String name, String csv) throws OptionValueException {
        return HexFormat.of().formatHex(OptionValueCodec.fromCsv6(STD6.byName(space, name).orElseThrow(), csv));
    }

    private static String exampleFor(OptionDefinition d) {
        String one = switch (d.type()) {
            case IPV4_ADDRESS -> "192.0.2.1";
            case IPV6_ADDRESS -> "2001:db8::1";
            case IPV6_PREFIX -> "2001:db8::/64";
            case STRING -> "example text";
            case FQDN -> "example.org";
            case BINARY -> "0102030405";
            case BOOLEAN -> "true";
            case UINT8, UINT16, UINT32, INT8, INT16, INT32 -> "10";
            case TUPLE -> "text";
            case PSID -> "1/8";
            case EMPTY -> "";
            case RECORD -> throw new AssertionError("record example missing for " + d.space() + "/" + d.name());
        };
        if (!d.array()) return one;
        return switch (d.type()) {
            case IPV6_ADDRESS -> "2001:db8::1, 2001:db8::2";
            case FQDN -> "example.org, example.com";
            default -> one + ", " + one;
        };
    }
}
