package dev.nestor.hooks.bundled;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.net.Ipv4Prefix;
import dev.nestor.hooks.v4.Envelope4;
import dev.nestor.hooks.v4.SubnetInfo4;
import dev.nestor.lease.Lease4;

/** Packets and leases the bundled library tests use. */
final class Packets {
    static final String MAC = "02:00:00:00:00:01";
    static final Envelope4 ENVELOPE = new Envelope4("eth0", 2, 0, 68, Ipv4.BROADCAST);
    static final SubnetInfo4 SUBNET = new SubnetInfo4(1, new Ipv4Prefix(Ipv4.parse("192.0.2.0"), 24), null);

    private Packets() {}

    static Dhcp4Packet query(MessageType4 type, String mac) {
        return Dhcp4Packet.newQuery(type, 0x1234, HwAddress.parse(mac));
    }

    static Dhcp4Packet reply(Dhcp4Packet q, MessageType4 type) {
        return Dhcp4Packet.replyTo(q).withMessageType(type);
    }

    static Lease4 lease(String address, String mac, long cltt) {
        return Lease4.of(Ipv4.parse(address), HwAddress.parse(mac), null, 600, cltt, 1);
    }
}
