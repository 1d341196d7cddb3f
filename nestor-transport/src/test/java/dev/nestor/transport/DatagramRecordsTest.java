package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.net.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatagramRecordsTest {
    @Test
    void byteArraysAreCopiedInAndOut() {
        byte[] data = {1, 2, 3};
        byte[] mac = {2, 0, 0, 0, 0, 7};
        LinkLayerDatagram l = new LinkLayerDatagram(data, mac, Ipv4.parse("192.0.2.77"), 68, 3, Ipv4.parse("192.0.2.1"), 67);
        data[0] = 9;
        mac[0] = 9;
        assertThat(l.data()).containsExactly(1, 2, 3);
        assertThat(l.destinationMac()).containsExactly(2, 0, 0, 0, 0, 7);
        l.data()[1] = 9;
        assertThat(l.data()).containsExactly(1, 2, 3);
        assertThat(l).isEqualTo(new LinkLayerDatagram(new byte[] {1, 2, 3}, new byte[] {2, 0, 0, 0, 0, 7},
                Ipv4.parse("192.0.2.77"), 68, 3, Ipv4.parse("192.0.2.1"), 67));

        InboundDatagram in = new InboundDatagram(data, 0, 68, Ipv4.BROADCAST, 3, "eth0", 5L);
        data[0] = 1;
        assertThat(in.data()[0]).isEqualTo((byte) 9);
        assertThat(in.isBroadcast()).isTrue();
        assertThat(in).isEqualTo(new InboundDatagram(new byte[] {9, 2, 3}, 0, 68, Ipv4.BROADCAST, 3, "eth0", 5L));

        NetInterface ni = new NetInterface(3, "eth0", mac, List.of(), true, false, true);
        ni.mac()[0] = 0;
        assertThat(ni.mac()[0]).isEqualTo((byte) 9);
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> new UdpDatagram(new byte[1], 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkLayerDatagram(new byte[1], new byte[4], 1, 68, 3, 1, 67)).hasMessageContaining("6 bytes");
        assertThatThrownBy(() -> new LinkLayerDatagram(new byte[1], new byte[6], 1, 68, 0, 1, 67)).hasMessageContaining("interface index");
        assertThatThrownBy(() -> new NetInterface(0, "x", null, List.of(), true, false, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sealedOutboundSwitch() {
        OutboundDatagram d = new UdpDatagram(new byte[] {1}, Ipv4.BROADCAST, 68, 0, 0);
        String kind = switch (d) {
            case UdpDatagram u -> "udp " + Ipv4.toString(u.destinationAddress());
            case LinkLayerDatagram l -> "frame " + l.interfaceIndex();
        };
        assertThat(kind).isEqualTo("udp 255.255.255.255");
    }

    @Test
    void interfacesListIncludesLoopbackWithItsAddress() {
        assertThat(Interfaces.list()).filteredOn(NetInterface::loopback).anySatisfy(lo -> {
            assertThat(lo.ipv4()).contains(new InterfaceAddress4(Ipv4.parse("127.0.0.1"), 8));
            assertThat(lo.mac()).isEmpty();
        });
    }
}
