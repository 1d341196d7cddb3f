package dev.nestor.dhcp6.respond;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.transport.InboundDatagram6;
import dev.nestor.transport.UdpDatagram6;

/**
 * Where a DHCPv6 reply goes (RFC 8415 sections 18.3.10 and 19): a relayed query is answered to the relay that sent
 * it, on the server port (or on its own port when it asked with RELAY_SOURCE_PORT, RFC 8357); a direct query to the
 * client's source address on the client port. Both leave through the ingress interface; a unicast query is
 * answered from the address it was sent to.
 */
public final class ReplyRouting6 {
    private final int serverPort;
    private final int clientPort;

    public ReplyRouting6(int serverPort, int clientPort) {
        this.serverPort = serverPort;
        this.clientPort = clientPort;
    }

    public UdpDatagram6 route(InboundDatagram6 in, RelayChain chain, byte[] wire) {
        byte[] source = Ipv6.UNSPECIFIED.toArray();
        byte[] dst = in.destinationAddress();
        if (!Ipv6.isMulticast(Bytes.of(dst))) source = dst;
        int port;
        if (chain.isRelayed()) {
            boolean ownPort = chain.outermost().flatMap(r -> r.option(OptionCodes6.RELAY_SOURCE_PORT)).isPresent();
            port = ownPort ? in.sourcePort() : serverPort;
        } else {
            port = clientPort;
        }
        return new UdpDatagram6(wire, in.sourceAddress(), port, in.interfaceIndex(), source);
    }
}
