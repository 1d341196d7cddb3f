package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast paths give exactly what the general parsers give, and leave every other form to them. */
class RowTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "255.255.255.255", "198.18.0.1", "010.001.000.009", " 10.0.0.1"})
    void ipv4AsTheGeneralParser(String text) {
        assertThat(RowText.ipv4(text)).isEqualTo(Ipv4.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.4x", "", "1234.1.1.1"})
    void invalidIpv4IsRejectedAsBefore(String text) {
        assertThatThrownBy(() -> Ipv4.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowText.ipv4(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:0c:01:02:03:04", "AA:bb:Cc:dd:ee:ff", "01", "0a-0b-0c", "1:2:3", "0a0b0c",
            "00:0c:01:02:03:04:05:06", "0g:00", "00:", "00::01", "001:02", ":00", "+1:02"})
    void hexAgreesWithTheGeneralParser(String text) {
        Object general = outcome(() -> HwAddress.parse(text));
        assertThat(outcome(() -> RowText.hwAddress(text))).isEqualTo(general);
        assertThat(outcome(() -> RowText.bytes(text))).isEqualTo(outcome(() -> Bytes.fromHex(text)));
    }

    /** The parsed value, or the exception's class when parsing fails. */
    private static Object outcome(java.util.function.Supplier<Object> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
