package dev.nestor.dhcp4.pipeline;

import dev.nestor.classify.expr.Family;
import dev.nestor.classify.expr.PacketView;
import dev.nestor.classify.expr.Pkt4Field;
import dev.nestor.classify.expr.PktField;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.transport.InboundDatagram;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** A DHCPv4 query as class expressions see it; fields are encoded as Kea's TokenPkt4 does (numbers as uint32). */
record PacketView4(Dhcp4Packet query, InboundDatagram datagram, Set<String> classes) implements PacketView {
    PacketView4 {
        classes = Set.copyOf(classes);
    }

    @Override
    public Family family() { return Family.V4; }

    @Override
    public Optional<byte[]> option(int code) { return query.option(code).map(Bytes::toArray); }

    @Override
    public byte[] pkt4Field(Pkt4Field field) {
        return switch (field) {
            case MAC -> query.hwAddress().bytes();
            case HLEN -> PacketView.uint32(query.hlen());
            case HTYPE -> PacketView.uint32(query.htype());
            case CIADDR -> Ipv4.toBytes(query.ciaddr());
            case GIADDR -> Ipv4.toBytes(query.giaddr());
            case YIADDR -> Ipv4.toBytes(query.yiaddr());
            case SIADDR -> Ipv4.toBytes(query.siaddr());
            case MSGTYPE -> PacketView.uint32(query.messageType() == null ? 0 : query.messageType().code());
            case TRANSID -> PacketView.uint32(query.xid() & 0xFFFFFFFFL);
        };
    }

    @Override
    public byte[] pktField(PktField field) {
        return switch (field) {
            case IFACE -> datagram.interfaceName().getBytes(StandardCharsets.US_ASCII);
            case SRC -> Ipv4.toBytes(datagram.sourceAddress());
            case DST -> Ipv4.toBytes(datagram.destinationAddress());
            case LEN -> PacketView.uint32(datagram.length());
        };
    }

    @Override
    public boolean memberOf(String className) { return classes.contains(className); }
}
