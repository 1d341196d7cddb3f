package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * DHCPv6 wire codec (RFC 8415 sections 8, 9 and 21.1). Structure only: no policy and no look inside options
 * beyond RELAY_MSG, which framing needs.
 *
 * <p>Decoding: message types 12 (RELAY-FORW) and 13 (RELAY-REPL) use the 34-byte relay header, every other type
 * (unknown ones included) the 4-byte client/server header; then option TLVs until the end. Every instance of
 * every option is kept in wire order and unknown options round-trip. A relay message must carry RELAY_MSG, and
 * the whole chain is checked like Kea's {@code Pkt6::unpackRelayMsg}: each nested layer must decode and there may
 * be at most 32 relay layers. The returned packet is the outer layer; {@link RelayChain#unwrap} gives all of
 * them. Strict mode (the default) rejects a truncated option; lenient mode drops a truncated trailing option as
 * Kea does. Every problem is one {@link WireFormatException} with the offset in the caller's buffer.
 *
 * <p>Encoding writes the header and the options in list order.
 */
public final class Dhcp6Codec {
    /** msg-type + transaction-id. */
    public static final int MESSAGE_HEADER_LEN = 4;

    private Dhcp6Codec() {}

    /** Strict decode of {@code len} bytes at {@code off}. */
    public static Dhcp6Packet decode(byte[] buf, int off, int len) throws WireFormatException {
        return decode(buf, off, len, false);
    }

    public static Dhcp6Packet decode(byte[] buf) throws WireFormatException { return decode(buf, 0, buf.length, false); }

    public static Dhcp6Packet decode(Bytes b) throws WireFormatException { return decode(b.toArray()); }

    /** @param lenient if true, a truncated trailing option is dropped instead of failing the message */
    public static Dhcp6Packet decode(byte[] buf, int off, int len, boolean lenient) throws WireFormatException {
        if (off < 0 || len < 0 || off > buf.length - len)
            throw new IllegalArgumentException("bad buffer range off=" + off + " len=" + len + " size=" + buf.length);
        return layers(buf, off, len, lenient, 0).getFirst();
    }

    /** All layers in {@code buf}, outer first, the last being the client message (used by {@link RelayChain}). */
    static List<Dhcp6Packet> decodeLayers(byte[] buf, int relaysOutside) throws WireFormatException {
        return layers(buf, 0, buf.length, false, relaysOutside);
    }

    private static List<Dhcp6Packet> layers(byte[] buf, int off, int len, boolean lenient, int relaysOutside)
            throws WireFormatException {
        List<Dhcp6Packet> out = new ArrayList<>(2);
        int at = off, n = len, depth = relaysOutside;
        while (true) {
            if (n == 0) throw new WireFormatException(depth == 0 ? "empty DHCPv6 message" : "empty relay-msg option", at);
            int type = buf[at] & 0xFF;
            if (type != 12 && type != 13) {
                out.add(message(buf, at, n, lenient));
                return out;
            }
            if (++depth > OptionCodes6.HOP_COUNT_LIMIT)
                throw new WireFormatException("more than " + OptionCodes6.HOP_COUNT_LIMIT + " nested relay messages", at);
            if (n < Dhcp6RelayMessage.HEADER_LEN)
                throw new WireFormatException("truncated relay message: " + n + " byte(s), header needs "
                        + Dhcp6RelayMessage.HEADER_LEN, at + n);
            WireReader r = new WireReader(buf, at, n);
            r.u8();
            int hops = r.u8();
            Bytes link = Bytes.of(r.bytes(16));
            Bytes peer = Bytes.of(r.bytes(16));
            int optStart = r.position();
            OptionList6 opts = Options6Codec.decode(r, lenient);
            out.add(new Dhcp6RelayMessage(MessageType6.of(type), hops, link, peer, opts));
            long inner = findOption(buf, optStart, at + n, OptionCodes6.RELAY_MSG);
            if (inner < 0)
                throw new WireFormatException(MessageType6.of(type) + " without relay-msg option (9)", at);
            at = (int) (inner >>> 32);
            n = (int) inner;
        }
    }

    private static Dhcp6Message message(byte[] buf, int at, int n, boolean lenient) throws WireFormatException {
        if (n < MESSAGE_HEADER_LEN)
            throw new WireFormatException("truncated DHCPv6 message: " + n + " byte(s), header needs " + MESSAGE_HEADER_LEN, at + n);
        WireReader r = new WireReader(buf, at, n);
        int type = r.u8();
        int xid = r.u8() << 16 | r.u8() << 8 | r.u8();
        return new Dhcp6Message(MessageType6.of(type), xid, Options6Codec.decode(r, lenient));
    }

    /** (payload offset << 32 | payload length) of the first {@code code} TLV in [from, to), or -1. */
    private static long findOption(byte[] buf, int from, int to, int code) {
        int p = from;
        while (to - p >= 4) {
            int c = (buf[p] & 0xFF) << 8 | (buf[p + 1] & 0xFF);
            int l = (buf[p + 2] & 0xFF) << 8 | (buf[p + 3] & 0xFF);
            if (l > to - p - 4) return -1; // truncated tail (lenient mode dropped it)
            if (c == code) return ((long) (p + 4) << 32) | l;
            p += 4 + l;
        }
        return -1;
    }

    public static byte[] encode(Dhcp6Packet p) {
        WireWriter w = new WireWriter(Dhcp6RelayMessage.HEADER_LEN + p.options().wireLength());
        switch (p) {
            case Dhcp6Message m -> {
                int x = m.transactionId();
                w.u8(m.type().code()).u8(x >>> 16).u8(x >>> 8).u8(x);
            }
            case Dhcp6RelayMessage r -> w.u8(r.type().code()).u8(r.hopCount()).bytes(r.linkAddress().toArray())
                    .bytes(r.peerAddress().toArray());
        }
        Options6Codec.encode(p.options(), w);
        return w.toByteArray();
    }
}
