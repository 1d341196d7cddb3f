package dev.nestor.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.hooks.v4.Pkt4Receive;
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
                "buffer6_send", "lease6_expire", "lease6_recover");
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
    void versionsAreCompatibleWithinAMajor() {
        assertThat(HookApi.compatible(HookApi.VERSION)).isTrue();
        assertThat(HookApi.compatible(HookApi.MAJOR * 1000)).isTrue();
        assertThat(HookApi.compatible(HookApi.VERSION + 1)).as("newer minor").isFalse();
        assertThat(HookApi.compatible((HookApi.MAJOR + 1) * 1000)).isFalse();
        assertThat(HookApi.text(2003)).isEqualTo("2.3");
    }
}
