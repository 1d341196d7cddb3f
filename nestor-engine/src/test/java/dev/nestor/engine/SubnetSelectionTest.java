package dev.nestor.engine;

import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.Subnet4;
import dev.nestor.engine.select.SubnetSelector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubnetSelectionTest {
    private static final String CFG = """
            { "subnet4": [
                { "id": 1, "subnet": "192.0.2.0/24", "interface": "eth1" },
                { "id": 2, "subnet": "198.51.100.0/24", "relay": { "ip-addresses": [ "203.0.113.1" ] } },
                { "id": 3, "subnet": "203.0.113.0/25", "client-class": "gold" },
                { "id": 4, "subnet": "203.0.113.128/25" } ],
              "client-classes": [ { "name": "gold" } ] }
            """;

    private static Optional<Long> select(EngineFixture f, int optionSelect, String giaddr, String ciaddr, String src,
                                         boolean bcast, String iface, List<Integer> ifaceAddrs, Set<String> classes) {
        SubnetSelector s = new SubnetSelector(optionSelect, Ipv4.parse(giaddr), Ipv4.parse(ciaddr), Ipv4.parse(src), bcast,
                iface, ifaceAddrs, classes);
        return f.selection.select(s).map(Subnet4::id);
    }

    @Test
    void followsKeasOrder() throws Exception {
        EngineFixture f = new EngineFixture(CFG);
        // relay ip-addresses beat the giaddr's own subnet
        assertThat(select(f, 0, "203.0.113.1", "0.0.0.0", "203.0.113.1", false, "eth9", List.of(), Set.of())).contains(2L);
        // plain giaddr
        assertThat(select(f, 0, "203.0.113.200", "0.0.0.0", "203.0.113.200", false, "eth9", List.of(), Set.of())).contains(4L);
        // link-selection / subnet-selection option beats everything
        assertThat(select(f, Ipv4.parse("192.0.2.7"), "203.0.113.1", "0.0.0.0", "203.0.113.1", false, "", List.of(), Set.of())).contains(1L);
        // renewing client unicasting: ciaddr
        assertThat(select(f, 0, "0.0.0.0", "198.51.100.9", "198.51.100.9", false, "eth9", List.of(), Set.of())).contains(2L);
        // broadcast from an unconfigured client: the interface name, then its addresses
        assertThat(select(f, 0, "0.0.0.0", "0.0.0.0", "0.0.0.0", true, "eth1", List.of(), Set.of())).contains(1L);
        assertThat(select(f, 0, "0.0.0.0", "0.0.0.0", "0.0.0.0", true, "eth7", List.of(Ipv4.parse("203.0.113.254")), Set.of())).contains(4L);
        assertThat(select(f, 0, "0.0.0.0", "0.0.0.0", "0.0.0.0", true, "eth7", List.of(Ipv4.parse("10.0.0.1")), Set.of())).isEmpty();
    }

    @Test
    void classGuardedSubnetAdmitsOnlyItsClass() throws Exception {
        EngineFixture f = new EngineFixture(CFG);
        assertThat(select(f, 0, "203.0.113.5", "0.0.0.0", "203.0.113.5", false, "", List.of(), Set.of("ALL"))).isEmpty();
        assertThat(select(f, 0, "203.0.113.5", "0.0.0.0", "203.0.113.5", false, "", List.of(), Set.of("ALL", "gold"))).contains(3L);
    }
}
