package dev.nestor.config;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Reservation4.IdentifierType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OptionsAndHostsTest {
    private static List<OptionData> globalOptions(String list) {
        return Cfg.dhcp4("\"option-data\": [" + list + "]").globalOptions();
    }

    @Test
    void csvOptionDataIsEncodedThroughItsDefinition() {
        List<OptionData> o = globalOptions("""
                { "name": "domain-name-servers", "data": "192.0.2.1, 192.0.2.2" },
                { "code": 3, "data": "192.0.2.254", "always-send": true },
                { "name": "domain-name", "data": "example.org", "client-classes": [ "office" ] }
                """);
        assertThat(o.get(0).code()).isEqualTo(6);
        assertThat(o.get(0).space()).isEqualTo("dhcp4");
        assertThat(o.get(0).data()).isEqualTo(Bytes.fromHex("c0000201c0000202"));
        assertThat(o.get(0).path()).isEqualTo("Dhcp4.option-data[0]");
        assertThat(o.get(1).name()).isEqualTo("routers");
        assertThat(o.get(1).alwaysSend()).isTrue();
        assertThat(o.get(1).data()).isEqualTo(Bytes.fromHex("c00002fe"));
        assertThat(o.get(2).data()).isEqualTo(Bytes.of("example.org".getBytes(StandardCharsets.US_ASCII)));
        assertThat(o.get(2).clientClasses()).containsExactly("office");
    }

    @Test
    void hexAndQuotedDataWhenCsvIsOffOrThereIsNoDefinition() {
        List<OptionData> o = globalOptions("""
                { "code": 3, "csv-format": false, "data": "C0 00 02 01" },
                { "code": 224, "data": "0x0102" },
                { "code": 225, "data": "'hello'" },
                { "name": "domain-name", "never-send": true }
                """);
        assertThat(o.get(0).data()).isEqualTo(Bytes.fromHex("c0000201"));
        assertThat(o.get(1).name()).isEmpty();
        assertThat(o.get(1).data()).isEqualTo(Bytes.fromHex("0102"));
        assertThat(o.get(2).data()).isEqualTo(Bytes.of("hello".getBytes(StandardCharsets.US_ASCII)));
        assertThat(o.get(3).neverSend()).isTrue();
        assertThat(o.get(3).data()).isEqualTo(Bytes.EMPTY);
    }

    @Test
    void customDefinitionsAndVendorSpaces() {
        Dhcp4Config c = Cfg.dhcp4("""
                "option-def": [ { "name": "my-opt", "code": 222, "type": "record", "record-types": "uint8, uint16" },
                                { "name": "sub", "code": 1, "space": "my-space", "type": "string" } ],
                "option-data": [ { "name": "my-opt", "data": "1, 515" },
                                 { "name": "sub", "space": "my-space", "data": "abc" },
                                 { "name": "tftp-servers", "space": "vendor-4491", "data": "192.0.2.1" } ]
                """);
        assertThat(c.optionDefinitions().byName("dhcp4", "my-opt")).isPresent();
        assertThat(c.globalOptions().get(0).data()).isEqualTo(Bytes.fromHex("010203"));
        assertThat(c.globalOptions().get(1).space()).isEqualTo("my-space");
        assertThat(c.globalOptions().get(1).code()).isEqualTo(1);
        assertThat(c.globalOptions().get(2).code()).isEqualTo(2);
    }

    @Test
    void optionDataErrors() {
        assertThat(Cfg.errors("""
                "option-data": [ { "name": "no-such-option", "data": "1" },
                                 { "code": 230, "csv-format": true, "data": "1" },
                                 { "name": "routers", "data": "not-an-address" },
                                 { "code": 3, "name": "domain-name", "data": "x" },
                                 { "data": "1" },
                                 { "code": 300, "data": "1" },
                                 { "code": 231, "data": "xyz" } ]
                """)).satisfiesExactly(
                e -> assertThat(e).isEqualTo("Dhcp4.option-data[0].name: definition for the option 'dhcp4.no-such-option' does not exist"),
                e -> assertThat(e).isEqualTo("Dhcp4.option-data[1]: definition for the option 'dhcp4.' having code '230' does not exist"),
                e -> assertThat(e).startsWith("Dhcp4.option-data[2].data: option data does not match option definition (space: dhcp4, code: 3): "),
                e -> assertThat(e).isEqualTo("Dhcp4.option-data[3].name: specified option name 'domain-name' does not match the option definition: 'dhcp4.routers'"),
                e -> assertThat(e).isEqualTo("Dhcp4.option-data[4]: option data configuration requires one of 'code' or 'name' parameters to be specified"),
                e -> assertThat(e).isEqualTo("Dhcp4.option-data[5].code: invalid option code '300', it must not be greater than '255'"),
                e -> assertThat(e).isEqualTo("Dhcp4.option-data[6].data: option data is not a valid string of hexadecimal digits: xyz"));
    }

    @Test
    void optionDefErrors() {
        assertThat(Cfg.errors("""
                "option-def": [ { "name": "my-routers", "code": 3, "type": "ipv4-address" },
                                { "name": "a", "code": 240, "type": "uint8" },
                                { "name": "b", "code": 240, "type": "uint8" },
                                { "name": "c", "code": 241, "type": "color" },
                                { "name": "d", "code": 242, "type": "uint8", "array": true, "encapsulate": "x" },
                                { "name": "e", "code": 243 } ]
                """)).satisfiesExactly(
                e -> assertThat(e).isEqualTo("Dhcp4.option-def[0].code: unable to override definition of option '3' in standard option space 'dhcp4'"),
                e -> assertThat(e).isEqualTo("Dhcp4.option-def[2].code: option definition with code '240' already exists in option space 'dhcp4'"),
                e -> assertThat(e).startsWith("Dhcp4.option-def[3].type: unknown option data type 'color'"),
                e -> assertThat(e).isEqualTo("Dhcp4.option-def[4]: option 'dhcp4.d', comprising an array of data fields may not encapsulate any option space"),
                e -> assertThat(e).isEqualTo("Dhcp4.option-def[5]: missing parameter 'type'"));
    }

    @Test
    void reservationIdentifierForms() {
        Dhcp4Config c = Cfg.dhcp4("""
                "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "reservations": [
                  { "hw-address": "1a:1b:1c:1d:1e:1f", "ip-address": "192.0.2.201", "hostname": "h1",
                    "next-server": "192.0.2.1", "server-hostname": "tftp", "boot-file-name": "/boot",
                    "client-classes": [ "a", "b" ], "option-data": [ { "name": "domain-name", "data": "h1.example" } ] },
                  { "client-id": "01:11:22:33:44:55:66" },
                  { "circuit-id": "'charlie'" },
                  { "circuit-id": "0a0b0c" },
                  { "duid": "01:02:03:04:05" },
                  { "flex-id": "'s0mEVaLue'" },
                  { "flex-id": "0x0102" } ] } ],
                "reservations": [ { "hw-address": "aa-bb-cc-dd-ee-ff", "ip-address": "10.0.0.1" } ]
                """);
        List<Reservation4> r = c.subnet(1).orElseThrow().reservations();
        assertThat(r.get(0).identifierType()).isEqualTo(IdentifierType.HW_ADDRESS);
        assertThat(r.get(0).hwAddress()).isEqualTo(HwAddress.parse("1a:1b:1c:1d:1e:1f"));
        assertThat(r.get(0).ipAddress()).isEqualTo(Ipv4.parse("192.0.2.201"));
        assertThat(r.get(0).hostname()).isEqualTo("h1");
        assertThat(r.get(0).nextServer()).isEqualTo(Ipv4.parse("192.0.2.1"));
        assertThat(r.get(0).serverHostname()).isEqualTo("tftp");
        assertThat(r.get(0).bootFileName()).isEqualTo("/boot");
        assertThat(r.get(0).clientClasses()).containsExactly("a", "b");
        assertThat(r.get(0).options()).extracting(OptionData::name).containsExactly("domain-name");
        assertThat(r.get(0).subnetId()).isEqualTo(1);
        assertThat(r.get(1).clientId()).isEqualTo(Bytes.fromHex("01112233445566"));
        assertThat(r.get(1).ipAddress()).isNull();
        assertThat(r.get(1).hostname()).isEmpty();
        assertThat(r.get(2).circuitId()).isEqualTo(Bytes.of("charlie".getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.get(3).circuitId()).isEqualTo(Bytes.fromHex("0a0b0c"));
        assertThat(r.get(4).identifierType()).isEqualTo(IdentifierType.DUID);
        assertThat(r.get(4).identifier()).isEqualTo(Bytes.fromHex("0102030405"));
        assertThat(r.get(5).flexId()).isEqualTo(Bytes.of("s0mEVaLue".getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.get(6).flexId()).isEqualTo(Bytes.fromHex("0102"));
        Reservation4 g = c.globalReservations().getFirst();
        assertThat(g.subnetId()).isZero();
        assertThat(g.isGlobal()).isTrue();
        assertThat(g.path()).isEqualTo("Dhcp4.reservations[0]");
        assertThat(g.hwAddress()).isEqualTo(HwAddress.parse("aa:bb:cc:dd:ee:ff"));
    }

    @Test
    void reservationIdentifierErrors() {
        assertThat(Cfg.errors("""
                "reservations": [ { "ip-address": "10.0.0.1" },
                                  { "hw-address": "01:02:03:04:05:06", "duid": "01:02" },
                                  { "client-id": "zz:yy" },
                                  { "hw-address": "" } ]
                """)).containsExactly(
                "Dhcp4.reservations[0]: one of the supported identifiers must be specified for host reservation: circuit-id, client-id, duid, flex-id, hw-address",
                "Dhcp4.reservations[1]: the 'duid' and 'hw-address' are mutually exclusive",
                "Dhcp4.reservations[2].client-id: invalid host identifier value 'zz:yy'",
                "Dhcp4.reservations[3].hw-address: empty host identifier used");
    }

    @Test
    void clientClassDefinitions() {
        Dhcp4Config c = Cfg.dhcp4("""
                "client-classes": [
                  { "name": "voip", "test": "substring(option[60].hex,0,6) == 'Aastra'",
                    "next-server": "192.0.2.254", "server-hostname": "hal9000", "boot-file-name": "/dev/null",
                    "valid-lifetime": 600, "max-valid-lifetime": 900, "offer-lifetime": 30,
                    "option-def": [ { "name": "configfile", "code": 224, "type": "string" } ],
                    "option-data": [ { "name": "configfile", "data": "1APC" }, { "name": "routers", "data": "192.0.2.1" } ] },
                  { "name": "late", "only-in-additional-list": true, "test": "member('voip')" },
                  { "name": "plain" } ]
                """);
        assertThat(c.clientClasses()).extracting(ClientClassDef::name).containsExactly("voip", "late", "plain");
        ClientClassDef v = c.clientClasses().getFirst();
        assertThat(v.test()).isEqualTo("substring(option[60].hex,0,6) == 'Aastra'");
        assertThat(v.onlyInAdditionalList()).isFalse();
        assertThat(v.nextServer()).isEqualTo(Ipv4.parse("192.0.2.254"));
        assertThat(v.serverHostname()).isEqualTo("hal9000");
        assertThat(v.bootFileName()).isEqualTo("/dev/null");
        assertThat(v.validLifetime()).isEqualTo(new Lifetime(600, 600, 900));
        assertThat(v.offerLifetime()).isEqualTo(30);
        assertThat(v.optionDefs()).extracting(d -> d.name()).containsExactly("configfile");
        assertThat(v.options().getFirst().code()).isEqualTo(224);
        assertThat(v.options().getFirst().data()).isEqualTo(Bytes.of("1APC".getBytes(StandardCharsets.US_ASCII)));
        assertThat(v.path()).isEqualTo("Dhcp4.client-classes[0]");
        // class-local definitions do not leak into the global registry
        assertThat(c.optionDefinitions().byCode("dhcp4", 224)).isEmpty();
        assertThat(c.clientClasses().get(1).onlyInAdditionalList()).isTrue();
        ClientClassDef p = c.clientClasses().get(2);
        assertThat(p.test()).isEmpty();
        assertThat(p.validLifetime()).isNull();
        assertThat(p.nextServer()).isNull();
    }

    @Test
    void poolOptionsAndGuards() {
        var pool = Cfg.dhcp4("""
                "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "pools": [ { "pool": "192.0.2.1 - 192.0.2.9",
                  "client-classes": [ "a" ], "evaluate-additional-classes": [ "b" ],
                  "option-data": [ { "name": "routers", "data": "192.0.2.1" } ] } ] } ]
                """).subnets().getFirst().pools().getFirst();
        assertThat(pool.clientClasses()).containsExactly("a");
        assertThat(pool.evaluateAdditionalClasses()).containsExactly("b");
        assertThat(pool.options()).extracting(OptionData::path).containsExactly("Dhcp4.subnet4[0].pools[0].option-data[0]");
        assertThat(pool.ddns()).isNull();
    }
}
