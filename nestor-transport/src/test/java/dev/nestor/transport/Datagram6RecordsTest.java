package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Datagram6RecordsTest {
    private static final byte[] CLIENT = Ipv6Text.parse("fe80::2");
    private static final byte[] GROUP = Ipv6Text.parse("ff02::1:2");
    private static final byte[] SERVER = Ipv6Text.parse("2001:db8::1");

    @Test
    void inboundCopiesInAndOutAndDescribesItself() {
        byte[] data = {1, 2, 3};
        byte[] source = CLIENT.clone();
        InboundDatagram6 in = new InboundDatagram6(data, source, 546, GROUP, 3, "eth0", 7L);
        data[0] = 9;
        source[15] = 9;
        in.sourceAddress()[15] = 8;
        assertThat(in.data()).containsExactly(1, 2, 3);
        assertThat(in.sourceText()).isEqualTo("fe80::2");
        assertThat(in.destinationText()).isEqualTo("ff02::1:2");
        assertThat(in.isMulticast()).isTrue();
        assertThat(in.fromLinkLocal()).isTrue();
        assertThat(in).isEqualTo(new InboundDatagram6(new byte[] {1, 2, 3}, CLIENT, 546, GROUP, 3, "eth0", 7L))
                .hasSameHashCodeAs(new InboundDatagram6(new byte[] {1, 2, 3}, CLIENT, 546, GROUP, 3, "eth0", 7L));
        assertThat(in.toString()).isEqualTo("InboundDatagram6[3 bytes from [fe80::2]:546 to ff02::1:2 on eth0(3)]");
        assertThat(new InboundDatagram6(data, SERVER, 547, SERVER, 3, "eth0", 7L).isMulticast()).isFalse();
    }

    @Test
    void outboundValidatesScopeAndAddresses() {
        UdpDatagram6 reply = new UdpDatagram6(new byte[] {1}, CLIENT, 546, 3);
        assertThat(reply.sourceAddress()).isEqualTo(new byte[16]);
        assertThat(reply).isEqualTo(new UdpDatagram6(new byte[] {1}, CLIENT, 546, 3, new byte[16]));
        assertThat(reply.toString()).isEqualTo("UdpDatagram6[1 bytes to [fe80::2]:546 via 3 from ::]");
        // a link-local (or multicast) destination means nothing without its interface
        assertThatThrownBy(() -> new UdpDatagram6(new byte[1], CLIENT, 546, 0)).hasMessageContaining("needs an interface index");
        assertThatThrownBy(() -> new UdpDatagram6(new byte[1], GROUP, 546, 0)).hasMessageContaining("needs an interface index");
        assertThat(new UdpDatagram6(new byte[1], SERVER, 547, 0).interfaceIndex()).isZero();
        assertThatThrownBy(() -> new UdpDatagram6(new byte[1], new byte[4], 546, 3)).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new UdpDatagram6(new byte[1], SERVER, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UdpDatagram6(new byte[1], SERVER, 547, 3, GROUP)).hasMessageContaining("multicast source");
    }

    @Test
    void interfaceAddressesAndTheSevenArgumentNetInterface() {
        InterfaceAddress6 ll = InterfaceAddress6.of("fe80::1", 64);
        InterfaceAddress6 global = InterfaceAddress6.of("2001:db8::1", 64);
        assertThat(ll.linkLocal()).isTrue();
        assertThat(global.linkLocal()).isFalse();
        assertThat(global.toString()).isEqualTo("2001:db8::1/64");
        assertThatThrownBy(() -> InterfaceAddress6.of("::1", 129)).isInstanceOf(IllegalArgumentException.class);

        NetInterface v4only = new NetInterface(3, "eth0", null, List.of(), true, false, true);
        assertThat(v4only.ipv6()).isEmpty();
        assertThat(v4only.linkLocal6()).isEmpty();
        NetInterface both = new NetInterface(3, "eth0", null, List.of(), true, false, true, List.of(global, ll));
        assertThat(both.linkLocal6()).contains(ll);
        assertThat(both.hasIpv6(SERVER)).isTrue();
        assertThat(both).isNotEqualTo(v4only);
        assertThat(both.toString()).contains("ipv6=[2001:db8::1/64, fe80::1/64]");
    }

    @Test
    void procIfInet6Lines() {
        assertThat(Interfaces.parseIfInet6("fe8000000000000000fc00fffe000001 04 40 20 80     eth0"))
                .isEqualTo(InterfaceAddress6.of("fe80::fc:ff:fe00:1", 64));
        assertThat(Interfaces.parseIfInet6("00000000000000000000000000000001 01 80 10 80       lo"))
                .isEqualTo(InterfaceAddress6.of("::1", 128));
        // tentative (0x40) is kept, dad-failed (0x08) is not
        assertThat(Interfaces.parseIfInet6("20010db8000000000000000000000001 04 40 00 c0 eth0")).isNotNull();
        assertThat(Interfaces.parseIfInet6("20010db8000000000000000000000001 04 40 00 88 eth0")).isNull();
        assertThat(Interfaces.parseIfInet6("garbage")).isNull();
    }

    @Test
    void interfacesListIncludesLoopbackWithItsIpv6Address() {
        assertThat(Interfaces.list()).filteredOn(NetInterface::loopback)
                .anySatisfy(lo -> assertThat(lo.ipv6()).contains(InterfaceAddress6.of("::1", 128)));
    }

    @Test
    void optionsParseKeaSpecifications() {
        Transport6Options o = Transport6Options.defaults(List.of("eth0", "eth1/2001:db8::1", "*"));
        assertThat(o.serverPort()).isEqualTo(547);
        assertThat(o.clientPort()).isEqualTo(546);
        assertThat(o.interfaceSpecs()).containsExactly(new InterfaceSpec6("eth0", null),
                new InterfaceSpec6("eth1", SERVER), new InterfaceSpec6("*", new byte[0]));
        assertThat(o.interfaceSpecs().get(1).toString()).isEqualTo("eth1/2001:db8::1");
        assertThatThrownBy(() -> Transport6Options.defaults(List.of("eth0/192.0.2.1"))).hasMessageContaining("invalid IPv6 address");
        assertThatThrownBy(() -> Transport6Options.defaults(List.of("*/2001:db8::1"))).hasMessageContaining("'*'");
        assertThatThrownBy(() -> Transport6Options.defaults(List.of("eth0/ff02::1:2"))).hasMessageContaining("not a unicast");
        assertThatThrownBy(() -> Transport6Options.defaults(List.of("a b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Transport6Options(List.of("eth0"), 0, 546)).isInstanceOf(IllegalArgumentException.class);
    }
}
