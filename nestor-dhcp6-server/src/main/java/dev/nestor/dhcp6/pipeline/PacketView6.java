package dev.nestor.dhcp6.pipeline;

import dev.nestor.classify.expr.Family;
import dev.nestor.classify.expr.PacketView;
import dev.nestor.classify.expr.Pkt4Field;
import dev.nestor.classify.expr.Pkt6Field;
import dev.nestor.classify.expr.PktField;
import dev.nestor.classify.expr.Relay6Field;
import dev.nestor.codec.v6.Dhcp6RelayMessage;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.transport.InboundDatagram6;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * A DHCPv6 query as class expressions see it: the client's options, the relay layers ({@code relay6[0]} is the
 * relay closest to the server, as the evaluator's contract says) and the datagram's envelope.
 */
record PacketView6(RelayChain chain, InboundDatagram6 datagram, Set<String> classes) implements PacketView {
    PacketView6 {
        classes = Set.copyOf(classes);
    }

    @Override
    public Family family() { return Family.V6; }

    @Override
    public Optional<byte[]> option(int code) { return chain.client().option(code).map(Bytes::toArray); }

    @Override
    public byte[] pkt4Field(Pkt4Field field) { return new byte[0]; }

    @Override
    public byte[] pktField(PktField field) {
        return switch (field) {
            case IFACE -> datagram.interfaceName().getBytes(StandardCharsets.US_ASCII);
            case SRC -> datagram.sourceAddress();
            case DST -> datagram.destinationAddress();
            case LEN -> PacketView.uint32(datagram.length());
        };
    }

    @Override
    public boolean memberOf(String className) { return classes.contains(className); }

    @Override
    public int relay6Count() { return chain.relays().size(); }

    @Override
    public Optional<byte[]> relay6Option(int level, int code) {
        if (level < 0 || level >= chain.relays().size()) return Optional.empty();
        return chain.relays().get(level).option(code).map(Bytes::toArray);
    }

    @Override
    public Optional<byte[]> relay6Address(int level, Relay6Field field) {
        if (level < 0 || level >= chain.relays().size()) return Optional.empty();
        Dhcp6RelayMessage r = chain.relays().get(level);
        return Optional.of((field == Relay6Field.PEERADDR ? r.peerAddress() : r.linkAddress()).toArray());
    }

    @Override
    public Optional<byte[]> pkt6Field(Pkt6Field field) {
        return Optional.of(switch (field) {
            case MSGTYPE -> PacketView.uint32(chain.client().type().code());
            case TRANSID -> PacketView.uint32(chain.client().transactionId());
        });
    }
}
