package dev.nestor.ddns.ncr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kea's NCR JSON as Kea 2.2, 3.0 and 3.1+ write it, decoded field by field; our encoding byte for byte. */
class NcrCodecTest {
    /** As Kea 2.2's toJSON writes it (the Debian kea-dhcp4 2.2 sends exactly this shape). */
    static final String KEA22 = "{\"change-type\":0,\"forward-change\":true,\"reverse-change\":false,"
            + "\"fqdn\":\"walah.walah.com.\",\"ip-address\":\"192.168.2.1\",\"dhcid\":\"010203040A7F8E3D\","
            + "\"lease-expires-on\":\"20130121132405\",\"lease-length\":1300,\"use-conflict-resolution\":true}";
    /** As Kea 3.0 writes it. */
    static final String KEA30 = "{\"change-type\":1,\"forward-change\":true,\"reverse-change\":true,"
            + "\"fqdn\":\"myhost.example.com.\",\"ip-address\":\"2001:db8::1\",\"dhcid\":\"000201020304\","
            + "\"lease-expires-on\":\"20240101000000\",\"lease-length\":3600,"
            + "\"conflict-resolution-mode\":\"check-exists-with-dhcid\"}";
    /** As Kea 3.1+ writes it: no lease-expires-on. */
    static final String KEA31 = "{\"change-type\":0,\"forward-change\":false,\"reverse-change\":true,"
            + "\"fqdn\":\"h.example.com.\",\"ip-address\":\"192.0.2.7\",\"dhcid\":\"0001010203\","
            + "\"lease-length\":0,\"conflict-resolution-mode\":\"no-check-without-dhcid\"}";

