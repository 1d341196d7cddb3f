package dev.nestor.codec.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubOptionsTest {
    /** Hex with spaces for readability. */
    private static Bytes h(String hex) { return Bytes.fromHex(hex.replace(" ", "")); }

    @Test
    void decodeAndEncodeAgentSubOptions() throws Exception {
        Bytes payload = h("0104 00010002" + "0206 001122334455" + "0b04 c0000201" + "1302 0043");
        Options subs = SubOptions.decode(payload);
        assertThat(subs.codes()).containsExactly(1, 2, 11, 19);
        assertThat(subs.get(1)).contains(h("00010002"));
        assertThat(subs.get(19)).contains(h("0043"));
        assertThat(SubOptions.encode(subs)).isEqualTo(payload);
    }

    @Test
    void codesZeroAnd255AreOrdinaryAndRepeatsAreJoined() throws Exception {
        Options subs = SubOptions.decode(h("0001aa" + "ff00" + "0001bb"));
        assertThat(subs.codes()).containsExactly(0, 255);
        assertThat(subs.get(0)).contains(h("aabb"));
        assertThat(subs.get(255)).contains(Bytes.EMPTY);
    }

    @Test
    void longSubOptionIsSplit() throws Exception {
        Options o = Options.of(new RawOption(9, Bytes.of(new byte[300])));
        Bytes enc = SubOptions.encode(o);
        assertThat(enc.length()).isEqualTo(304);
        assertThat(SubOptions.decode(enc)).isEqualTo(o);
    }

    @Test
    void overrunsAreReportedWithOffsets() {
        assertThatThrownBy(() -> SubOptions.decode(h("0105 0102"))).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("sub-option 1").hasMessageContaining("offset 0");
        assertThatThrownBy(() -> SubOptions.decode(h("0101 aa 02"))).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("offset 3");
    }

    @Test
    void vivsoDecodeEncode() throws Exception {
        // CableLabs 4491 with oro(1)=[2] and tftp-servers(2)=192.0.2.1; then ISC 2495 with one sub-option
        Bytes p = h("0000118b 09 0101 02 0204 c0000201" + "000009bf 03 0101 ff");
        List<VendorOption> v = VendorOption.decode125(p);
        assertThat(v).hasSize(2);
        assertThat(v.get(0).enterpriseId()).isEqualTo(4491);
        assertThat(v.get(0).space()).isEqualTo("vendor-4491");
        assertThat(v.get(0).subOptions().get(2)).contains(h("c0000201"));
        assertThat(v.get(1).enterpriseId()).isEqualTo(2495);
        assertThat(v.get(1).subOptions().get(1)).contains(h("ff"));
        assertThat(VendorOption.encode125(v)).isEqualTo(p);
    }

    @Test
    void vivsoSameEnterpriseIsMergedAndLargeBlocksSplit() throws Exception {
        List<VendorOption> v = VendorOption.decode125(h("00000001 03 0101aa" + "00000001 03 0201bb"));
        assertThat(v).hasSize(1);
        assertThat(v.getFirst().subOptions().codes()).containsExactly(1, 2);
        VendorOption big = new VendorOption(7, Options.of(new RawOption(1, Bytes.of(new byte[200])), new RawOption(2, Bytes.of(new byte[300]))));
        Bytes enc = VendorOption.encode125(List.of(big));
        assertThat(VendorOption.decode125(enc)).containsExactly(big);
    }

    @Test
    void vivsoTruncationIsRejected() {
        assertThatThrownBy(() -> VendorOption.decode125(h("0000118b"))).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("125");
        assertThatThrownBy(() -> VendorOption.decode125(h("0000118b 05 0101"))).isInstanceOf(WireFormatException.class);
    }

    @Test
    void vivcoDecodeEncode() throws Exception {
        Bytes p = h("0000118b 0c 0a 646f63736973332e302e" + "00" + "000009bf 04 03 616263");
        // first block: one 10-byte item "docsis3.0." then an empty item
        List<VendorClass> c = VendorOption.decode124(p);
        assertThat(c).hasSize(2);
        assertThat(c.get(0).enterpriseId()).isEqualTo(4491);
        assertThat(c.get(0).classData()).containsExactly(Bytes.of("docsis3.0.".getBytes()), Bytes.EMPTY);
        assertThat(c.get(1).classData()).containsExactly(Bytes.of("abc".getBytes()));
        assertThat(VendorOption.encode124(c)).isEqualTo(p);
        assertThatThrownBy(() -> VendorOption.decode124(h("00000001 03 05 6162"))).isInstanceOf(WireFormatException.class);
    }

    @Test
    void optionsCollection() {
        Options o = Options.empty().with(1, h("01")).with(2, h("02")).with(1, h("03"));
        assertThat(o.codes()).containsExactly(1, 2);
        assertThat(o.get(1)).contains(h("03"));
        assertThat(o.without(1).codes()).containsExactly(2);
        assertThat(o.without(9)).isSameAs(o);
        assertThat(o.contains(2)).isTrue();
        assertThat(o.size()).isEqualTo(2);
        assertThatThrownBy(() -> Options.of(List.of(new RawOption(1, Bytes.EMPTY), new RawOption(1, Bytes.EMPTY))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RawOption(256, Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> o.list().add(new RawOption(3, Bytes.EMPTY))).isInstanceOf(UnsupportedOperationException.class);
    }
}
