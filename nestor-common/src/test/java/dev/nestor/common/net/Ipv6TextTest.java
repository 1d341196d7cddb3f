package dev.nestor.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6TextTest {
    /** Hex of the 16 bytes, and the text glibc's inet_ntop (so Kea) prints for them. */
    @ParameterizedTest
    @CsvSource({
            "00000000000000000000000000000000, ::",
            "00000000000000000000000000000001, ::1",
            "20010db8000000000000000000000001, 2001:db8::1",
            "20010db8000100000000000000000000, 2001:db8:1::",
            "20010db8000000010000000000000001, 2001:db8:0:1::1",   // the longer run wins
            "20010db8000000000001000000000001, 2001:db8::1:0:0:1", // first run wins a tie
            "20010db8000100020003000400050006, 2001:db8:1:2:3:4:5:6",
            "20010db8000000010001000100010001, 2001:db8:0:1:1:1:1:1", // a single zero group stays
            "00000000000000000000ffffc0000201, ::ffff:192.0.2.1",
            "000000000000000000000000c0000201, ::192.0.2.1",
            "fe800000000000000211223344556677, fe80::211:2233:4455:6677",
            "ffffffffffffffffffffffffffffffff, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "00010000000000000000000000000000, 1::",
    })
    void formatsLikeInetNtopAndParsesBack(String hex, String text) {
        Bytes b = Bytes.fromHex(hex);
        assertThat(Ipv6Text.format(b)).isEqualTo(text);
        assertThat(Ipv6Text.parse(text)).isEqualTo(b);
    }

    @ParameterizedTest
    @CsvSource({
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2001:0db8:0000::0001, 2001:db8::1",
            "0:0:0:0:0:ffff:c000:201, ::ffff:192.0.2.1",
            "::ffff:c000:0201, ::ffff:192.0.2.1",
            "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
    })
    void parsesOtherSpellings(String in, String canonical) {
        assertThat(Ipv6Text.format(Ipv6Text.parse(in))).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:", ":1", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::",
            "1:2:3:4:5:6:7:8::", "g::", "192.0.2.1", "::1.2.3", "::1.2.3.256", "::01.2.3.4", "1::2:", "2001:db8::1%eth0"})
    void rejectsWhatInetPtonRejects(String text) {
        assertThatThrownBy(() -> Ipv6Text.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
