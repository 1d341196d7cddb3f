package dev.nestor.codec.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

class Ipv6Test {
    @Test
    void parseAndRfc5952Text() {
        Bytes a = Ipv6.parse("2001:DB8:0:0:0:0:0:1");
        assertThat(a.toHex()).isEqualTo("20010db8000000000000000000000001");
        assertThat(Ipv6.toString(a)).isEqualTo("2001:db8::1");
        assertThat(Ipv6.toString(Ipv6.parse("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Ipv6.toString(Ipv6.parse("2001:0:0:1:0:0:0:1"))).isEqualTo("2001:0:0:1::1");
        assertThat(Ipv6.toString(Ipv6.parse("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(Ipv6.toString(Ipv6.UNSPECIFIED)).isEqualTo("::");
        assertThat(Ipv6.parse("::ffff:192.0.2.1").toHex()).isEqualTo("00000000000000000000ffffc0000201");
        assertThat(Ipv6.toString(Ipv6.ALL_DHCP_RELAY_AGENTS_AND_SERVERS)).isEqualTo("ff02::1:2");
        assertThat(Ipv6.isMulticast(Ipv6.ALL_DHCP_SERVERS)).isTrue();
        assertThat(Ipv6.isLinkLocal(Ipv6.parse("fe80::1"))).isTrue();
        assertThat(Ipv6.isLinkLocal(Ipv6.parse("fec0::1"))).isFalse();
        assertThatThrownBy(() -> Ipv6.parse("192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6.parse("fe80::1%eth0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6.parse("2001:db8::g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6.require(Bytes.of(new byte[4]), "link")).hasMessageContaining("link");
    }

    @Test
    void inetConversionAndOrder() {
        Bytes a = Ipv6.parse("2001:db8::5");
        Inet6Address i = Ipv6.toInet(a);
        assertThat(i.getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(Ipv6.fromInet(i)).isEqualTo(a);
        assertThat(Ipv6.compare(a, Ipv6.parse("2001:db8::10"))).isNegative();
        assertThat(Ipv6.compare(Ipv6.parse("ff00::"), a)).isPositive();
    }

    @Test
    void prefixes() {
        Ipv6Prefix p = Ipv6Prefix.parse("2001:db8:1:ab12::/56");
        assertThat(p.toString()).isEqualTo("2001:db8:1:ab00::/56");
        assertThat(p.contains(Ipv6.parse("2001:db8:1:abff::1"))).isTrue();
        assertThat(p.contains(Ipv6.parse("2001:db8:1:ac00::1"))).isFalse();
        assertThat(p.contains(Ipv6Prefix.parse("2001:db8:1:ab80::/57"))).isTrue();
        assertThat(p.contains(Ipv6Prefix.parse("2001:db8:1::/48"))).isFalse();
        assertThat(Ipv6.mask(Ipv6.parse("ffff::ffff"), 3).toHex()).isEqualTo("e0000000000000000000000000000000");
        assertThat(Ipv6Prefix.parse("::/0").contains(Ipv6.parse("2001:db8::1"))).isTrue();
        assertThatThrownBy(() -> Ipv6Prefix.parse("2001:db8::/129")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv6Prefix.parse("2001:db8::")).isInstanceOf(IllegalArgumentException.class);
    }
}
