package dev.nestor.dhcp4.respond;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.transport.InboundDatagram;
import dev.nestor.transport.LinkLayerDatagram;
import dev.nestor.transport.OutboundDatagram;
import dev.nestor.transport.UdpDatagram;

import java.util.Optional;

/**
 * Where a reply goes (RFC 2131 section 4.1, as Kea's adjustRemoteAddr): to the relay; to ciaddr; broadcast for a
 * NAK or when the client asks; otherwise straight to the new address at the client's MAC, which needs a
 * link-layer send because the client has no address yet and answers no ARP.
 */
public final class ReplyRouting4 {
    private final int serverPort;
    private final int clientPort;

    public ReplyRouting4(int serverPort, int clientPort) {
        this.serverPort = serverPort;
        this.clientPort = clientPort;
    }

    public OutboundDatagram route(InboundDatagram in, Dhcp4Packet query, Dhcp4Packet reply, byte[] wire, int sourceAddress) {
        if (query.giaddr() != 0) {
            // RFC 8357: a relay that asked for replies on its own port gets them there
            int port = relayPort(query).isPresent() ? in.sourcePort() : serverPort;
            return new UdpDatagram(wire, query.giaddr(), port, in.interfaceIndex(), sourceAddress);
        }
        MessageType4 type = reply.messageType();
        if (query.ciaddr() != 0 && !MessageType4.NAK.equals(type)) {
            return new UdpDatagram(wire, query.ciaddr(), clientPort, in.interfaceIndex(), sourceAddress);
        }
        if (MessageType4.NAK.equals(type) || query.broadcast() || reply.yiaddr() == 0 || query.hlen() == 0) {
            return new UdpDatagram(wire, Ipv4.BROADCAST, clientPort, in.interfaceIndex(), sourceAddress);
        }
        byte[] mac = query.hwAddress().bytes();
        return new LinkLayerDatagram(wire, mac, reply.yiaddr(), clientPort, in.interfaceIndex(), sourceAddress, serverPort);
    }

    private static Optional<Bytes> relayPort(Dhcp4Packet query) {
        Optional<Options> rai = query.relayAgentInfo();
        return rai.isPresent() ? rai.get().get(OptionCodes4.RAI_RELAY_PORT) : Optional.empty();
    }
}
