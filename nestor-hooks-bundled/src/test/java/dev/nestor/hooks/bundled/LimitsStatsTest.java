package dev.nestor.hooks.bundled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.common.Bytes;
import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.runtime.RegistryStats;
import dev.nestor.hooks.v6.Envelope6;
import dev.nestor.hooks.v6.Pkt6Receive;
import dev.nestor.hooks.v6.Subnet6Select;
import dev.nestor.hooks.v6.SubnetInfo6;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kea's limits counts each query a rate limit drops in pkt6-limit-exceeded and pkt6-receive-drop (pkt4-* alike). */
class LimitsStatsTest {
    @Test
    void rateLimitedDropsAreCountedInTheServersStatistics() throws Exception {
        String config = """
                {"client-classes": [ {"name": "slow", "user-context": {"limits": {"rate-limit": "1 packet per minute"}}} ],
                 "subnet6": [ {"id": 5, "subnet": "2001:db8:1::/64", "user-context": {"limits": {"rate-limit": "1 packet per hour"}}} ]}""";
        StatsRegistry registry = new StatsRegistry();
        try (Loaded l = new Loaded("libdhcp_limits.so", null, config, null, HookPoint.Family.DHCP6, new RegistryStats(registry))) {
            assertThat(registry.observation("pkt6-limit-exceeded")).as("present from load, at 0").isPresent();
            assertThat(registry.get("pkt6-limit-exceeded")).isZero();

            Envelope6 env = new Envelope6("eth0", 2, Bytes.fromHex("fe800000000000000000000000000002"), 546,
                    Bytes.fromHex("ff020000000000000000000000010002"));
            Dhcp6Message q = Dhcp6Message.of(MessageType6.SOLICIT, 7);
            assertThat(l.hooks().fire(HookPoint.PKT6_RECEIVE, new Pkt6Receive(env, q, Set.of("ALL", "slow"))).step()).isEqualTo(NextStep.CONTINUE);
            assertThat(l.hooks().fire(HookPoint.PKT6_RECEIVE, new Pkt6Receive(env, q, Set.of("ALL", "slow"))).step()).isEqualTo(NextStep.DROP);
            assertThat(registry.get("pkt6-limit-exceeded")).isEqualTo(1);
            assertThat(registry.get("pkt6-receive-drop")).isEqualTo(1);

            SubnetInfo6 subnet = new SubnetInfo6(5, Ipv6Prefix.parse("2001:db8:1::/64"), null);
            Subnet6Select sel = new Subnet6Select(env, q, Set.of(), subnet, List.of(subnet));
            assertThat(l.hooks().fire(HookPoint.SUBNET6_SELECT, sel).step()).isEqualTo(NextStep.CONTINUE);
            assertThat(l.hooks().fire(HookPoint.SUBNET6_SELECT, sel).step()).isEqualTo(NextStep.DROP);
            assertThat(registry.get("pkt6-limit-exceeded")).isEqualTo(2);
            assertThat(registry.get("pkt6-receive-drop")).isEqualTo(2);
            assertThat(registry.observation("pkt4-limit-exceeded")).isEmpty();
        }
    }
}
