package dev.nestor.codec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionDefinitionsTest {
    private static final OptionDefinitions STD = OptionDefinitions.standardV4();

    @Test
    void standardTableMatchesKea() {
        assertThat(STD.inSpace("dhcp4")).hasSize(125); // Kea 3.0: 124 in STANDARD_V4 + 43 from LAST_RESORT_V4
        assertThat(STD.inSpace("dhcp-agent-options-space")).hasSize(20);
        assertThat(STD.inSpace("vendor-4491")).extracting(OptionDefinition::name).containsExactly("oro", "tftp-servers");
        assertThat(STD.inSpace("cablelabs-client-conf")).hasSize(9);
        assertThat(STD.inSpace("vendor-encapsulated-options-space")).isEmpty();
        assertThat(STD.spaces()).contains("vendor-encapsulated-options-space");
        assertThat(STD.inSpace("no-such-space")).isEmpty();

        OptionDefinition routers = STD.byName("dhcp4", "routers").orElseThrow();
        assertThat(routers).isEqualTo(new OptionDefinition("routers", 3, "dhcp4", OptionDataType.IPV4_ADDRESS, true, List.of(), ""));
        assertThat(STD.byCode("dhcp4", 3)).contains(routers);
        assertThat(STD.byCode("dhcp4", 81).orElseThrow().recordTypes())
                .containsExactly(OptionDataType.UINT8, OptionDataType.UINT8, OptionDataType.UINT8, OptionDataType.FQDN);
        assertThat(STD.byCode("dhcp4", 82).orElseThrow().encapsulate()).isEqualTo("dhcp-agent-options-space");
        assertThat(STD.byCode("dhcp4", 43).orElseThrow().encapsulate()).isEqualTo("vendor-encapsulated-options-space");
        assertThat(STD.byCode("dhcp4", 122).orElseThrow().encapsulate()).isEqualTo("cablelabs-client-conf");
        assertThat(STD.byName("dhcp-agent-options-space", "relay-port").orElseThrow().code()).isEqualTo(19);
        assertThat(STD.byName("dhcp-agent-options-space", "server-id-override").orElseThrow().type()).isEqualTo(OptionDataType.IPV4_ADDRESS);
        assertThat(STD.byName("vendor-4491", "tftp-servers").orElseThrow().code()).isEqualTo(2);
        assertThat(STD.byCode("dhcp4", 84)).isEmpty();
        assertThat(OptionDefinitions.isStandard(routers)).isTrue();
    }

    @Test
    void customDefinitionsAreAddedToANewRegistry() {
        OptionDefinition mine = OptionDefinition.of("my-option", 222, "dhcp4", OptionDataType.UINT32);
        OptionDefinition sub = OptionDefinition.of("acme-sub", 1, "vendor-encapsulated-options-space", OptionDataType.STRING);
        OptionDefinitions all = STD.withCustom(List.of(mine, sub));
        assertThat(all.byName("dhcp4", "my-option")).contains(mine);
        assertThat(all.byCode("vendor-encapsulated-options-space", 1)).contains(sub);
        assertThat(STD.byName("dhcp4", "my-option")).isEmpty();
        assertThat(OptionDefinitions.isStandard(mine)).isFalse();
    }

    @Test
    void customClashesAreRejected() {
        assertThatThrownBy(() -> STD.withCustom(List.of(OptionDefinition.of("my-routers", 3, "dhcp4", OptionDataType.STRING))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("my-routers").hasMessageContaining("routers");
        assertThatThrownBy(() -> STD.withCustom(List.of(OptionDefinition.of("routers", 230, "dhcp4", OptionDataType.STRING))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same name");
        assertThatThrownBy(() -> STD.withCustom(List.of(OptionDefinition.of("a", 230, "dhcp4", OptionDataType.STRING),
                OptionDefinition.of("b", 230, "dhcp4", OptionDataType.STRING)))).isInstanceOf(IllegalArgumentException.class);
        // same code in another space is fine
        assertThat(STD.withCustom(List.of(OptionDefinition.of("x", 3, "isc", OptionDataType.STRING))).byCode("isc", 3)).isPresent();
    }

    @Test
    void definitionValidation() {
        assertThatThrownBy(() -> OptionDefinition.of("", 1, "isc", OptionDataType.UINT8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionDefinition.of("-bad", 1, "isc", OptionDataType.UINT8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionDefinition.of("x y", 1, "isc", OptionDataType.UINT8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionDefinition.of("x", 0, "dhcp4", OptionDataType.UINT8)).hasMessageContaining("1..254");
        assertThatThrownBy(() -> OptionDefinition.of("x", 255, "dhcp4", OptionDataType.UINT8)).hasMessageContaining("1..254");
        assertThatThrownBy(() -> OptionDefinition.of("x", 65536, "isc", OptionDataType.UINT8)).hasMessageContaining("0..65535");
        assertThat(OptionDefinition.of("x", 0, "isc", OptionDataType.UINT8).code()).isZero();
        assertThatThrownBy(() -> new OptionDefinition("x", 1, "isc", OptionDataType.UINT8, false, List.of(OptionDataType.UINT8), ""))
                .hasMessageContaining("only allowed for type record");
        assertThatThrownBy(() -> OptionDefinition.record("x", 1, "isc", false, OptionDataType.UINT8)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> OptionDefinition.record("x", 1, "isc", false, OptionDataType.STRING, OptionDataType.UINT8))
                .hasMessageContaining("last field");
        assertThatThrownBy(() -> OptionDefinition.record("x", 1, "isc", true, OptionDataType.UINT8, OptionDataType.BINARY))
                .hasMessageContaining("array");
        assertThatThrownBy(() -> OptionDefinition.array("x", 1, "isc", OptionDataType.STRING)).hasMessageContaining("array");
        assertThatThrownBy(() -> OptionDefinition.encapsulating("x", 1, "isc", OptionDataType.EMPTY, "bad space")).hasMessageContaining("space");
        var list = new java.util.ArrayList<>(List.of(OptionDataType.UINT8, OptionDataType.UINT16));
        OptionDefinition rec = new OptionDefinition("r", 1, "isc", OptionDataType.RECORD, false, list, null);
        list.clear();
        assertThat(rec.recordTypes()).hasSize(2);
        assertThat(rec.encapsulate()).isEmpty();
    }

    /**
     * One example value per standard definition (Kea ARM examples where the ARM gives one), checked to encode and
     * to survive toText → fromCsv unchanged. A few are pinned to exact bytes.
     */
    @Test
    void everyStandardDefinitionEncodesItsExample() throws Exception {
        Map<String, String> special = Map.ofEntries(
                Map.entry("dhcp4/classless-static-route", "10.229.0.128/25 - 10.229.0.1, 10.27.129.0/24 - 10.27.129.1"),
                Map.entry("dhcp4/v4-dnr", "100, dot1.example.org., 10.0.3.4 10.1.5.6, alpn=dot\\,doq port=8530 dohpath=/q{?dns}"),
                Map.entry("dhcp4/slp-directory-agent", "true, 10.0.0.3, 127.0.0.3"),
                Map.entry("dhcp4/slp-service-scope", "false, scope1"),
                Map.entry("dhcp4/fqdn", "0, 0, 0, host.example.org"),
                Map.entry("dhcp4/client-ndi", "1, 2, 1"),
                Map.entry("dhcp4/uuid-guid", "0, 0102030405060708090a0b0c0d0e0f10"),
                Map.entry("dhcp4/vivco-suboptions", "4491, 0a0b"),
                Map.entry("dhcp4/vivso-suboptions", "4491"),
                Map.entry("dhcp4/rdnss-selection", "1, 192.0.2.1, 192.0.2.2, example.com, example.org"),
                Map.entry("dhcp4/status-code", "0, all went fine"),
                Map.entry("dhcp4/v4-portparams", "2, 3/4"),
                Map.entry("dhcp4/option-6rd", "0, 16, 2001:db8::, 192.0.2.1, 192.0.2.2"),
                Map.entry("dhcp4/v4-sztp-redirect", "https://sztp1.example.com:8443, https://sztp2.example.com:8443"),
                Map.entry("cablelabs-client-conf/tsp-as-parameters", "1, 2, 3"),
                Map.entry("cablelabs-client-conf/tsp-ap-parameters", "4, 5, 6"));
        int checked = 0;
        for (OptionDefinition d : STD.all()) {
            String key = d.space() + "/" + d.name();
            String example = special.containsKey(key) ? special.get(key) : exampleFor(d);
            byte[] wire = OptionValueCodec.fromCsv(d, example);
            if (d.type() != OptionDataType.EMPTY) assertThat(wire).as(key).isNotEmpty();
            if (!d.name().equals("v4-dnr")) {
                String text = OptionValueCodec.toText(d, wire);
                assertThat(OptionValueCodec.fromCsv(d, text)).as(key + " via '" + text + "'").isEqualTo(wire);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(STD.all().size());
        assertThat(hex("dhcp4", "time-offset", "-3600")).isEqualTo("fffff1f0");
        assertThat(hex("dhcp4", "interface-mtu", "1500")).isEqualTo("05dc");
        assertThat(hex("dhcp4", "client-system", "0, 7, 9")).isEqualTo("000000070009");
        assertThat(hex("dhcp4", "v4-captive-portal", "https://example.org/portal")).isEqualTo(
                HexFormat.of().formatHex("https://example.org/portal".getBytes()));
        assertThat(hex("dhcp-agent-options-space", "relay-port", "1067")).isEqualTo("042b");
        assertThat(hex("vendor-4491", "tftp-servers", "192.0.2.1, 192.0.2.2")).isEqualTo("c0000201c0000202");
        assertThat(hex("dhcp4", "vivco-suboptions", "4491, 0a0b")).isEqualTo("0000118b0a0b");
        assertThat(hex("dhcp4", "uuid-guid", "0, 0102")).isEqualTo("000102");
    }

    private static String hex(String space, String name, String csv) throws OptionValueException {
        return HexFormat.of().formatHex(OptionValueCodec.fromCsv(STD.byName(space, name).orElseThrow(), csv));
    }

    /** A representative value of the definition's type (ARM-style). */
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
            case RECORD -> throw new AssertionError("record example missing for " + d.name());
        };
        if (!d.array()) return one;
        return switch (d.type()) {
            case IPV4_ADDRESS -> "192.0.2.1, 192.0.2.2";
            case FQDN -> "example.org, example.com";
            default -> one + ", " + one;
        };
    }
}
