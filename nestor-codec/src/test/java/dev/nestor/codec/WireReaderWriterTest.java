package dev.nestor.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.wire.WireFormatException;
import dev.nestor.common.wire.WireReader;
import dev.nestor.common.wire.WireWriter;
import org.junit.jupiter.api.Test;

/** The shared bounded reader and writer (nestor-common wire package), tested where they are first used. */
class WireReaderWriterTest {
    @Test
    void writerAndReaderAgree() throws Exception {
        byte[] b = new WireWriter(1).u8(0xAB).u16(0xBEEF).u32(0xDEADBEEFL).bytes(new byte[] {1, 2}).zeros(2).toByteArray();
        assertThat(b).containsExactly(0xAB, 0xBE, 0xEF, 0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 0, 0);
        byte[] framed = new byte[b.length + 4];
        System.arraycopy(b, 0, framed, 2, b.length);
        WireReader r = new WireReader(framed, 2, b.length);
        assertThat(r.u8()).isEqualTo(0xAB);
        assertThat(r.u16()).isEqualTo(0xBEEF);
        assertThat(r.position()).isEqualTo(5);
        assertThat(r.u32()).isEqualTo(0xDEADBEEFL);
        assertThat(r.remaining()).isEqualTo(4);
        WireReader s = r.slice(2);
        assertThat(r.remaining()).isEqualTo(2);
        assertThat(s.bytes(2)).containsExactly(1, 2);
        assertThatThrownBy(s::u8).isInstanceOf(WireFormatException.class).hasMessageContaining("offset 11");
        assertThat(r.u16()).isEqualTo(0);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void overrunsThrowWithOffset() {
        WireReader r = new WireReader(new byte[] {1, 2, 3}, 0, 3);
        assertThatThrownBy(() -> r.bytes(4)).isInstanceOf(WireFormatException.class).hasMessageContaining("offset 0");
        assertThatThrownBy(() -> r.slice(5)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(r::s32).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> r.bytes(-1)).isInstanceOf(WireFormatException.class);
        assertThat(r.remaining()).isEqualTo(3);
        assertThatThrownBy(() -> new WireReader(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        WireWriter w = new WireWriter();
        assertThat(w.size()).isZero();
        assertThatThrownBy(() -> w.setU8(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
