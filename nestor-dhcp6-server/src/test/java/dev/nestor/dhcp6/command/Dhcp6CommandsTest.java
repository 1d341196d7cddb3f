package dev.nestor.dhcp6.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.memfile.MemfileLeaseStore6;
import org.junit.jupiter.api.Test;

class Dhcp6CommandsTest {
    final MemfileLeaseStore6 store = MemfileLeaseStore6.inMemory();
    final Bytes duid = Bytes.fromHex("00:03:00:01:02:00:00:00:00:01");

    Dhcp6CommandsTest() throws Exception {
        store.add(Lease6.na(Ipv6.parse("2001:db8:1::100"), duid, 7, 300, 600, 1_800_000_000L, 1));
        store.add(Lease6.pd(Ipv6.parse("2001:db8:8000::"), 56, duid, 8, 300, 600, 1_800_000_000L, 1));
    }

    static Command cmd(String json) throws Exception {
        return Command.parse(json);
    }

    @Test
    void lease6GetByAddressOrByDuidAndIaid() throws Exception {
        Answer a = Dhcp6Commands.lease6Get(store, cmd("{\"command\": \"lease6-get\", \"arguments\": {\"ip-address\": \"2001:db8:1::100\"}}"));
        assertThat(a.result()).isZero();
        assertThat(a.text()).isEqualTo("IPv6 lease found.");
        assertThat(a.arguments().path("duid").asText()).isEqualTo("00:03:00:01:02:00:00:00:00:01");
        assertThat(a.arguments().path("iaid").asLong()).isEqualTo(7);
        assertThat(a.arguments().path("type").asText()).isEqualTo("IA_NA");
        assertThat(a.arguments().path("valid-lft").asLong()).isEqualTo(600);
        assertThat(a.arguments().has("prefix-len")).isFalse();

        Answer pd = Dhcp6Commands.lease6Get(store, cmd("{\"command\": \"lease6-get\", \"arguments\": {\"identifier-type\": \"duid\","
                + " \"identifier\": \"00:03:00:01:02:00:00:00:00:01\", \"iaid\": 8, \"subnet-id\": 1, \"type\": \"IA_PD\"}}"));
        assertThat(pd.arguments().path("ip-address").asText()).isEqualTo("2001:db8:8000::");
        assertThat(pd.arguments().path("prefix-len").asInt()).isEqualTo(56);

        Answer missing = Dhcp6Commands.lease6Get(store, cmd("{\"command\": \"lease6-get\", \"arguments\": {\"ip-address\": \"2001:db8:1::1\"}}"));
        assertThat(missing.result()).isEqualTo(3);
        assertThat(missing.text()).isEqualTo("Lease not found.");
        assertThat(Dhcp6Commands.lease6Get(store, cmd("{\"command\": \"lease6-get\", \"arguments\": {\"ip-address\": \"nope\"}}")).text())
                .isEqualTo("Invalid IPv6 address specified: nope");
    }

    @Test
    void lease6GetAllListsEveryLeaseOrThoseOfSomeSubnets() throws Exception {
        Answer all = Dhcp6Commands.lease6GetAll(store, cmd("{\"command\": \"lease6-get-all\"}"));
        assertThat(all.text()).isEqualTo("2 IPv6 lease(s) found.");
        assertThat(all.arguments().path("leases")).hasSize(2);
        Answer none = Dhcp6Commands.lease6GetAll(store, cmd("{\"command\": \"lease6-get-all\", \"arguments\": {\"subnets\": [ 5 ]}}"));
        assertThat(none.result()).isEqualTo(3);
        assertThat(none.text()).isEqualTo("0 IPv6 lease(s) found.");
    }
}
