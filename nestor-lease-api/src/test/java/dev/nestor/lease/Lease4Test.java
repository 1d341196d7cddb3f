package dev.nestor.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import org.junit.jupiter.api.Test;

class Lease4Test {
    private static final HwAddress MAC = HwAddress.parse("00:11:22:33:44:55");

    @Test
    void expireIsClttPlusValidLifetime() {
        Lease4 l = Lease4.of(Ipv4.parse("192.0.2.1"), MAC, null, 3600, 1_700_000_000L, 1);
        assertThat(l.expire()).isEqualTo(1_700_003_600L);
        assertThat(l.expired(1_700_003_600L)).isFalse();
        assertThat(l.expired(1_700_003_601L)).isTrue();
    }

    @Test
    void infiniteLeaseNeverExpires() {
        Lease4 l = Lease4.of(Ipv4.parse("192.0.2.1"), MAC, null, Lease4.INFINITE_LIFETIME, 0, 1);
        assertThat(l.infinite()).isTrue();
        assertThat(l.expired(Long.MAX_VALUE)).isFalse();
        assertThat(l.expire()).isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void emptyValuesAreNormalisedSoStoredLeasesCompareEqual() {
        Lease4 l = new Lease4(1, new HwAddress(1, new byte[0]), Bytes.EMPTY, 60, 10, 1, false, false, null,
                LeaseState.DECLINED, " ", 0);
        assertThat(l.hwAddress()).isNull();
        assertThat(l.clientId()).isNull();
        assertThat(l.hostname()).isEmpty();
        assertThat(l.userContext()).isNull();
        assertThat(l).isEqualTo(new Lease4(1, null, null, 60, 10, 1, false, false, "", LeaseState.DECLINED, null, 0));
    }

    @Test
    void rangesAreValidated() {
        assertThatThrownBy(() -> Lease4.of(1, MAC, null, 0x1_0000_0000L, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease4.of(1, MAC, null, -1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease4.of(1, MAC, null, 60, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease4.of(1, MAC, null, 60, 0, 0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease4.of(1, MAC, null, 60, 0, 1).withState(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withersChangeOnlyTheirField() {
        Lease4 l = Lease4.of(Ipv4.parse("192.0.2.1"), MAC, Bytes.fromHex("01:02"), 60, 100, 1);
        Lease4 m = l.withState(LeaseState.EXPIRED_RECLAIMED).withCltt(200).withValidLifetime(30).withHostname("h.")
                .withHwAddress(null).withClientId(Bytes.fromHex("03")).withSubnetId(9).withUserContext("{}")
                .withFqdn(true, true).withPoolId(4);
        assertThat(m).isEqualTo(new Lease4(l.address(), null, Bytes.fromHex("03"), 30, 200, 9, true, true, "h.",
                LeaseState.EXPIRED_RECLAIMED, "{}", 4));
        assertThat(l.state()).isEqualTo(LeaseState.DEFAULT);
    }

    @Test
    void stateCodesAreKeas() {
        assertThat(LeaseState.DEFAULT.code()).isZero();
        assertThat(LeaseState.DECLINED.code()).isEqualTo(1);
        assertThat(LeaseState.EXPIRED_RECLAIMED.code()).isEqualTo(2);
        assertThat(LeaseState.RELEASED.code()).isEqualTo(3);
        // REGISTERED (4) is DHCPv6-only: of() is the DHCPv4 decoder and refuses it, of6() knows every state
        for (LeaseState s : LeaseState.values()) {
            if (s != LeaseState.REGISTERED) assertThat(LeaseState.of(s.code())).isSameAs(s);
            assertThat(LeaseState.of6(s.code())).isSameAs(s);
        }
        assertThatThrownBy(() -> LeaseState.of(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LeaseState.of6(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease4.of(1, MAC, null, 60, 0, 1).withState(LeaseState.REGISTERED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
