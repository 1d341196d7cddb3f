package dev.nestor.dhcp6.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.config.model.Reservation6;
import org.junit.jupiter.api.Test;

/** host_cmds for DHCPv6 reservations: Host::toElement6, checkHost6 hints, CfgHosts::add6 checks, the running config. */
class HostCommands6Test extends CommandTest6 {
    private String add(String reservation) {
        return f.json("reservation-add", "{ \"reservation\": " + reservation + ", \"operation-target\": \"memory\" }");
    }

    @Test
    void configuredReservationIsShownAsKeaShowsIt() {
        assertThat(f.json("reservation-get", "{ \"subnet-id\": 1, \"identifier-type\": \"duid\", \"identifier\": \"00:03:00:01:02:00:00:00:00:01\" }"))
                .isEqualTo("{ \"arguments\": { \"client-classes\": [  ], \"duid\": \"00:03:00:01:02:00:00:00:00:01\", \"hostname\": \"alpha\", "
                        + "\"ip-addresses\": [ \"2001:db8:1::10\" ], \"option-data\": [  ], \"prefixes\": [  ], \"subnet-id\": 1 }, "
                        + "\"result\": 0, \"text\": \"Host found.\" }");
        assertThat(f.run("reservation-get", "{ \"subnet-id\": 1, \"ip-address\": \"2001:db8:1:0::10\" }").text()).isEqualTo("Host found.");
        assertThat(f.run("reservation-get-by-address", "{ \"ip-address\": \"2001:db8:1::10\" }").text()).isEqualTo("1 IPv6 host(s) found.");
        assertThat(f.json("reservation-get-by-hostname", "{ \"hostname\": \"nobody\" }"))
                .isEqualTo("{ \"arguments\": { \"hosts\": [  ] }, \"result\": 3, \"text\": \"0 IPv6 host(s) found.\" }");
    }

    @Test
    void addPutsTheReservationIntoTheRunningConfig() {
        assertThat(add("{ \"subnet-id\": 1, \"hw-address\": \"02:00:00:00:00:02\", \"ip-addresses\": [ \"2001:db8:1::20\" ],"
                + " \"prefixes\": [ \"2001:db8:8000:a00::/56\" ], \"hostname\": \"beta\" }"))
                .isEqualTo("{ \"result\": 0, \"text\": \"Host added.\" }");
        Reservation6 r = f.server.runtime().config().subnet(1).orElseThrow().reservations().stream()
                .filter(x -> x.hostname().equals("beta")).findFirst().orElseThrow();
        assertThat(r.ipAddresses()).containsExactly(Ipv6.parse("2001:db8:1::20"));
        assertThat(r.prefixes().getFirst().prefix().toString()).isEqualTo("2001:db8:8000:a00::/56");
        assertThat(f.changes.isDirty()).as("config-reload will warn").isTrue();
        assertThat(f.run("reservation-get-by-id", "{ \"identifier-type\": \"hw-address\", \"identifier\": \"02:00:00:00:00:02\" }")
                .arguments().path("hosts").get(0).path("prefixes").get(0).asText()).isEqualTo("2001:db8:8000:a00::/56");

        assertThat(add("{ \"hw-address\": \"02:00:00:00:00:03\" }"))
                .isEqualTo("{ \"result\": 0, \"text\": \"Host added. subnet-id not specified, assumed global (subnet-id 0).\" }");
        assertThat(f.server.runtime().config().globalReservations()).hasSize(1);
        assertThat(f.json("reservation-del", "{ \"subnet-id\": 0, \"identifier-type\": \"hw-address\", \"identifier\": \"02:00:00:00:00:03\","
                + " \"operation-target\": \"all\" }")).isEqualTo("{ \"result\": 0, \"text\": \"Host deleted.\" }");
        assertThat(f.server.runtime().config().globalReservations()).isEmpty();
    }

