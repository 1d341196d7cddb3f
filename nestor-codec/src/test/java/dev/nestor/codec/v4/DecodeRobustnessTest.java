package dev.nestor.codec.v4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.option.OptionValueCodec;
import dev.nestor.codec.option.SubOptions;
import dev.nestor.codec.option.VendorOption;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated inputs: decoding may only ever fail with WireFormatException, whatever decodes must
 * re-encode and decode again to the same options, and toText never throws.
 */
class DecodeRobustnessTest {
    private static final List<byte[]> SEEDS = List.of(ClientPacketsTest.DHCLIENT, ClientPacketsTest.UDHCPC, ClientPacketsTest.DHCPCD);

    @Test
    void tenThousandRandomAndMutatedPackets() {
        Random rnd = new Random(20240611L);
        OptionDefinitions defs = OptionDefinitions.standardV4();
        int decoded = 0, rejected = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] b = input(rnd, i);
            try {
                Dhcp4Packet p = Dhcp4Codec.decode(b, 0, b.length, (i & 1) == 1);
                decoded++;
                // whatever decodes must survive encode/decode with the same option data (order may change: 53 first)
                Dhcp4Packet again = Dhcp4Codec.decode(Dhcp4Codec.encode(p, 65_535));
                assertThat(again.options().list()).containsExactlyInAnyOrderElementsOf(
                        p.options().without(OptionCodes4.OVERLOAD).without(0).without(255).list());
                // derived views never throw
                p.messageType();
                p.hwAddress();
                p.relayAgentInfo();
                p.parameterRequestList();
                p.option(125).ifPresent(DecodeRobustnessTest::vendor);
                p.options().list().forEach(o -> defs.byCode("dhcp4", o.code())
                        .ifPresent(d -> OptionValueCodec.toText(d, o.data().toArray())));
            } catch (WireFormatException e) {
                rejected++;
                assertThat(e.getMessage()).contains("offset");
            }
        }
        assertThat(decoded).isGreaterThan(1000);
        assertThat(rejected).isGreaterThan(1000);
    }

    @Test
    void subOptionDecodersOnlyThrowWireFormatException() {
        Random rnd = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[rnd.nextInt(40)];
            rnd.nextBytes(b);
            try {
                SubOptions.decode(Bytes.of(b));
            } catch (WireFormatException e) {
                assertThat(e.offset()).isBetween(0, b.length);
            }
            vendor(Bytes.of(b));
            OptionValueCodec.toText(OptionDefinition.record("r", 1, "x", true, dev.nestor.codec.option.OptionDataType.UINT8,
                    dev.nestor.codec.option.OptionDataType.FQDN), b);
        }
    }

    private static void vendor(Bytes b) {
        try {
            VendorOption.decode125(b);
        } catch (WireFormatException e) {
            // expected for garbage
        }
        try {
            VendorOption.decode124(b);
        } catch (WireFormatException e) {
            // expected for garbage
        }
    }

    private static byte[] input(Random rnd, int i) {
        switch (i % 4) {
            case 0 -> { // pure noise of any length, sometimes with a valid cookie
                byte[] b = new byte[rnd.nextInt(600)];
                rnd.nextBytes(b);
                if (b.length >= 240 && rnd.nextBoolean()) System.arraycopy(new byte[] {99, (byte) 130, 83, 99}, 0, b, 236, 4);
                return b;
            }
            case 1 -> { // a real packet with a few bytes flipped in the option area
                byte[] b = SEEDS.get(rnd.nextInt(SEEDS.size())).clone();
                for (int k = rnd.nextInt(6) + 1; k > 0; k--) b[240 + rnd.nextInt(b.length - 240)] = (byte) rnd.nextInt(256);
                return b;
            }
            case 2 -> { // truncated anywhere
                byte[] b = SEEDS.get(rnd.nextInt(SEEDS.size()));
                return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            }
            default -> { // valid header + cookie, random TLV soup, maybe overloaded into file/sname
                byte[] b = SEEDS.get(rnd.nextInt(SEEDS.size())).clone();
                byte[] tail = new byte[rnd.nextInt(120)];
                rnd.nextBytes(tail);
                byte[] out = Arrays.copyOf(b, 240 + 3 + tail.length);
                out[240] = 52;
                out[241] = 1;
                out[242] = (byte) rnd.nextInt(5);
                System.arraycopy(tail, 0, out, 243, tail.length);
                for (int k = 108; k < 236; k++) if (rnd.nextInt(4) == 0) out[k] = (byte) rnd.nextInt(256);
                return out;
            }
        }
    }
}
