package dev.nestor.dhcp.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Address text of both protocols as the shared command sets read it. */
class AddressesTest {
    @Test
    void poolSpellingsOfTheSameRangeAreOneIdentity() {
        assertThat(Addresses.range("192.0.2.0/30", 4)).isEqualTo(Addresses.range("192.0.2.0 - 192.0.2.3", 4));
        assertThat(Addresses.range("2001:db8:1::/126", 6)).isEqualTo(Addresses.range("2001:db8:1:0::0-2001:db8:1::3", 6));
        assertThat(Addresses.range("2001:db8::/64", 6)).isEqualTo(List.of(
                new BigInteger("20010db8000000000000000000000000", 16), new BigInteger("20010db800000000ffffffffffffffff", 16)));
        assertThat(Addresses.range("no pool", 4)).isEqualTo("nopool");
    }

    @Test
    void canonicalTextAndNumbers() {
        assertThat(Addresses.canonical("2001:DB8:0::1", 6)).isEqualTo("2001:db8::1");
        assertThat(Addresses.canonical("192.0.2.1", 6)).as("IPv4 is no IPv6 address").isNull();
        assertThat(Addresses.canonical("2001:db8::1", 4)).isNull();
        assertThat(Addresses.canonicalPrefix("192.0.2.5 / 24", 4)).isEqualTo("192.0.2.0/24");
        assertThat(Addresses.text(Addresses.number("255.255.255.255", 4), 4)).isEqualTo("255.255.255.255");
        assertThat(Addresses.text(Addresses.number("2001:db8::ff", 6), 6)).isEqualTo("2001:db8::ff");
    }

    @Test
    void leaseAddressesWithKeasTexts() throws Exception {
        assertThat(Addresses.leaseAddress("2001:db8::0:1", 6)).isEqualTo("2001:db8::1");
        assertThatThrownBy(() -> Addresses.leaseAddress("192.0.2.1", 6)).hasMessage("Non-IPv6 address specified: 192.0.2.1");
        assertThatThrownBy(() -> Addresses.leaseAddress("2001:db8::1", 4)).hasMessage("Non-IPv4 address specified: 2001:db8::1");
        assertThatThrownBy(() -> Addresses.leaseAddress("nope", 4))
                .hasMessage("Failed to convert 'nope' to address: Failed to convert string to address 'nope': Invalid argument");
    }

    @Test
    void subtractFindsTheRangesNoNewPoolCovers() {
        BigInteger[] old = {BigInteger.valueOf(10), BigInteger.valueOf(99)};
        List<BigInteger[]> lost = ConfigDiff.subtract(List.<BigInteger[]>of(old),
                List.of(new BigInteger[] {BigInteger.valueOf(10), BigInteger.valueOf(39)}, new BigInteger[] {BigInteger.valueOf(60), BigInteger.valueOf(69)}));
        assertThat(lost).hasSize(2);
        assertThat(lost.get(0)).containsExactly(BigInteger.valueOf(40), BigInteger.valueOf(59));
        assertThat(lost.get(1)).containsExactly(BigInteger.valueOf(70), BigInteger.valueOf(99));
    }
}