    @Test
    void addIsRefusedWithKeasTexts() {
        assertThat(f.json("reservation-add", "{ \"reservation\": { \"subnet-id\": 1, \"duid\": \"01:02:03\" } }"))
                .isEqualTo("{ \"result\": 1, \"text\": \"Host database not available, cannot add host.\" }");
        assertThat(add("{ \"ip-addresses\": [ \"2001:db8:1::30\" ], \"duid\": \"01:02:03\" }")).isEqualTo("{ \"result\": 1, \"text\": "
                + "\"Mandatory 'subnet-id' parameter missing. Reserved IPv6 addresses belong to subnet '2001:db8:1::/64' id 1.\" }");
        assertThat(add("{ \"ip-addresses\": [ \"2001:db8:1::30\", \"2001:db8:2::30\" ], \"duid\": \"01:02:03\" }")).isEqualTo("{ \"result\": 1, "
                + "\"text\": \"Mandatory 'subnet-id' parameter missing. Reserved IPv6 addresses do not belong to a common configured subnet.\" }");
        assertThat(add("{ \"prefixes\": [ \"2001:db8:8000:b00::/56\" ], \"duid\": \"01:02:03\" }")).isEqualTo("{ \"result\": 1, \"text\": "
                + "\"Mandatory 'subnet-id' parameter missing. Prefixes are not attached to subnets so no hint is available.\" }");
        assertThat(add("{ \"subnet-id\": 1, \"ip-addresses\": [ \"2001:db8:9::1\" ], \"duid\": \"01:02:03\" }")).isEqualTo("{ \"result\": 1, "
                + "\"text\": \"specified reservation '2001:db8:9::1' is not matching the IPv6 subnet prefix '2001:db8:1::/64'\" }");
        assertThat(add("{ \"subnet-id\": 1, \"duid\": \"00:03:00:01:02:00:00:00:00:01\" }")).isEqualTo("{ \"result\": 1, \"text\": "
                + "\"failed to add new host using the DUID '00:03:00:01:02:00:00:00:00:01' to the IPv6 subnet id '1' as this host has already been added\" }");
        assertThat(add("{ \"subnet-id\": 1, \"duid\": \"01:02:03\", \"ip-addresses\": [ \"2001:db8:1::10\" ] }")).isEqualTo("{ \"result\": 1, "
                + "\"text\": \"failed to add address reservation for host using the HW address '(null) and DUID '01:02:03' to the IPv6 subnet id '1'"
                + " for address/prefix 2001:db8:1::10: There's already reservation for this address/prefix\" }");
        assertThat(add("{ \"subnet-id\": 1, \"client-id\": \"01:02:03\" }")).isEqualTo("{ \"result\": 1, \"text\": "
                + "\"one of the supported identifiers must be specified for host reservation: duid, flex-id, hw-address\" }");
        assertThat(add("{ \"subnet-id\": 7, \"duid\": \"01:02:03\" }"))
                .isEqualTo("{ \"result\": 1, \"text\": \"IPv6 subnet with ID of '7' is not configured\" }");
    }

    @Test
    void updateAndDelete() {
        assertThat(f.json("reservation-update", "{ \"reservation\": { \"subnet-id\": 1, \"duid\": \"00:03:00:01:02:00:00:00:00:01\","
                + " \"ip-addresses\": [ \"2001:db8:1::11\" ], \"hostname\": \"alpha2\" }, \"operation-target\": \"memory\" }"))
                .isEqualTo("{ \"result\": 0, \"text\": \"Host updated.\" }");
        assertThat(f.run("reservation-get-by-hostname", "{ \"hostname\": \"ALPHA2\" }").arguments().path("hosts").get(0)
                .path("ip-addresses").get(0).asText()).isEqualTo("2001:db8:1::11");
        String del = "{ \"subnet-id\": 1, \"ip-address\": \"2001:db8:1::11\", \"operation-target\": \"memory\" }";
        assertThat(f.json("reservation-del", del)).isEqualTo("{ \"result\": 0, \"text\": \"Host deleted.\" }");
        assertThat(f.json("reservation-del", del)).isEqualTo("{ \"result\": 3, \"text\": \"Host not deleted (not found).\" }");
        assertThat(f.json("reservation-get-all", "{ \"subnet-id\": 1 }"))
                .isEqualTo("{ \"arguments\": { \"hosts\": [  ] }, \"result\": 3, \"text\": \"0 IPv6 host(s) found.\" }");
    }
}
