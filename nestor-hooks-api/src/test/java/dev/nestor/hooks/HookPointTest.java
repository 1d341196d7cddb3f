package dev.nestor.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.MessageType6;
import dev.nestor.common.Bytes;
import dev.nestor.hooks.v4.Pkt4Receive;
import dev.nestor.hooks.v6.Host6Identifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HookPointTest {
    @Test
    void everyKeaPointIsDeclaredOnceWithItsName() {
        List<String> names = HookPoint.all().stream().map(HookPoint::name).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names).contains("dhcp4_srv_configured", "buffer4_receive", "pkt4_receive", "subnet4_select",
                "host4_identifier", "lease4_select", "lease4_renew", "lease4_release", "lease4_decline", "ddns4_update",
                "leases4_committed", "lease4_offer", "pkt4_send", "buffer4_send", "lease4_expire", "lease4_recover",
                "command_processed", "buffer6_receive", "pkt6_receive", "subnet6_select", "lease6_select",
                "lease6_renew", "lease6_rebind", "lease6_decline", "lease6_release", "leases6_committed", "pkt6_send",
                "buffer6_send", "lease6_expire", "lease6_recover", "host6_identifier");
        assertThat(HookPoint.byName("pkt4_receive")).contains(HookPoint.PKT4_RECEIVE);
        assertThat(HookPoint.PKT4_RECEIVE.eventType()).isEqualTo(Pkt4Receive.class);
    }

    @Test
    void onlyCommittedAndOfferPointsPark() {
        Set<String> parking = new HashSet<>();
        for (HookPoint<?> p : HookPoint.all()) {
            assertThat(p.allows(NextStep.CONTINUE)).as(p.name()).isTrue();
            if (p.allows(NextStep.PARK)) {
                parking.add(p.name());
                assertThat(Parkable.class).as(p.name()).isAssignableFrom(p.eventType());
            }
        }
        assertThat(parking).containsExactlyInAnyOrder("leases4_committed", "lease4_offer", "leases6_committed");
    }

    @Test
    void keaStepsPerPoint() {
        assertThat(HookPoint.BUFFER4_RECEIVE.allowedSteps()).containsExactlyInAnyOrder(NextStep.CONTINUE, NextStep.SKIP, NextStep.DROP);
        assertThat(HookPoint.LEASE4_SELECT.allowedSteps()).containsExactlyInAnyOrder(NextStep.CONTINUE, NextStep.SKIP);
        assertThat(HookPoint.LEASES4_COMMITTED.allowedSteps()).containsExactlyInAnyOrder(NextStep.CONTINUE, NextStep.DROP, NextStep.PARK);
        assertThat(HookPoint.DDNS4_UPDATE.allowedSteps()).containsExactly(NextStep.CONTINUE);
    }

    @Test
    void host6IdentifierFollowsSubnet6SelectAndStartsAsAnEmptyFlexId() throws Exception {
        List<HookPoint<?>> all = HookPoint.all();
        assertThat(all.indexOf(HookPoint.HOST6_IDENTIFIER)).isEqualTo(all.indexOf(HookPoint.SUBNET6_SELECT) + 1);
        assertThat(HookPoint.HOST6_IDENTIFIER.family()).isEqualTo(HookPoint.Family.DHCP6);
        assertThat(HookPoint.HOST6_IDENTIFIER.eventType()).isEqualTo(Host6Identifier.class);
        assertThat(HookPoint.byName("host6_identifier")).contains(HookPoint.HOST6_IDENTIFIER);

        Dhcp6Message q = Dhcp6Message.of(MessageType6.SOLICIT, 0x123456);
        Host6Identifier e = new Host6Identifier(q);
        assertThat(e.type()).isEqualTo(Host6Identifier.IdentifierType.FLEX_ID);
        assertThat(e.identifier().isEmpty()).isTrue();
        Host6Identifier set = e.withIdentifier(Bytes.of(new byte[] {'p', 'o', 'r', 't'}));
        assertThat(set.type().keaName()).isEqualTo("flex-id");
        assertThat(set.identifier()).isEqualTo(Bytes.of(new byte[] {'p', 'o', 'r', 't'}));
        assertThat(set.query()).isSameAs(q);
        assertThat(e.withIdentifier(Host6Identifier.IdentifierType.DUID, Bytes.of(new byte[] {0, 3})).type().keaName()).isEqualTo("duid");
        assertThat(new Host6Identifier(q, null, null)).isEqualTo(e);
    }

    @Test
    void statisticNamesPerSubnetFollowKea() {
        assertThat(StatsService.subnetName(12, "pkt6-limit-exceeded")).isEqualTo("subnet[12].pkt6-limit-exceeded");
    }

    @Test
    void versionOneTwoAddedHost6IdentifierAndStatistics() {
        assertThat(HookApi.text(HookApi.VERSION)).isEqualTo("1.2");
        assertThat(HookApi.compatible(1001)).as("libraries built for 1.1 keep loading").isTrue();
    }

    @Test
    void versionsAreCompatibleWithinAMajor() {
        assertThat(HookApi.compatible(HookApi.VERSION)).isTrue();
        assertThat(HookApi.compatible(HookApi.MAJOR * 1000)).isTrue();
        assertThat(HookApi.compatible(HookApi.VERSION + 1)).as("newer minor").isFalse();
        assertThat(HookApi.compatible((HookApi.MAJOR + 1) * 1000)).isFalse();
        assertThat(HookApi.text(2003)).isEqualTo("2.3");
    }
}
