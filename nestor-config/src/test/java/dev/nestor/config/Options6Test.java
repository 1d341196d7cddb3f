package dev.nestor.config;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.config.model.Lifetime;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.Reservation6;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Options6Test {
    @Test
    void optionDataIsEncodedWithTheDhcp6Definitions() {
        Dhcp6Config c = Cfg6.dhcp6("""
                "option-data": [
                  { "name": "dns-servers", "data": "2001:db8::1, 2001:db8::2" },
                  { "code": 7, "data": "0xf0", "csv-format": false },
                  { "name": "new-posix-timezone", "data": "EST5EDT4", "always-send": true },
                  { "code": 65000, "data": "01:02" } ],
                "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64",
                               "option-data": [ { "name": "domain-search", "data": "example.org" } ] } ]
                """);
        OptionData dns = c.globalOptions().get(0);
        assertThat(dns.code()).isEqualTo(23);
        assertThat(dns.space()).isEqualTo("dhcp6");
        byte[] two = new byte[32];
        System.arraycopy(Ipv6.parse("2001:db8::1").toArray(), 0, two, 0, 16);
        System.arraycopy(Ipv6.parse("2001:db8::2").toArray(), 0, two, 16, 16);
        assertThat(dns.data()).isEqualTo(Bytes.of(two));
        assertThat(c.globalOptions().get(1).name()).isEqualTo("preference");
        assertThat(c.globalOptions().get(1).data()).isEqualTo(Bytes.fromHex("f0"));
        assertThat(c.globalOptions().get(2).alwaysSend()).isTrue();
        assertThat(c.globalOptions().get(2).data().toArray()).isEqualTo("EST5EDT4".getBytes(StandardCharsets.US_ASCII));
        assertThat(c.globalOptions().get(3)).satisfies(o -> {
            assertThat(o.code()).isEqualTo(65000);
            assertThat(o.name()).isEmpty();
            assertThat(o.data()).isEqualTo(Bytes.fromHex("0102"));
        });
        OptionData search = c.subnet(1).orElseThrow().options().getFirst();
        assertThat(search.data()).isEqualTo(Bytes.fromHex("076578616d706c65036f726700"));
    }

    @Test
    void optionErrorsUseTheDhcp6CodeRangeAndSpaces() {
        var errors = Cfg6.errors("""
                "option-data": [ { "code": 70000, "data": "01" }, { "name": "routers", "space": "dhcp4", "data": "192.0.2.1" },
                                 { "name": "dns-servers", "data": "192.0.2.1" }, { "code": 0, "data": "01" } ],
                "option-def": [ { "name": "mine", "code": 23, "type": "uint8" }, { "name": "v4", "code": 1, "space": "dhcp4", "type": "uint8" } ]
                """);
        assertThat(errors).hasSize(6);
        assertThat(errors.subList(0, 4)).containsExactly(
                "Dhcp6.option-def[0].code: unable to override definition of option '23' in standard option space 'dhcp6'",
                "Dhcp6.option-def[1].space: 'dhcp4' option space name is reserved for DHCPv4 server",
                "Dhcp6.option-data[0].code: invalid option code '70000', it must not exceed '65535'",
                "Dhcp6.option-data[1].space: 'dhcp4' option space name is reserved for DHCPv4 server");
        assertThat(errors.get(4)).startsWith("Dhcp6.option-data[2].data: option data does not match option definition (space: dhcp6, code: 23): ");
        assertThat(errors.get(5)).isEqualTo("Dhcp6.option-data[3].code: invalid option code '0': reserved value");
    }

    @Test
    void customDefinitionsAndClassesWithPreferredLifetime() {
        Dhcp6Config c = Cfg6.dhcp6("""
                "option-def": [ { "name": "foo", "code": 222, "space": "dhcp6", "type": "uint16" },
                                { "name": "bar", "code": 1, "space": "my-space", "type": "string" } ],
                "option-data": [ { "name": "foo", "data": "513" }, { "name": "bar", "space": "my-space", "data": "hi" } ],
                "client-classes": [ { "name": "phones", "test": "option[1].hex == 0x0001",
                                      "preferred-lifetime": 1000, "max-preferred-lifetime": 1500,
                                      "valid-lifetime": 2000,
                                      "option-data": [ { "name": "dns-servers", "data": "2001:db8::53" } ] },
                                    { "name": "late", "only-in-additional-list": true } ]
                """);
        assertThat(c.optionDefinitions().byName("dhcp6", "foo")).isPresent();
        assertThat(c.globalOptions().get(0).data()).isEqualTo(Bytes.fromHex("0201"));
        assertThat(c.globalOptions().get(1).space()).isEqualTo("my-space");
        ClientClassDef phones = c.clientClass("phones").orElseThrow();
        assertThat(phones.preferredLifetime()).isEqualTo(new Lifetime(1000, 1000, 1500));
        assertThat(phones.validLifetime()).isEqualTo(Lifetime.fixed(2000));
        assertThat(phones.nextServer()).isNull();
        assertThat(phones.options()).extracting(OptionData::code).containsExactly(23);
        assertThat(c.clientClass("late").orElseThrow().onlyInAdditionalList()).isTrue();
        assertThat(Cfg6.errors("\"client-classes\": [ { \"name\": \"x\", \"next-server\": \"192.0.2.1\", \"option-def\": [] } ]"))
                .containsExactly("Dhcp6.client-classes[0]: unknown parameter 'next-server' in client-classes",
                        "Dhcp6.client-classes[0]: unknown parameter 'option-def' in client-classes");
    }

    @Test
    void globalReservationsWithOptionsAndClasses() {
        Dhcp6Config c = Cfg6.dhcp6("""
                "reservations-global": true,
                "reservations": [ { "duid": "00:03:00:01:aa:bb:cc:dd:ee:ff", "hostname": "printer",
                                    "ip-addresses": [ "2001:db8:77::5" ], "client-classes": [ "printers" ],
                                    "option-data": [ { "name": "dns-servers", "data": "2001:db8::53" } ] } ]
                """);
        Reservation6 r = c.globalReservations().getFirst();
        assertThat(r.isGlobal()).isTrue();
        assertThat(r.clientClasses()).containsExactly("printers");
        assertThat(r.options()).extracting(OptionData::name).containsExactly("dns-servers");
        assertThat(r.path()).isEqualTo("Dhcp6.reservations[0]");
        assertThat(c.globals().scope().reservationsGlobal()).isTrue();
    }

    @Test
    void undefinedGuardClassesAreNotedNotRefused() {
        var r = Cfg6.withNotes("""
                "subnet6": [ { "id": 1, "subnet": "2001:db8:1::/64", "client-classes": [ "ghost" ],
                               "pd-pools": [ { "prefix": "2001:db8:8::", "prefix-len": 56, "delegated-len": 64, "client-classes": [ "KNOWN", "spirit" ] } ] } ]
                """);
        assertThat(r.notes()).extracting(ConfigError::toString).containsExactly(
                "Dhcp6.subnet6[0]: client class 'ghost' is not defined in client-classes",
                "Dhcp6.subnet6[0].pd-pools[0]: client class 'spirit' is not defined in client-classes");
    }
}
