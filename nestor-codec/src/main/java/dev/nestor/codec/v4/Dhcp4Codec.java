package dev.nestor.codec.v4;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.option.RawOption;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DHCPv4 wire codec (RFC 2131, 2132, 3396). Structure only: no policy, no option semantics beyond what framing
 * needs (PAD, END, option overload 52, message type placement).
 *
 * <p>Decoding: the 236-byte BOOTP header, then the magic cookie 99.130.83.99 and option TLVs. Like Kea, a packet of
 * exactly 236 bytes is accepted as plain BOOTP with no options. PAD is skipped, END stops parsing and anything after
 * it is ignored. With option 52 the {@code file} and/or {@code sname} fields are parsed as option areas too (order:
 * options, file, sname) and returned zeroed. Several instances of one code are concatenated in order (RFC 3396).
 * The strict mode throws {@link WireFormatException} on a truncated option; the lenient mode keeps the options
 * parsed so far, as Kea does (it logs and processes the packet).
 *
 * <p>Encoding: header, cookie, options, END, zero padding to 300 bytes (the BOOTP minimum, like Kea). Option 53
 * goes first and option 82 last (RFC 3046 2.1); in a BOOTREPLY option 54 follows 53 so it survives truncation;
 * otherwise the collection order is kept, so a decoded client packet re-encodes byte-identically. Payloads over
 * 255 bytes are split into consecutive instances. If the result exceeds {@code maxSize}, options overflow into
 * {@code file} then {@code sname} (only when those fields are all zero, with option 52 set accordingly); what still
 * does not fit is dropped, never 53, 54 or 51.
 */
public final class Dhcp4Codec {
    public static final int HEADER_LEN = 236;
    public static final int MAGIC_COOKIE = 0x63825363;
    public static final int MIN_PACKET_LEN = 300;
    /** RFC 2131: every client must accept 576-byte messages; also the floor for a client's option 57. */
    public static final int DEFAULT_MAX_SIZE = 576;

    private static final int OVERLOAD_FILE = 1;
    private static final int OVERLOAD_SNAME = 2;

    private Dhcp4Codec() {}

    /** Strict decode of {@code len} bytes at {@code off}. */
    public static Dhcp4Packet decode(byte[] buf, int off, int len) throws WireFormatException {
        return decode(buf, off, len, false);
    }

    public static Dhcp4Packet decode(byte[] buf) throws WireFormatException { return decode(buf, 0, buf.length, false); }

    /**
     * @param lenient if true, a truncated option or overrun ends option parsing silently (Kea's behaviour) instead
     *                of failing; the header, cookie and overload value are still required to be valid
     */
    public static Dhcp4Packet decode(byte[] buf, int off, int len, boolean lenient) throws WireFormatException {
        if (off < 0 || len < 0 || off > buf.length - len)
            throw new IllegalArgumentException("bad buffer range off=" + off + " len=" + len + " size=" + buf.length);
        WireReader r = new WireReader(buf, off, len);
        if (len < HEADER_LEN)
            throw new WireFormatException("truncated DHCPv4 packet: " + len + " bytes, header needs " + HEADER_LEN, off + len);
        int op = r.u8(), htype = r.u8(), hlen = r.u8(), hops = r.u8();
        int xid = r.s32();
        int secs = r.u16(), flags = r.u16();
        int ciaddr = r.s32(), yiaddr = r.s32(), siaddr = r.s32(), giaddr = r.s32();
        Bytes chaddr = Bytes.of(buf, r.position(), Dhcp4Packet.CHADDR_LEN);
        r.skip(Dhcp4Packet.CHADDR_LEN);
        int snameAt = r.position();
        Bytes sname = Bytes.of(buf, snameAt, Dhcp4Packet.SNAME_LEN);
        r.skip(Dhcp4Packet.SNAME_LEN);
        int fileAt = r.position();
        Bytes file = Bytes.of(buf, fileAt, Dhcp4Packet.FILE_LEN);
        r.skip(Dhcp4Packet.FILE_LEN);
        if (!r.hasRemaining()) // plain BOOTP without vendor area (Kea accepts this too)
            return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr,
                    chaddr, sname, file, Options.empty());
        int cookieAt = r.position();
        if (r.remaining() < 4) throw new WireFormatException("truncated magic cookie", cookieAt);
        int cookie = r.s32();
        if (cookie != MAGIC_COOKIE)
            throw new WireFormatException(String.format("bad magic cookie 0x%08x, expected 0x63825363", cookie), cookieAt);

