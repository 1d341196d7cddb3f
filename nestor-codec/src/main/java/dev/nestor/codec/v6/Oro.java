package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;

/** ORO (6, RFC 8415 section 21.7): the option codes the client requests, in its order. */
public record Oro(List<Integer> codes) implements Option6Value {
    public static final int CODE = OptionCodes6.ORO;

    public Oro {
        codes = List.copyOf(codes);
        for (int c : codes) Wire6.u16("requested option code", c);
    }

    public static Oro of(Integer... codes) { return new Oro(List.of(codes)); }

    @Override
    public int code() { return CODE; }

    @Override
    public Bytes encode() {
        byte[] out = new byte[codes.size() * 2];
        for (int i = 0; i < codes.size(); i++) {
            out[2 * i] = (byte) (codes.get(i) >>> 8);
            out[2 * i + 1] = (byte) (int) codes.get(i);
        }
        return Bytes.of(out);
    }

    public static Oro decode(Bytes payload) throws WireFormatException {
        if (payload.length() % 2 != 0) throw new WireFormatException("ORO length " + payload.length() + " is odd", 0);
        List<Integer> out = new ArrayList<>(payload.length() / 2);
        for (int i = 0; i < payload.length(); i += 2) out.add(payload.get(i) << 8 | payload.get(i + 1));
        return new Oro(out);
    }

    public boolean requests(int code) { return codes.contains(code); }
}
