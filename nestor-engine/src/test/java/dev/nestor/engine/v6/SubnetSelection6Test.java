package dev.nestor.engine.v6;

import static dev.nestor.engine.v6.Engine6Fixture.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.config.model.Subnet6;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubnetSelection6Test {
    static final String CONFIG = """
            { "subnet6": [
                { "id": 1, "subnet": "2001:db8:1::/64", "interface": "eth0" },
                { "id": 2, "subnet": "2001:db8:2::/64", "interface-id": "port-7" },
                { "id": 3, "subnet": "2001:db8:3::/64", "relay": { "ip-addresses": [ "2001:db8:ff::1" ] } },
                { "id": 4, "subnet": "2001:db8:4::/64", "client-classes": [ "gold" ] } ] }
            """;

    private final SubnetSelection6 sel;

    SubnetSelection6Test() throws Exception {
        sel = new Engine6Fixture(CONFIG).selection;
    }

    private Optional<Long> pick(String iface, String ifaceId, List<Bytes> links, String remote, Set<String> classes) {
        Bytes id = ifaceId == null ? null : Bytes.of(ifaceId.getBytes(StandardCharsets.US_ASCII));
        return sel.select(new SubnetSelector6(iface, id, links, ip(remote), classes)).map(Subnet6::id);
    }

    @Test
    void directClientsBySubnetInterfaceThenGlobalSourceAddress() {
        assertThat(pick("eth0", null, List.of(), "fe80::1", Set.of())).contains(1L);
        assertThat(pick("eth1", null, List.of(), "fe80::1", Set.of())).isEmpty();
        assertThat(pick("eth1", null, List.of(), "2001:db8:3::5", Set.of())).contains(3L);
    }

    @Test
    void relayedClientsByInterfaceIdThenRelayAddressThenLinkAddress() {
        // interface-id wins over a link-address that would match another subnet
        assertThat(pick("eth0", "port-7", List.of(ip("2001:db8:1::1")), "2001:db8:ff::9", Set.of())).contains(2L);
        // the relay's ip-addresses
        assertThat(pick("eth0", null, List.of(ip("2001:db8:ff::1")), "2001:db8:ff::1", Set.of())).contains(3L);
        // link-address inside a subnet; link-local and unspecified link addresses are skipped (closest first)
        assertThat(pick("eth0", null, List.of(Ipv6.UNSPECIFIED, ip("fe80::5"), ip("2001:db8:2::1"), ip("2001:db8:1::1")),
                "fe80::9", Set.of())).contains(2L);
        // relayed, but nothing usable: treated as direct (interface name)
        assertThat(pick("eth0", null, List.of(Ipv6.UNSPECIFIED), "fe80::9", Set.of())).contains(1L);
    }

    @Test
    void classGuardedSubnetsAdmitOnlyTheirClasses() {
        assertThat(pick("x", null, List.of(ip("2001:db8:4::1")), "fe80::1", Set.of())).isEmpty();
        assertThat(pick("x", null, List.of(ip("2001:db8:4::1")), "fe80::1", Set.of("gold"))).contains(4L);
    }
}
