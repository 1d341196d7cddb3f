package dev.nestor.ddns.ncr;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4701 section 3.6: the three worked examples, byte for byte (their presentation form is base64). */
class DhcidTest {
    private static String base64(Dhcid d) {
        return Base64.getEncoder().encodeToString(d.toArray());
    }

    @Test
    void rfc4701Example1DuidOfDhcpv6Client() {
        Dhcid d = Dhcid.fromDuid(Bytes.fromHex("00:01:00:06:41:2d:f1:66:01:02:03:04:05:06"), "chi6.example.com");
        assertThat(base64(d)).isEqualTo("AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=");
        assertThat(d.identifierType()).isEqualTo(Dhcid.ID_DUID);
    }

    @Test
    void rfc4701Example2ClientIdentifier() {
        Dhcid d = Dhcid.fromClientId(Bytes.fromHex("01:07:08:09:0a:0b:0c"), "chi.example.com");
        assertThat(base64(d)).isEqualTo("AAEBOSD+XR3Os/0LozeXVqcNc7FwCfQdWL3b/NaiUDlW2No=");
        assertThat(d.identifierType()).isEqualTo(Dhcid.ID_CLIENT_ID);
    }

    @Test
    void rfc4701Example3HardwareAddress() {
        Dhcid d = Dhcid.fromHwAddress(HwAddress.parse("01:02:03:04:05:06"), "client.example.com");
        assertThat(base64(d)).isEqualTo("AAABxLmlskllE0MVjd57zHcWmEH3pCQ6VytcKD//7es/deY=");
        assertThat(d.identifierType()).isEqualTo(Dhcid.ID_HWADDR);
    }

    @Test
    void nameIsCanonicalisedBeforeTheDigestSoCaseAndTrailingDotDoNotMatter() {
        Bytes duid = Bytes.fromHex("00:01:00:06:41:2d:f1:66:01:02:03:04:05:06");
        assertThat(Dhcid.fromDuid(duid, "CHI6.Example.COM.")).isEqualTo(Dhcid.fromDuid(duid, "chi6.example.com"));
    }

    @Test
    void rfc4361ClientIdentifierGivesTheDhcidOfItsDuid() {
        // type 255, IAID 0x01020304, then the DUID of example 1
        Bytes clientId = Bytes.fromHex("ff:01:02:03:04:00:01:00:06:41:2d:f1:66:01:02:03:04:05:06");
        assertThat(base64(Dhcid.fromClientId(clientId, "chi6.example.com")))
                .isEqualTo("AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=");
        assertThatThrownBy(() -> Dhcid.fromClientId(Bytes.fromHex("ff:01:02:03:04"), "a.example.com"))
                .hasMessageContaining("is too short");
    }

    @Test
    void hexFormIsUpperCaseAsKeaWritesIt() {
        Dhcid d = Dhcid.fromHex("010203040a7f8e3d");
        assertThat(d.toHex()).isEqualTo("010203040A7F8E3D");
        assertThat(Dhcid.fromHex("010203040A7F8E3D")).isEqualTo(d);
    }

    @Test
    void badHexAndEmptyValuesAreRefused() {
        assertThatThrownBy(() -> Dhcid.fromHex("")).hasMessage("DHCID cannot be blank");
        assertThatThrownBy(() -> Dhcid.fromHex("010")).hasMessageContaining("odd number");
        assertThatThrownBy(() -> Dhcid.fromHex("THIS IS BOGUS")).hasMessageContaining("Invalid data in Dhcid");
        assertThatThrownBy(() -> Dhcid.fromHwAddress(new HwAddress(1, new byte[0]), "a.example.com"))
                .hasMessageContaining("HW address is empty");
        assertThatThrownBy(() -> Dhcid.fromDuid(Bytes.of(new byte[] {1}), "bad..name")).hasMessageContaining("empty label");
    }
}
