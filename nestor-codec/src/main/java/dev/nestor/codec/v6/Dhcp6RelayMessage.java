package dev.nestor.codec.v6;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import java.util.Objects;
import java.util.Optional;

/**
 * A RELAY-FORW or RELAY-REPL message (RFC 8415 section 9): hop-count, link-address and peer-address (16-byte
 * {@link Bytes}, see {@link Ipv6}) and the relay's options. The relayed message stays raw in RELAY_MSG (9), so a
 * relay layer re-encodes byte for byte; {@link #innerPacket()} decodes it and {@link RelayChain} walks all layers.
 */
public record Dhcp6RelayMessage(MessageType6 type, int hopCount, Bytes linkAddress, Bytes peerAddress, OptionList6 options)
        implements Dhcp6Packet {
    /** msg-type, hop-count, link-address, peer-address. */
    public static final int HEADER_LEN = 34;

    public Dhcp6RelayMessage {
        Objects.requireNonNull(type, "type");
        if (!type.isRelay()) throw new IllegalArgumentException(type + " is not RELAY_FORW or RELAY_REPL");
        Wire6.u8("hop count", hopCount);
        Ipv6.require(linkAddress, "link address");
        Ipv6.require(peerAddress, "peer address");
        Objects.requireNonNull(options, "options");
    }

    /**
     * A RELAY-FORW around {@code inner}: {@code relayOptions} (interface-id, remote-id, ...) then RELAY_MSG, the
     * order Kea and most relays use.
     */
    public static Dhcp6RelayMessage forward(int hopCount, Bytes linkAddress, Bytes peerAddress, OptionList6 relayOptions,
                                            Dhcp6Packet inner) {
        return wrap(MessageType6.RELAY_FORW, hopCount, linkAddress, peerAddress, relayOptions, inner);
    }

    /** A RELAY-REPL around {@code inner}, options then RELAY_MSG. */
    public static Dhcp6RelayMessage reply(int hopCount, Bytes linkAddress, Bytes peerAddress, OptionList6 relayOptions,
                                          Dhcp6Packet inner) {
        return wrap(MessageType6.RELAY_REPL, hopCount, linkAddress, peerAddress, relayOptions, inner);
    }

    private static Dhcp6RelayMessage wrap(MessageType6 t, int hops, Bytes link, Bytes peer, OptionList6 opts, Dhcp6Packet inner) {
        OptionList6 o = opts.without(OptionCodes6.RELAY_MSG).plus(OptionCodes6.RELAY_MSG, Bytes.of(Dhcp6Codec.encode(inner)));
        return new Dhcp6RelayMessage(t, hops, link, peer, o);
    }

    /** The raw relayed message (first RELAY_MSG option). */
    public Optional<Bytes> relayMessage() { return options.first(OptionCodes6.RELAY_MSG); }

    /**
     * Decodes the relayed message (a client message or the next relay layer).
     *
     * @throws WireFormatException if RELAY_MSG is missing or malformed; offsets are relative to its payload
     */
    public Dhcp6Packet innerPacket() throws WireFormatException {
        Optional<Bytes> b = relayMessage();
        if (b.isEmpty()) throw new WireFormatException(type + " has no relay-msg option (9)", -1);
        return Dhcp6Codec.decode(b.get().toArray());
    }

    public Optional<Bytes> option(int code) { return options.first(code); }

    /** INTERFACE_ID (18), which the server must echo in its RELAY-REPL. */
    public Optional<Bytes> interfaceId() { return options.first(OptionCodes6.INTERFACE_ID); }

    public Dhcp6RelayMessage withOptions(OptionList6 o) { return new Dhcp6RelayMessage(type, hopCount, linkAddress, peerAddress, o); }

    @Override
    public String toString() {
        return "Dhcp6RelayMessage[" + type + " hops=" + hopCount + " link=" + Ipv6.toString(linkAddress) + " peer="
                + Ipv6.toString(peerAddress) + " " + options.codes() + "]";
    }
}
