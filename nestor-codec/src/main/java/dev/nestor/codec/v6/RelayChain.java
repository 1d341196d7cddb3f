package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message with its relay layers peeled off: {@code relays} from the outermost (the one the server received,
 * sent by the relay nearest to the server) to the innermost (the relay nearest to the client), then the client's
 * message. An unrelayed message has no relays. At most {@value OptionCodes6#HOP_COUNT_LIMIT} layers.
 */
public record RelayChain(List<Dhcp6RelayMessage> relays, Dhcp6Message client) {
    public RelayChain {
        relays = List.copyOf(relays);
        Objects.requireNonNull(client, "client");
        if (relays.size() > OptionCodes6.HOP_COUNT_LIMIT)
            throw new IllegalArgumentException("more than " + OptionCodes6.HOP_COUNT_LIMIT + " relay layers: " + relays.size());
    }

    /**
     * Peels every relay layer off {@code p}.
     *
     * @throws WireFormatException if a layer has no RELAY_MSG, a relayed message is malformed, or there are more
     *                             than 32 layers; offsets count from the start of the outer layer's RELAY_MSG
     *                             payload (a packet from {@link Dhcp6Codec#decode} was already checked, so this
     *                             only happens for hand-built relay messages)
     */
    public static RelayChain unwrap(Dhcp6Packet p) throws WireFormatException {
        return switch (p) {
            case Dhcp6Message m -> new RelayChain(List.of(), m);
            case Dhcp6RelayMessage r -> {
                Bytes inner = r.relayMessage().orElseThrow(() -> new WireFormatException(r.type() + " has no relay-msg option (9)", -1));
                List<Dhcp6Packet> layers = Dhcp6Codec.decodeLayers(inner.toArray(), 1);
                List<Dhcp6RelayMessage> relays = new ArrayList<>(layers.size());
                relays.add(r);
                for (int i = 0; i < layers.size() - 1; i++) relays.add((Dhcp6RelayMessage) layers.get(i));
                yield new RelayChain(relays, (Dhcp6Message) layers.getLast());
            }
        };
    }

    public boolean isRelayed() { return !relays.isEmpty(); }

    /** The layer added by the relay nearest to the client (Kea's relay nesting level 0), if relayed. */
    public Optional<Dhcp6RelayMessage> innermost() { return relays.isEmpty() ? Optional.empty() : Optional.of(relays.getLast()); }

    /** The layer the server received, if relayed. */
    public Optional<Dhcp6RelayMessage> outermost() { return relays.isEmpty() ? Optional.empty() : Optional.of(relays.getFirst()); }

    /**
     * Wraps a reply to the client in RELAY-REPL layers that mirror this chain (RFC 8415 section 19.3, Kea's
     * {@code Pkt6::copyRelayInfo}): each layer copies hop-count, link-address and peer-address and echoes the
     * layer's INTERFACE_ID (18) and RELAY_SOURCE_PORT (135, RFC 8357), followed by RELAY_MSG. Without relays the
     * reply itself is returned.
     */
    public Dhcp6Packet wrapReply(Dhcp6Message reply) {
        Dhcp6Packet cur = Objects.requireNonNull(reply, "reply");
        for (int i = relays.size() - 1; i >= 0; i--) {
            Dhcp6RelayMessage r = relays.get(i);
            OptionList6 echo = OptionList6.empty();
            for (int code : new int[] {OptionCodes6.INTERFACE_ID, OptionCodes6.RELAY_SOURCE_PORT}) {
                Optional<Bytes> v = r.options().first(code);
                if (v.isPresent()) echo = echo.plus(code, v.get());
            }
            cur = Dhcp6RelayMessage.reply(r.hopCount(), r.linkAddress(), r.peerAddress(), echo, cur);
        }
        return cur;
    }
}
