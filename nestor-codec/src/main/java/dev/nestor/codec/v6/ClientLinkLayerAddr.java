package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.wire.WireFormatException;
import java.util.Objects;
import java.util.Optional;

/**
 * CLIENT_LINKLAYER_ADDR (79, RFC 6939), added by a first-hop relay: the 16-bit IANA hardware type and the
 * client's link-layer address.
 */
public record ClientLinkLayerAddr(int linkLayerType, Bytes address) implements Option6Value {
    public static final int CODE = OptionCodes6.CLIENT_LINKLAYER_ADDR;

    public ClientLinkLayerAddr {
        Wire6.u16("link-layer type", linkLayerType);
        Objects.requireNonNull(address, "address");
    }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        byte[] a = address.toArray();
        byte[] out = new byte[2 + a.length];
        out[0] = (byte) (linkLayerType >>> 8);
        out[1] = (byte) linkLayerType;
        System.arraycopy(a, 0, out, 2, a.length);
        return Bytes.of(out);
    }

    public static ClientLinkLayerAddr decode(Bytes payload) throws WireFormatException {
        if (payload.length() < 2) throw new WireFormatException("CLIENT_LINKLAYER_ADDR needs at least 2 bytes, got " + payload.length(), 0);
        return new ClientLinkLayerAddr(payload.get(0) << 8 | payload.get(1), Bytes.of(payload.toArray(), 2, payload.length() - 2));
    }

    /** As a {@link HwAddress}, when the type fits one byte and the address at most 20 bytes. */
    public Optional<HwAddress> toHwAddress() {
        if (linkLayerType > 255 || address.length() > 20) return Optional.empty();
        return Optional.of(new HwAddress(linkLayerType, address.toArray()));
    }
}