    @Test
    void decodesKea22Json() throws Exception {
        NameChangeRequest n = NcrCodec.fromJson(KEA22);
        assertThat(n.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(n.forwardChange()).isTrue();
        assertThat(n.reverseChange()).isFalse();
        assertThat(n.fqdn()).isEqualTo("walah.walah.com.");
        assertThat(n.ipAddress()).isEqualTo(InetAddress.ofLiteral("192.168.2.1"));
        assertThat(n.dhcid().toHex()).isEqualTo("010203040A7F8E3D");
        assertThat(n.leaseExpiresOn()).isEqualTo(1358774645L); // 2013-01-21T13:24:05Z
        assertThat(n.leaseLength()).isEqualTo(1300);
        assertThat(n.conflictResolutionMode()).isEqualTo(ConflictResolutionMode.CHECK_WITH_DHCID);
    }

    @Test
    void decodesKea30AndKea31Json() throws Exception {
        NameChangeRequest n = NcrCodec.fromJson(KEA30);
        assertThat(n.changeType()).isEqualTo(ChangeType.REMOVE);
        assertThat(n.isV6()).isTrue();
        assertThat(n.ipAddressText()).isEqualTo("2001:db8::1");
        assertThat(n.conflictResolutionMode()).isEqualTo(ConflictResolutionMode.CHECK_EXISTS_WITH_DHCID);
        assertThat(n.leaseExpiresOn()).isEqualTo(1704067200L);

        NameChangeRequest m = NcrCodec.fromJson(KEA31);
        assertThat(m.leaseExpiresOn()).isZero();
        assertThat(m.forwardChange()).isFalse();
        assertThat(m.reverseChange()).isTrue();
        assertThat(m.conflictResolutionMode()).isEqualTo(ConflictResolutionMode.NO_CHECK_WITHOUT_DHCID);
    }

    @Test
    void conflictResolutionModeWinsOverTheOldBooleanAndTheBooleanMapsAsInKea() throws Exception {
        String both = KEA22.replace("\"use-conflict-resolution\":true",
                "\"use-conflict-resolution\":true,\"conflict-resolution-mode\":\"no-check-with-dhcid\"");
        assertThat(NcrCodec.fromJson(both).conflictResolutionMode()).isEqualTo(ConflictResolutionMode.NO_CHECK_WITH_DHCID);
        String off = KEA22.replace("\"use-conflict-resolution\":true", "\"use-conflict-resolution\":false");
        assertThat(NcrCodec.fromJson(off).conflictResolutionMode()).isEqualTo(ConflictResolutionMode.NO_CHECK_WITH_DHCID);
        String none = KEA22.replace(",\"use-conflict-resolution\":true", "");
        assertThat(NcrCodec.fromJson(none).conflictResolutionMode()).isEqualTo(ConflictResolutionMode.CHECK_WITH_DHCID);
    }

    @Test
    void encodesEveryFieldEveryKeaVersionReads() throws Exception {
        NameChangeRequest n = NcrCodec.fromJson(KEA30);
        assertThat(NcrCodec.toJson(n)).isEqualTo("{\"change-type\":1,\"forward-change\":true,\"reverse-change\":true,"
                + "\"fqdn\":\"myhost.example.com.\",\"ip-address\":\"2001:db8::1\",\"dhcid\":\"000201020304\","
                + "\"lease-expires-on\":\"20240101000000\",\"lease-length\":3600,\"use-conflict-resolution\":true,"
                + "\"conflict-resolution-mode\":\"check-exists-with-dhcid\"}");
    }

    @Test
    void datagramIsTwoByteLengthThenJson() throws Exception {
        NameChangeRequest n = NcrCodec.fromJson(KEA22);
        byte[] d = NcrCodec.encode(n);
        byte[] json = NcrCodec.toJson(n).getBytes(StandardCharsets.UTF_8);
        assertThat(d.length).isEqualTo(json.length + 2);
        assertThat((d[0] & 0xFF) << 8 | d[1] & 0xFF).isEqualTo(json.length);
        assertThat(Arrays.copyOfRange(d, 2, d.length)).isEqualTo(json);
        assertThat(NcrCodec.decode(d)).isEqualTo(n);
    }

    @Test
    void decodesALiteralKeaDatagram() throws Exception {
        byte[] json = KEA22.getBytes(StandardCharsets.US_ASCII);
        byte[] d = new byte[json.length + 2];
        d[0] = 0x00;
        d[1] = (byte) json.length; // 230 bytes: the high byte is zero
        System.arraycopy(json, 0, d, 2, json.length);
        assertThat(json.length).isLessThan(256);
        assertThat(NcrCodec.decode(d).fqdn()).isEqualTo("walah.walah.com.");
    }

    @Test
    void truncatedDatagramsAreRefused() throws Exception {
        assertThatThrownBy(() -> NcrCodec.decode(new byte[] {0})).isInstanceOf(NcrFormatException.class)
                .hasMessageContaining("shorter than the length field");
        byte[] d = NcrCodec.encode(NcrCodec.fromJson(KEA22));
        assertThatThrownBy(() -> NcrCodec.decode(d, 0, d.length - 1)).isInstanceOf(NcrFormatException.class)
                .hasMessageContaining("length field says");
    }

    @Test
    void roundTripsIpv6AndRemoveAndAllModes() throws Exception {
        for (ConflictResolutionMode mode : ConflictResolutionMode.values()) {
            NameChangeRequest n = new NameChangeRequest(ChangeType.REMOVE, true, true, "Host.Example.org",
                    InetAddress.ofLiteral("2001:db8:0:0:1:0:0:1"), Dhcid.fromHex("0002010203"), 1700000000L, 7200, mode);
            assertThat(n.fqdn()).isEqualTo("Host.Example.org.");
            assertThat(n.ipAddressText()).isEqualTo("2001:db8::1:0:0:1");
            assertThat(NcrCodec.decode(NcrCodec.encode(n))).isEqualTo(n);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad change type        | "change-type":0 | "change-type":7 | Invalid data value for change_type: 7
            change type as string  | "change-type":0 | "change-type":"0" | Wrong data type for change_type
            forward not boolean    | "forward-change":true | "forward-change":"yes" | Wrong data type for forward-change
            both directions off    | "forward-change":true | "forward-change":false | forward and reverse flags are both false
            blank fqdn             | "fqdn":"walah.walah.com." | "fqdn":"" | FQDN cannot be blank
            bad fqdn               | "fqdn":"walah.walah.com." | "fqdn":"bad..name" | Invalid FQDN value: bad..name
            bad address            | "ip-address":"192.168.2.1" | "ip-address":"x192.168.2.1" | Invalid ip address string for ip_address: x192.168.2.1
            host name as address   | "ip-address":"192.168.2.1" | "ip-address":"localhost" | Invalid ip address string for ip_address: localhost
            blank dhcid            | "dhcid":"010203040A7F8E3D" | "dhcid":"" | DHCID cannot be blank
            odd dhcid              | "dhcid":"010203040A7F8E3D" | "dhcid":"010" | Invalid data in Dhcid
            text dhcid             | "dhcid":"010203040A7F8E3D" | "dhcid":"THIS IS BOGUS!!!" | Invalid data in Dhcid
            bad expiry             | "lease-expires-on":"20130121132405" | "lease-expires-on":"2013-01-21" | Invalid date-time string: [2013-01-21]
            impossible expiry      | "lease-expires-on":"20130121132405" | "lease-expires-on":"20131321132405" | Invalid date-time string
            negative lease length  | "lease-length":1300 | "lease-length":-1 | is negative
            huge lease length      | "lease-length":1300 | "lease-length":4294967296 | too large for unsigned 32-bit
            missing lease length   | "lease-length":1300, | '' | NameChangeRequest value missing for: lease-length
            bad mode               | "use-conflict-resolution":true | "conflict-resolution-mode":"sometimes" | Invalid ConflictResolutionMode: sometimes
            mode not a string      | "use-conflict-resolution":true | "conflict-resolution-mode":1 | Wrong data type for conflict-resolution-mode
            old flag not boolean   | "use-conflict-resolution":true | "use-conflict-resolution":"yes" | Wrong data type for use-conflict-resolution
            """)
    void invalidRequestsAreRefusedWithKeasReason(String name, String from, String to, String message) {
        String json = KEA22.replace(from, to);
        assertThat(json).isNotEqualTo(KEA22);
        assertThatThrownBy(() -> NcrCodec.fromJson(json)).isInstanceOf(NcrFormatException.class).hasMessageContaining(message);
    }

    @Test
    void notJsonOrNotAMapIsRefused() {
        assertThatThrownBy(() -> NcrCodec.fromJson("{ not json")).hasMessageContaining("Malformed NameChangeRequest JSON");
        assertThatThrownBy(() -> NcrCodec.fromJson("[1,2]")).hasMessageContaining("Malformed NameChangeRequest JSON");
        assertThatThrownBy(() -> NcrCodec.fromJson("{}")).hasMessage("NameChangeRequest value missing for: change-type");
    }

    @Test
    void expiryTextIsKeasTimeToText64() throws Exception {
        assertThat(NcrCodec.expiresText(0)).isEqualTo("19700101000000");
        assertThat(NcrCodec.expiresText(1358774645L)).isEqualTo("20130121132405");
        assertThat(NcrCodec.parseExpires("20130121132405")).isEqualTo(1358774645L);
    }
}
