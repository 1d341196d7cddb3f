package dev.nestor.lease;

import dev.nestor.common.net.Ipv6Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import org.junit.jupiter.api.Test;

class Lease6Test {
    private static final Bytes ADDR = Ipv6Text.parse("2001:db8:1::10");
    private static final Bytes DUID = Bytes.fromHex("00:03:00:01:00:11:22:33:44:55");

    @Test
    void expireIsClttPlusValidLifetime() {
        Lease6 l = Lease6.na(ADDR, DUID, 7, 1800, 3600, 1_700_000_000L, 1);
        assertThat(l.expire()).isEqualTo(1_700_003_600L);
        assertThat(l.expired(1_700_003_600L)).isFalse();
        assertThat(l.expired(1_700_003_601L)).isTrue();
        assertThat(l.prefixLength()).isEqualTo(128);
        assertThat(l.type()).isEqualTo(LeaseType6.NA);
    }

    @Test
    void infiniteLeaseNeverExpires() {
        Lease6 l = Lease6.na(ADDR, DUID, 7, Lease6.INFINITE_LIFETIME, Lease6.INFINITE_LIFETIME, 0, 1);
        assertThat(l.infinite()).isTrue();
        assertThat(l.expired(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void emptyValuesAreNormalisedSoStoredLeasesCompareEqual() {
        Lease6 l = new Lease6(ADDR, LeaseType6.NA, 128, null, 1, 0, 60, 10, 1, false, false, null,
                new HwAddress(1, new byte[0]), LeaseState.DECLINED, " ", 0);
        assertThat(l.duid()).isEqualTo(Lease6.EMPTY_DUID).isEqualTo(Bytes.fromHex("00:00:00"));
        assertThat(l.hwAddress()).isNull();
        assertThat(l.hostname()).isEmpty();
        assertThat(l.userContext()).isNull();
        // Kea before 3.0 wrote the empty DUID as "00"
        assertThat(l.withDuid(Bytes.fromHex("00"))).isEqualTo(l);
        assertThat(l.withDuid(Bytes.EMPTY)).isEqualTo(l);
    }

    @Test
    void prefixLengthMustFitTheType() {
        assertThatThrownBy(() -> new Lease6(ADDR, LeaseType6.NA, 64, DUID, 1, 0, 60, 0, 1, false, false, "", null,
                LeaseState.DEFAULT, null, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> Lease6.pd(ADDR, 0, DUID, 1, 0, 60, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease6.pd(ADDR, 129, DUID, 1, 0, 60, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        Lease6 pd = Lease6.pd(Ipv6Text.parse("2001:db8:8000::"), 56, DUID, 2, 100, 200, 0, 1);
        assertThat(pd.prefixLength()).isEqualTo(56);
        assertThat(pd.toString()).contains("PD 2001:db8:8000::/56");
    }

    @Test
    void rangesAreValidated() {
        assertThatThrownBy(() -> Lease6.na(Bytes.fromHex("c0:00:02:01"), DUID, 1, 0, 60, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> Lease6.na(ADDR, DUID, 0x1_0000_0000L, 0, 60, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease6.na(ADDR, DUID, -1, 0, 60, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease6.na(ADDR, DUID, 1, 0x1_0000_0000L, 60, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease6.na(ADDR, DUID, 1, 0, 0x1_0000_0000L, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease6.na(ADDR, DUID, 1, 0, 60, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease6.na(ADDR, DUID, 1, 0, 60, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease6.na(ADDR, DUID, 1, 0, 60, 0, 1).withPoolId(0x1_0000_0000L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lease6.na(ADDR, DUID, 1, 0, 60, 0, 1).withState(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Lease6.na(null, DUID, 1, 0, 60, 0, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void withersChangeOnlyTheirField() {
        Lease6 l = Lease6.na(ADDR, DUID, 7, 1800, 3600, 100, 1);
        HwAddress hw = new HwAddress(6, new byte[] {1, 2, 3, 4, 5, 6});
        Lease6 m = l.withState(LeaseState.REGISTERED).withCltt(200).withLifetimes(10, 20).withHostname("h.")
                .withHwAddress(hw).withDuid(Bytes.fromHex("00:02:01:02")).withIaid(9).withSubnetId(5)
                .withUserContext("{}").withFqdn(true, true).withPoolId(4);
        assertThat(m).isEqualTo(new Lease6(ADDR, LeaseType6.NA, 128, Bytes.fromHex("00:02:01:02"), 9, 10, 20, 200, 5,
                true, true, "h.", hw, LeaseState.REGISTERED, "{}", 4));
        assertThat(m.withPreferredLifetime(11).preferredLifetime()).isEqualTo(11);
        assertThat(m.withValidLifetime(21).validLifetime()).isEqualTo(21);
        assertThat(m.withValidLifetime(21).preferredLifetime()).isEqualTo(10);
        assertThat(l.state()).isEqualTo(LeaseState.DEFAULT);
    }

    @Test
    void typeCodesAreKeas() {
        assertThat(LeaseType6.NA.code()).isZero();
        assertThat(LeaseType6.TA.code()).isEqualTo(1);
        assertThat(LeaseType6.PD.code()).isEqualTo(2);
        for (LeaseType6 t : LeaseType6.values()) assertThat(LeaseType6.of(t.code())).isSameAs(t);
        assertThatThrownBy(() -> LeaseType6.of(3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LeaseState.REGISTERED.code()).isEqualTo(4);
    }
}