        Map<Integer, Payload> joined = new LinkedHashMap<>();
        parseArea(buf, r, joined, lenient, "options");
        Payload ov = joined.get(OptionCodes4.OVERLOAD);
        if (ov != null) {
            byte[] v = ov.value().toArray();
            if (v.length != 1 || v[0] < 1 || v[0] > 3) {
                if (!lenient) throw new WireFormatException("invalid option overload (52) value, expected one byte 1..3", cookieAt + 4);
            } else {
                if ((v[0] & OVERLOAD_FILE) != 0) {
                    parseArea(buf, new WireReader(buf, fileAt, Dhcp4Packet.FILE_LEN), joined, lenient, "file field");
                    file = Bytes.of(new byte[Dhcp4Packet.FILE_LEN]);
                }
                if ((v[0] & OVERLOAD_SNAME) != 0) {
                    parseArea(buf, new WireReader(buf, snameAt, Dhcp4Packet.SNAME_LEN), joined, lenient, "sname field");
                    sname = Bytes.of(new byte[Dhcp4Packet.SNAME_LEN]);
                }
            }
        }
        List<RawOption> opts = new ArrayList<>(joined.size());
        joined.forEach((code, payload) -> opts.add(new RawOption(code, payload.value())));
        return new Dhcp4Packet(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr,
                chaddr, sname, file, Options.of(opts));
    }

    /**
     * One option's payload as parsed: a slice of the packet, copied once at the end; only an option that appears
     * more than once (RFC 3396 concatenation, rare) gets a buffer of its own.
     */
    private static final class Payload {
        private final byte[] buf;
        private final int off, len;
        private WireWriter joined;

        Payload(byte[] buf, int off, int len) {
            this.buf = buf;
            this.off = off;
            this.len = len;
        }

        void append(byte[] more, int at, int n) {
            if (joined == null) {
                joined = new WireWriter(Math.max(16, len + n));
                joined.bytes(Arrays.copyOfRange(buf, off, off + len));
            }
            joined.bytes(Arrays.copyOfRange(more, at, at + n));
        }

        Bytes value() {
            return joined == null ? Bytes.of(buf, off, len) : Bytes.of(joined.toByteArray());
        }
    }

    /** Parses top-level TLVs until END or the end of the area, appending payloads per code (RFC 3396). */
    private static void parseArea(byte[] buf, WireReader r, Map<Integer, Payload> out, boolean lenient, String area)
            throws WireFormatException {
        while (r.hasRemaining()) {
            int at = r.position();
            int code = r.u8();
            if (code == OptionCodes4.PAD) continue;
            if (code == OptionCodes4.END) return;
            if (!r.hasRemaining()) {
                if (lenient) return;
                throw new WireFormatException("truncated option " + code + " in " + area + ": missing length byte", at);
            }
            int optLen = r.u8();
            if (optLen > r.remaining()) {
                if (lenient) return;
                throw new WireFormatException("truncated option " + code + " in " + area + ": length " + optLen
                        + " but only " + r.remaining() + " byte(s) left", at);
            }
            int valueAt = r.position();
            r.skip(optLen);
            Payload seen = out.get(code);
            if (seen == null) out.put(code, new Payload(buf, valueAt, optLen));
            else seen.append(buf, valueAt, optLen);
        }
    }

    /** Encodes with the RFC 2131 default limit of 576 bytes. */
    public static byte[] encode(Dhcp4Packet p) { return encode(p, DEFAULT_MAX_SIZE); }

    /**
     * Encodes {@code p}, fitting it into {@code maxSize} bytes (values below 576 are raised to 576, the minimum
     * every DHCP client must accept) by option overload and, as a last resort, by dropping trailing options.
     */
    public static byte[] encode(Dhcp4Packet p, int maxSize) {
        int limit = Math.max(maxSize, DEFAULT_MAX_SIZE);
        List<byte[]> encoded = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (RawOption o : ordered(p)) {
            codes.add(o.code());
            encoded.add(tlv(o));
        }
        int total = 0;
        for (byte[] e : encoded) total += e.length;
        byte[] sname = p.sname().toArray();
        byte[] file = p.file().toArray();
        byte[] main;
        if (HEADER_LEN + 4 + total + 1 <= limit) {
            main = concat(encoded);
        } else {
            Placement pl = place(codes, encoded, limit - HEADER_LEN - 4 - 1, allZero(file), allZero(sname));
            main = pl.main;
            if (pl.file != null) file = pl.file;
            if (pl.sname != null) sname = pl.sname;
        }
        WireWriter w = new WireWriter(Math.max(MIN_PACKET_LEN, HEADER_LEN + 5 + main.length));
        writeHeader(w, p, sname, file);
        w.u32(MAGIC_COOKIE & 0xFFFFFFFFL);
        w.bytes(main);
        w.u8(OptionCodes4.END);
        if (w.size() < MIN_PACKET_LEN) w.zeros(MIN_PACKET_LEN - w.size());
        return w.toByteArray();
    }

    private static void writeHeader(WireWriter w, Dhcp4Packet p, byte[] sname, byte[] file) {
        w.u8(p.op()).u8(p.htype()).u8(p.hlen()).u8(p.hops());
        w.u32(p.xid() & 0xFFFFFFFFL);
        w.u16(p.secs()).u16(p.flags());
        w.u32(p.ciaddr() & 0xFFFFFFFFL).u32(p.yiaddr() & 0xFFFFFFFFL).u32(p.siaddr() & 0xFFFFFFFFL).u32(p.giaddr() & 0xFFFFFFFFL);
        w.bytes(p.chaddr().toArray());
        w.bytes(sname);
        w.bytes(file);
    }

    /** Wire order: 53 first, (54 second in replies), collection order, 82 last. PAD/END/52 are framing, not data. */
    private static List<RawOption> ordered(Dhcp4Packet p) {
        List<RawOption> out = new ArrayList<>(p.options().size());
        RawOption agent = null;
        p.options().get(OptionCodes4.MESSAGE_TYPE).ifPresent(b -> out.add(new RawOption(OptionCodes4.MESSAGE_TYPE, b)));
        boolean reply = p.op() == Dhcp4Packet.BOOTREPLY;
        if (reply) p.options().get(OptionCodes4.SERVER_ID).ifPresent(b -> out.add(new RawOption(OptionCodes4.SERVER_ID, b)));
        for (RawOption o : p.options().list()) {
            int c = o.code();
            if (c == OptionCodes4.MESSAGE_TYPE || c == OptionCodes4.PAD || c == OptionCodes4.END || c == OptionCodes4.OVERLOAD) continue;
            if (reply && c == OptionCodes4.SERVER_ID) continue;
            if (c == OptionCodes4.RELAY_AGENT_INFO) {
                agent = o;
                continue;
            }
            out.add(o);
        }
        if (agent != null) out.add(agent);
        return out;
    }

    /** One option as TLVs, split into 255-byte instances (RFC 3396). */
    private static byte[] tlv(RawOption o) {
        byte[] data = o.data().toArray();
        WireWriter w = new WireWriter(data.length + 2 * (data.length / 255 + 1));
        if (data.length == 0) return w.u8(o.code()).u8(0).toByteArray();
        for (int off = 0; off < data.length; off += 255) {
            int n = Math.min(255, data.length - off);
            w.u8(o.code()).u8(n).bytes(data, off, n);
        }
        return w.toByteArray();
    }

    private record Placement(byte[] main, byte[] file, byte[] sname) {}

    /**
     * Distributes whole options over the options field (minus room for option 52), then file (127 + END), then
     * sname (63 + END). 53, 54 and 51 are placed first into the options field and so are never dropped.
     */
    private static Placement place(List<Integer> codes, List<byte[]> encoded, int mainRoom, boolean fileFree, boolean snameFree) {
        boolean overload = fileFree || snameFree;
        int[] room = {mainRoom - (overload ? 3 : 0), fileFree ? Dhcp4Packet.FILE_LEN - 1 : 0, snameFree ? Dhcp4Packet.SNAME_LEN - 1 : 0};
        int[] where = new int[encoded.size()];
        java.util.Arrays.fill(where, -1);
        for (int i = 0; i < encoded.size(); i++) {
            int c = codes.get(i);
            if (c == OptionCodes4.MESSAGE_TYPE || c == OptionCodes4.SERVER_ID || c == OptionCodes4.LEASE_TIME) {
                where[i] = 0;
                room[0] -= encoded.get(i).length;
            }
        }
        for (int i = 0; i < encoded.size(); i++) {
            if (where[i] >= 0) continue;
            for (int a = 0; a < 3; a++) {
                if (encoded.get(i).length <= room[a]) {
                    where[i] = a;
                    room[a] -= encoded.get(i).length;
                    break;
                }
            }
        }
        WireWriter[] areas = {new WireWriter(), new WireWriter(), new WireWriter()};
        for (int i = 0; i < encoded.size(); i++) if (where[i] >= 0) areas[where[i]].bytes(encoded.get(i));
        int flags = (areas[1].size() > 0 ? OVERLOAD_FILE : 0) | (areas[2].size() > 0 ? OVERLOAD_SNAME : 0);
        byte[] main = areas[0].toByteArray();
        if (flags != 0) {
            // 52 right after 53 so a receiver learns early that more options follow in file/sname
            WireWriter m = new WireWriter(main.length + 3);
            int firstLen = codes.isEmpty() || codes.getFirst() != OptionCodes4.MESSAGE_TYPE || where[0] != 0 ? 0 : encoded.getFirst().length;
            m.bytes(main, 0, firstLen).u8(OptionCodes4.OVERLOAD).u8(1).u8(flags).bytes(main, firstLen, main.length - firstLen);
            main = m.toByteArray();
        }
        return new Placement(main, field(areas[1], Dhcp4Packet.FILE_LEN), field(areas[2], Dhcp4Packet.SNAME_LEN));
    }

    private static byte[] field(WireWriter area, int len) {
        if (area.size() == 0) return null;
        area.u8(OptionCodes4.END);
        area.zeros(len - area.size());
        return area.toByteArray();
    }

    private static byte[] concat(List<byte[]> parts) {
        WireWriter w = new WireWriter();
        for (byte[] b : parts) w.bytes(b);
        return w.toByteArray();
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }
}
