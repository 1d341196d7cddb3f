package dev.nestor.hooks.bundled;

import dev.nestor.codec.v6.Dhcp6Codec;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.Dhcp6RelayMessage;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;

import java.util.function.UnaryOperator;

/** The client's message inside a DHCPv6 packet as hooks see it (possibly wrapped in RELAY-FORW layers). */
public final class ClientMessages6 {
    private ClientMessages6() {}

    /** {@return the client's message of {@code p}; null when a relay layer is malformed} */
    public static Dhcp6Message of(Dhcp6Packet p) {
        try {
            return RelayChain.unwrap(p).client();
        } catch (WireFormatException e) {
            return null;
        }
    }

    /**
     * Applies {@code change} to the client message inside any relay layers, re-encoding the layers around it.
     * {@return {@code p} itself when unchanged or malformed}
     */
    public static Dhcp6Packet change(Dhcp6Packet p, UnaryOperator<Dhcp6Message> change) {
        return switch (p) {
            case Dhcp6Message m -> change.apply(m);
            case Dhcp6RelayMessage r -> {
                Dhcp6Packet inner;
                try {
                    inner = r.innerPacket();
                } catch (WireFormatException e) {
                    yield r;
                }
                Dhcp6Packet changed = change(inner, change);
                yield changed == inner ? r
                        : r.withOptions(r.options().with(OptionCodes6.RELAY_MSG, Bytes.of(Dhcp6Codec.encode(changed))));
            }
        };
    }
}
