package dev.nestor.ddns.client;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.config.model.DdnsParams;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.ConflictResolutionMode;
import dev.nestor.ddns.ncr.Dhcid;
import dev.nestor.ddns.ncr.NameChangeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class NameChangesTest {
    private static DdnsParams ttls(Double percent, Long ttl, Long min, Long max) {
        return new DdnsParams(true, false, false, "never", "myhost", "", false, "no-check-with-dhcid", percent, ttl, min, max);
    }

    @ParameterizedTest(name = "lifetime {0}, percent {1}, ttl {2}, min {3}, max {4} -> {5}")
    @CsvSource({
            "7200, , , , , 2400",          // a third of the lifetime
            "600, , , , , 600",            // never under 10 minutes
            "7200, 0.5, , , , 3600",
            "7200, , 100, , , 100",        // ddns-ttl wins, even under 600
            "7200, , 0, , , 2400",         // ddns-ttl 0 = not set
            "600, , , 60, , 200",          // a custom minimum replaces 600
            "86400, , , , 3600, 3600",
            "4294967295, , , , , 1431641448",
    })
    void ttlFollowsKea(long lifetime, Double percent, Long ttl, Long min, Long max, long expected) {
        assertThat(NameChanges.ttl(lifetime, ttls(percent, ttl, min, max))).isEqualTo(expected);
    }

    @Test
    void defaultTtlWithoutScope() {
        assertThat(NameChanges.ttl(3600, null)).isEqualTo(1200);
    }

    @Test
    void requestCarriesTheLeaseNameAddressDhcidAndScopeSettings() throws Exception {
        Bytes clientId = Bytes.fromHex("01020304050607");
        DnsLease lease = DnsLease.v4(InetAddress.getByName("192.0.2.10"), "host.example.com.", true, false, 7200,
                1_800_000_000L, clientId, HwAddress.parse("02:00:00:00:00:01"));
        NameChangeRequest ncr = NameChanges.request(ChangeType.ADD, lease, ttls(null, null, null, null)).orElseThrow();
        assertThat(ncr.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(ncr.forwardChange()).isTrue();
        assertThat(ncr.reverseChange()).isFalse();
        assertThat(ncr.fqdn()).isEqualTo("host.example.com.");
        assertThat(ncr.ipAddressText()).isEqualTo("192.0.2.10");
        assertThat(ncr.dhcid()).isEqualTo(Dhcid.fromClientId(clientId, "host.example.com."));
        assertThat(ncr.dhcid().identifierType()).isEqualTo(Dhcid.ID_CLIENT_ID);
        assertThat(ncr.leaseExpiresOn()).isEqualTo(1_800_007_200L);
        assertThat(ncr.leaseLength()).isEqualTo(2400);
        assertThat(ncr.conflictResolutionMode()).isEqualTo(ConflictResolutionMode.NO_CHECK_WITH_DHCID);
    }

    @Test
    void withoutClientIdTheDhcidComesFromTheHardwareAddress() throws Exception {
        HwAddress hw = HwAddress.parse("02:00:00:00:00:01");
        DnsLease lease = DnsLease.v4(InetAddress.getByName("192.0.2.10"), "host.example.com", true, true, 7200, 0, null, hw);
        NameChangeRequest ncr = NameChanges.request(ChangeType.REMOVE, lease, null).orElseThrow();
        assertThat(ncr.dhcid()).isEqualTo(Dhcid.fromHwAddress(hw, "host.example.com."));
        assertThat(ncr.fqdn()).isEqualTo("host.example.com.");
        assertThat(ncr.conflictResolutionMode()).isEqualTo(ConflictResolutionMode.CHECK_WITH_DHCID);
    }

    @Test
    void dhcpv6LeasesUseTheDuid() throws Exception {
        Bytes duid = Bytes.fromHex("000100011c39cf88080027fe8f95");
        DnsLease lease = DnsLease.v6(InetAddress.getByName("2001:db8::5"), "h6.example.com.", true, true, 4000, 0, duid);
        NameChangeRequest ncr = NameChanges.request(ChangeType.ADD, lease, null).orElseThrow();
        assertThat(ncr.dhcid()).isEqualTo(Dhcid.fromDuid(duid, "h6.example.com."));
        assertThat(ncr.isV6()).isTrue();
    }

    @Test
    void nothingToAskWithoutNameOrDirection() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.10");
        HwAddress hw = HwAddress.parse("02:00:00:00:00:01");
        assertThat(NameChanges.request(ChangeType.ADD, DnsLease.v4(a, "", true, true, 7200, 0, null, hw), null)).isEmpty();
        assertThat(NameChanges.request(ChangeType.ADD, DnsLease.v4(a, "h.example.", false, false, 7200, 0, null, hw), null)).isEmpty();
        assertThat(NameChanges.request(ChangeType.ADD, DnsLease.v4(a, "bad..name", true, true, 7200, 0, null, hw), null)).isEmpty();
    }
}
