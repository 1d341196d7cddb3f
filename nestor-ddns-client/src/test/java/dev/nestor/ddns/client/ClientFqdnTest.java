package dev.nestor.ddns.client;

import dev.nestor.common.Bytes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientFqdnTest {
    @Test
    void canonicalWireFormWithoutRootLabelIsPartial() {
        // E=1 S=1, rcodes 0, "MyHost" without the terminating zero
        ClientFqdn f = ClientFqdn.decodeV4(Bytes.fromHex("050000064d79486f7374"));
        assertThat(f.e()).isTrue();
        assertThat(f.s()).isTrue();
        assertThat(f.n()).isFalse();
        assertThat(f.name()).isEqualTo("myhost");
        assertThat(f.full()).isFalse();
        assertThat(f.encodeV4().toHex()).isEqualTo("050000066d79686f7374");
    }

    @Test
    void canonicalWireFormWithRootLabelIsFull() {
        ClientFqdn f = ClientFqdn.decodeV4(Bytes.fromHex("05000004686f7374076578616d706c65036f726700"));
        assertThat(f.name()).isEqualTo("host.example.org.");
        assertThat(f.full()).isTrue();
        assertThat(f.encodeV4().toHex()).isEqualTo("05000004686f7374076578616d706c65036f726700");
    }

    @Test
    void asciiFormIsFullWhenItEndsWithADot() {
        ClientFqdn partial = ClientFqdn.decodeV4(Bytes.of("\u0001\u00ff\u00ffhost".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThat(partial.e()).isFalse();
        assertThat(partial.rcode1()).isEqualTo(255);
        assertThat(partial.name()).isEqualTo("host");
        assertThat(partial.full()).isFalse();
        ClientFqdn full = ClientFqdn.decodeV4(Bytes.of("\u0000\u0000\u0000Host.Example.org.".getBytes()));
        assertThat(full.name()).isEqualTo("host.example.org.");
        assertThat(full.full()).isTrue();
        assertThat(new String(full.encodeV4().toArray(), 3, full.encodeV4().length() - 3)).isEqualTo("host.example.org.");
    }

    @Test
    void emptyNameIsPartialAndEncodesAsTheFixedFieldsOnly() {
        ClientFqdn f = ClientFqdn.decodeV4(Bytes.fromHex("010000"));
        assertThat(f.name()).isEmpty();
        assertThat(f.full()).isFalse();
        assertThat(f.encodeV4().toHex()).isEqualTo("010000");
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> ClientFqdn.decodeV4(Bytes.fromHex("0100"))).hasMessageContaining("truncated");
        assertThatThrownBy(() -> ClientFqdn.decodeV4(Bytes.fromHex("090000"))).hasMessageContaining("both N and S");
        assertThatThrownBy(() -> ClientFqdn.decodeV4(Bytes.fromHex("050000096162"))).hasMessageContaining("truncated");
    }

    @Test
    void dhcpv6OptionIsFlagsThenWireName() {
        ClientFqdn f = ClientFqdn.decodeV6(Bytes.fromHex("010468 6f7374".replace(" ", "")));
        assertThat(f.s()).isTrue();
        assertThat(f.name()).isEqualTo("host");
        assertThat(f.full()).isFalse();
        ClientFqdn answer = f.withFlags(ClientFqdn.FLAG_S).withName("host.example.org", true);
        assertThat(answer.encodeV6().toHex()).isEqualTo("010468 6f7374076578616d706c65036f726700".replace(" ", ""));
    }

    @Test
    void dhcpv6NFlagIsBitTwoOnTheWire() {
        // RFC 4704: flags are 00000NOS; a client asking the server not to update sends N=1 (0x04)
        ClientFqdn noUpdate = ClientFqdn.decodeV6(Bytes.fromHex("0404686f7374"));
        assertThat(noUpdate.n()).isTrue();
        assertThat(noUpdate.s()).isFalse();
        ClientFqdn answer = noUpdate.withFlags(ClientFqdn.FLAG_N | ClientFqdn.FLAG_O);
        assertThat(answer.encodeV6().get(0)).isEqualTo(0x06);
    }
}
