package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv6TextTest {
    private static String roundTrip(String text) { return Ipv6Text.toString(Ipv6Text.parse(text)); }

    @Test
    void formatsAsRfc5952() {
        assertThat(roundTrip("::")).isEqualTo("::");
        assertThat(roundTrip("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(roundTrip("2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
        assertThat(roundTrip("ff02:0:0:0:0:0:1:2")).isEqualTo("ff02::1:2");
        assertThat(roundTrip("fe80::00fc:00ff:fe00:0001")).isEqualTo("fe80::fc:ff:fe00:1");
        // a single zero group is not shortened; the longest run wins, the first of equal runs
        assertThat(roundTrip("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(roundTrip("2001:0:0:1:0:0:0:1")).isEqualTo("2001:0:0:1::1");
        assertThat(roundTrip("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(roundTrip("1:0:0:0:0:0:0:0")).isEqualTo("1::");
    }

    @Test
    void parsesLiteralsOnly() {
        assertThat(Ipv6Text.parse("::ffff:192.0.2.1")).hasSize(16).endsWith(0xFF, 0xFF, 192, 0, 2, 1);
        for (String bad : new String[] {"192.0.2.1", "fe80::1%eth0", "zz::1", "2001:db8::1::2", "", "localhost", "[::1]"})
            assertThatThrownBy(() -> Ipv6Text.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6Text.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifies() {
        assertThat(Ipv6Text.isLinkLocal(Ipv6Text.parse("fe80::1"))).isTrue();
        assertThat(Ipv6Text.isLinkLocal(Ipv6Text.parse("febf::1"))).isTrue();
        assertThat(Ipv6Text.isLinkLocal(Ipv6Text.parse("fec0::1"))).isFalse();
        assertThat(Ipv6Text.isMulticast(Ipv6Text.ALL_DHCP_RELAY_AGENTS_AND_SERVERS)).isTrue();
        assertThat(Ipv6Text.isMulticast(Ipv6Text.parse("2001:db8::1"))).isFalse();
        assertThat(Ipv6Text.isUnspecified(new byte[16])).isTrue();
    }
}
