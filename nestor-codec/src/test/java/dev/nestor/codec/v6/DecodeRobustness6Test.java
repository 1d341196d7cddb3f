package dev.nestor.codec.v6;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.option.OptionValueCodec;
import dev.nestor.common.wire.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated inputs: decoding and every typed accessor may only ever fail with
 * WireFormatException; whatever decodes re-encodes to the same bytes (strict mode) and toText never throws.
 */
class DecodeRobustness6Test {
    private static final List<byte[]> SEEDS = seeds();

    private static List<byte[]> seeds() {
        List<byte[]> s = new ArrayList<>(ClientPackets6Test.ALL);
        String link = Hex.addr("2001:db8:1::1"), peer = Hex.addr("fe80::1");
        for (byte[] c : ClientPackets6Test.ALL)
            s.add(Hex.bytes("0c00", link, peer, Hex.tlv(18, "65746830"), Hex.tlv(9, HexFormat.of().formatHex(c))));
        byte[] inner = s.getLast();
        s.add(Hex.bytes("0c01", link, peer, Hex.tlv(9, HexFormat.of().formatHex(inner)), Hex.tlv(37, "00000de9 0a0b")));
        return List.copyOf(s);
    }

    @Test
    void tenThousandRandomAndMutatedMessages() {
        Random rnd = new Random(20250611L);
        OptionDefinitions defs = OptionDefinitions.standardV6();
        int decoded = 0, rejected = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] b = input(rnd, i);
            boolean lenient = (i & 1) == 1;
            try {
                Dhcp6Packet p = Dhcp6Codec.decode(b, 0, b.length, lenient);
                decoded++;
                byte[] again = Dhcp6Codec.encode(p);
                if (!lenient) assertThat(again).isEqualTo(b);
                assertThat(Dhcp6Codec.decode(again)).isEqualTo(p);
                exercise(p, defs);
            } catch (WireFormatException e) {
                rejected++;
                assertThat(e.getMessage()).contains("offset");
                assertThat(e.offset()).isBetween(0, b.length);
            }
        }
        assertThat(decoded).isGreaterThan(1000);
        assertThat(rejected).isGreaterThan(1000);
    }

    /** Typed views of a decoded message only throw WireFormatException. */
    private static void exercise(Dhcp6Packet p, OptionDefinitions defs) {
        try {
            RelayChain chain = RelayChain.unwrap(p);
            Dhcp6Message m = chain.client();
            chain.wrapReply(Dhcp6Message.replyTo(m, MessageType6.REPLY));
            for (IaNa ia : m.iaNa()) for (IaAddress a : ia.addresses()) a.status();
            for (IaPd ia : m.iaPd()) for (IaPrefix pr : ia.prefixes()) pr.pdExclude();
            m.iaTa();
            m.oro();
            m.elapsedTime();
            m.clientFqdn();
            m.vendorOpts();
            m.vendorClasses();
            m.status();
        } catch (WireFormatException e) {
            // fine: a malformed option payload
        }
        p.options().list().forEach(o -> defs.byCode("dhcp6", o.code())
                .ifPresent(d -> OptionValueCodec.toText(d, o.data().toArray())));
    }

    private static byte[] input(Random rnd, int i) {
        byte[] seed = SEEDS.get(rnd.nextInt(SEEDS.size()));
        switch (i % 4) {
            case 0 -> { // noise, sometimes with a relay or client type byte
                byte[] b = new byte[rnd.nextInt(120)];
                rnd.nextBytes(b);
                if (b.length > 0 && rnd.nextBoolean()) b[0] = (byte) (rnd.nextBoolean() ? 12 : 1);
                return b;
            }
            case 1 -> { // flipped bytes anywhere
                byte[] b = seed.clone();
                for (int k = rnd.nextInt(4) + 1; k > 0; k--) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                return b;
            }
            case 2 -> { // truncated anywhere
                return Arrays.copyOf(seed, rnd.nextInt(seed.length + 1));
            }
            default -> { // a valid header followed by a TLV soup with plausible small codes and lengths
                byte[] tail = new byte[rnd.nextInt(80)];
                rnd.nextBytes(tail);
                for (int k = 0; k + 3 < tail.length; k += 4 + (tail[k + 3] & 0x0F)) {
                    tail[k] = 0;
                    tail[k + 1] = (byte) (1 + rnd.nextInt(40));
                    tail[k + 2] = 0;
                    tail[k + 3] = (byte) (tail[k + 3] & 0x0F);
                }
                return Hex.bytes("01abcdef", tail);
            }
        }
    }
}
