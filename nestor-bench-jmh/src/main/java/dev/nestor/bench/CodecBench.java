package dev.nestor.bench;

import dev.nestor.codec.v4.Dhcp4Codec;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Decoding a DISCOVER off the wire and encoding an OFFER onto it. */
@State(Scope.Thread)
public class CodecBench {
    private byte[] discover;
    private Dhcp4Packet offer;

    @Setup
    public void setup() {
        discover = Fixtures.discoverWire(42);
        offer = Dhcp4Packet.replyTo(Fixtures.discover(42)).withMessageType(MessageType4.OFFER)
                .withYiaddr(0xC6120001)
                .withOption(OptionCodes4.SERVER_ID, Bytes.of(new byte[] {(byte) 192, 0, 2, 1}))
                .withOption(OptionCodes4.LEASE_TIME, Bytes.of(new byte[] {0, 0, (byte) 0x8c, (byte) 0xa0}))
                .withOption(58, Bytes.of(new byte[] {0, 0, 0x23, 0x28}))
                .withOption(59, Bytes.of(new byte[] {0, 0, 0x46, 0x50}))
                .withOption(1, Bytes.of(new byte[] {(byte) 255, (byte) 254, 0, 0}));
    }

    @Benchmark
    public Dhcp4Packet decode() throws WireFormatException {
        return Dhcp4Codec.decode(discover, 0, discover.length);
    }

    @Benchmark
    public byte[] encode() {
        return Dhcp4Codec.encode(offer, 576);
    }
}
