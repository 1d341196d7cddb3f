package dev.nestor.codec.v6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.wire.WireFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each typed option against literal bytes, both directions. */
class TypedOptionsTest {
    private static final Bytes A = Ipv6.parse("2001:db8:1::100");

    @Test
    void iaNaWithAddressAndStatus() throws Exception {
        IaAddress addr = new IaAddress(A, 3000, 4000, OptionList6.of(StatusOption.of(StatusCode6.SUCCESS, "ok")));
        IaNa ia = IaNa.of(0x22334455L, 1000, 2000, addr);
        Bytes wire = Hex.b("22334455 000003e8 000007d0" + Hex.tlv(5, Hex.addr("2001:db8:1::100") + "00000bb8 00000fa0"
                + Hex.tlv(13, "0000" + Hex.ascii("ok"))));
        assertThat(ia.encode()).isEqualTo(wire);
        IaNa back = IaNa.decode(wire);
        assertThat(back).isEqualTo(ia);
        assertThat(back.addresses()).containsExactly(addr);
        assertThat(back.addresses().getFirst().status()).contains(new StatusOption(StatusCode6.SUCCESS, "ok"));
        assertThat(back.status()).isEmpty();
        assertThat(ia.toOption()).isEqualTo(new Option6(3, wire));
        assertThatThrownBy(() -> IaNa.decode(Hex.b("00000001 00000002"))).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("IA_NA needs at least 12");
        assertThatThrownBy(() -> IaAddress.decode(Hex.b("00".repeat(23)))).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> new IaNa(-1, 0, 0, OptionList6.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void iaTaHasOnlyAnIaid() throws Exception {
        IaTa ta = new IaTa(7, OptionList6.of(IaAddress.of(A, 10, 20)));
        assertThat(ta.encode()).isEqualTo(Hex.b("00000007" + Hex.tlv(5, Hex.addr("2001:db8:1::100") + "0000000a 00000014")));
        assertThat(IaTa.decode(ta.encode())).isEqualTo(ta);
        assertThat(IaTa.decode(ta.encode()).addresses()).hasSize(1);
    }

    @Test
    void iaPdWithPrefixAndPdExclude() throws Exception {
        Ipv6Prefix delegated = Ipv6Prefix.parse("2001:db8:1:ab00::/56");
        Ipv6Prefix excluded = Ipv6Prefix.parse("2001:db8:1:abcd::/64");
        PdExclude ex = PdExclude.of(delegated, excluded);
        assertThat(ex.encode()).isEqualTo(Hex.b("40 cd"));
        IaPrefix pfx = IaPrefix.of(delegated, 3000, 4000).withOptions(OptionList6.of(ex));
        IaPd pd = IaPd.of(9, 1000, 2000, pfx);
        Bytes wire = Hex.b("00000009 000003e8 000007d0" + Hex.tlv(26, "00000bb8 00000fa0 38" + Hex.addr("2001:db8:1:ab00::")
                + Hex.tlv(67, "40cd")));
        assertThat(pd.encode()).isEqualTo(wire);
        IaPd back = IaPd.decode(wire);
        assertThat(back).isEqualTo(pd);
        IaPrefix p = back.prefixes().getFirst();
        assertThat(p.toPrefix()).isEqualTo(delegated);
        assertThat(p.pdExclude().orElseThrow().excluded(p.toPrefix())).isEqualTo(excluded);
        assertThatThrownBy(() -> IaPrefix.decode(Hex.b("00000000 00000000 81" + "00".repeat(16))))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("over 128");
    }

    @Test
    void pdExcludeBitsThatAreNotByteAligned() throws Exception {
        Ipv6Prefix delegated = Ipv6Prefix.parse("2001:db8::/60");
        Ipv6Prefix excluded = Ipv6Prefix.parse("2001:db8:0:a::/64");
        PdExclude ex = PdExclude.of(delegated, excluded);
        assertThat(ex.encode()).isEqualTo(Hex.b("40 a0")); // 4 bits 1010, left-aligned
        assertThat(PdExclude.decode(Hex.b("40a0")).excluded(delegated)).isEqualTo(excluded);
        // 2001:db8:1::/48 excluding a /61 needs 13 bits: 2 bytes
        PdExclude wide = PdExclude.of(Ipv6Prefix.parse("2001:db8:1::/48"), Ipv6Prefix.parse("2001:db8:1:fff8::/61"));
        assertThat(wide.encode()).isEqualTo(Hex.b("3d fff8"));
        assertThat(wide.excluded(Ipv6Prefix.parse("2001:db8:1::/48"))).isEqualTo(Ipv6Prefix.parse("2001:db8:1:fff8::/61"));
        assertThatThrownBy(() -> PdExclude.of(delegated, Ipv6Prefix.parse("2001:db9::/64"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ex.excluded(Ipv6Prefix.parse("2001:db8::/64"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdExclude.decode(Hex.b("40"))).isInstanceOf(WireFormatException.class);
    }

    @Test
    void statusCodeOroElapsedPreference() throws Exception {
        StatusOption s = StatusOption.of(StatusCode6.NO_ADDRS_AVAIL, "no addresses available");
        assertThat(s.encode()).isEqualTo(Hex.b("0002" + Hex.ascii("no addresses available")));
        assertThat(StatusOption.decode(Hex.b("0006"))).isEqualTo(new StatusOption(StatusCode6.NO_PREFIX_AVAIL, ""));
        assertThat(StatusOption.decode(Hex.b("00ff41")).status().name()).isEqualTo("UNKNOWN(255)");
        assertThat(StatusOption.decode(Hex.b("0000c3a9")).message()).isEqualTo("é");
        assertThatThrownBy(() -> StatusOption.decode(Hex.b("00"))).isInstanceOf(WireFormatException.class);

        assertThat(Oro.of(23, 24, 82).encode()).isEqualTo(Hex.b("0017 0018 0052"));
        assertThat(Oro.decode(Hex.b("0017 0018")).requests(24)).isTrue();
        assertThatThrownBy(() -> Oro.decode(Hex.b("001700"))).isInstanceOf(WireFormatException.class).hasMessageContaining("odd");

        assertThat(new ElapsedTime(0xffff).encode()).isEqualTo(Hex.b("ffff"));
        assertThat(ElapsedTime.decode(Hex.b("0064")).hundredths()).isEqualTo(100);
        assertThatThrownBy(() -> ElapsedTime.decode(Hex.b("00"))).isInstanceOf(WireFormatException.class);
        assertThat(Preference.decode(Hex.b("ff"))).isEqualTo(new Preference(255));
        assertThatThrownBy(() -> Preference.decode(Hex.b("0001"))).isInstanceOf(WireFormatException.class);
    }

    @Test
    void clientFqdnFullPartialAndEmpty() throws Exception {
        ClientFqdn full = new ClientFqdn(ClientFqdn.FLAG_S, "myhost.example.org.");
        assertThat(full.encode()).isEqualTo(Hex.b("01 066d79686f7374 076578616d706c65 036f7267 00"));
        ClientFqdn partial = new ClientFqdn(0, "myhost");
        assertThat(partial.encode()).isEqualTo(Hex.b("00 066d79686f7374"));
        assertThat(ClientFqdn.decode(partial.encode())).isEqualTo(partial);
        assertThat(ClientFqdn.decode(partial.encode()).fullyQualified()).isFalse();
        assertThat(ClientFqdn.decode(Hex.b("04"))).isEqualTo(new ClientFqdn(ClientFqdn.FLAG_N, ""));
        assertThat(ClientFqdn.decode(Hex.b("04")).flag(ClientFqdn.FLAG_N)).isTrue();
        assertThatThrownBy(() -> ClientFqdn.decode(Hex.b("00 c00c"))).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("compression");
        assertThatThrownBy(() -> ClientFqdn.decode(Hex.b("00 0561"))).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> ClientFqdn.decode(Hex.b("00 0161 00 0162"))).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> new ClientFqdn(0, "a..b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vendorOptsVendorClassUserClass() throws Exception {
        VendorOpts v = new VendorOpts(4491, OptionList6.of(new Option6(32, A), new Option6(1026, Hex.b("001122334455"))));
        assertThat(v.encode()).isEqualTo(Hex.b("0000118b" + Hex.tlv(32, Hex.addr("2001:db8:1::100")) + Hex.tlv(1026, "001122334455")));
        assertThat(VendorOpts.decode(v.encode())).isEqualTo(v);
        assertThat(v.space()).isEqualTo("vendor-4491");
        assertThatThrownBy(() -> VendorOpts.decode(Hex.b("0000118b 0020"))).isInstanceOf(WireFormatException.class);

        VendorClass6 vc = new VendorClass6(4491, List.of(Bytes.of("docsis3.0".getBytes()), Hex.b("0a")));
        assertThat(vc.encode()).isEqualTo(Hex.b("0000118b 0009" + Hex.ascii("docsis3.0") + "0001 0a"));
        assertThat(VendorClass6.decode(vc.encode())).isEqualTo(vc);
        assertThatThrownBy(() -> VendorClass6.decode(Hex.b("0000118b 0009 61"))).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("overruns");

        UserClass6 uc = new UserClass6(List.of(Bytes.of("iPXE".getBytes())));
        assertThat(uc.encode()).isEqualTo(Hex.b("0004" + Hex.ascii("iPXE")));
        assertThat(UserClass6.decode(uc.encode())).isEqualTo(uc);
    }

    @Test
    void clientLinkLayerAddress() throws Exception {
        ClientLinkLayerAddr ll = ClientLinkLayerAddr.decode(Hex.b("0001 001122334455"));
        assertThat(ll.linkLayerType()).isEqualTo(1);
        assertThat(ll.address()).isEqualTo(Hex.b("001122334455"));
        assertThat(ll.toHwAddress()).contains(HwAddress.parse("00:11:22:33:44:55"));
        assertThat(ll.encode()).isEqualTo(Hex.b("0001 001122334455"));
        assertThat(new ClientLinkLayerAddr(0x0100, Hex.b("01")).toHwAddress()).isEmpty();
        assertThatThrownBy(() -> ClientLinkLayerAddr.decode(Hex.b("01"))).isInstanceOf(WireFormatException.class);
    }
}
