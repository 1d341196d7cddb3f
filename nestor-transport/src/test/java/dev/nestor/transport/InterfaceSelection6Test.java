package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceSelection6Test {
    private static final InterfaceAddress6 ETH0_LL = InterfaceAddress6.of("fe80::1", 64);
    private static final InterfaceAddress6 ETH0_G1 = InterfaceAddress6.of("2001:db8:1::1", 64);
    private static final InterfaceAddress6 ETH0_G2 = InterfaceAddress6.of("2001:db8:1::2", 64);
    private static final NetInterface LO = new NetInterface(1, "lo", null, List.of(), true, true, false,
            List.of(InterfaceAddress6.of("::1", 128)));
    private static final NetInterface ETH0 = new NetInterface(2, "eth0", new byte[] {2, 0, 0, 0, 0, 1}, List.of(), true, false, true,
            List.of(ETH0_G1, ETH0_G2, ETH0_LL));
    private static final NetInterface ETH1 = new NetInterface(3, "eth1", new byte[] {2, 0, 0, 0, 0, 2}, List.of(), false, false, true,
            List.of(InterfaceAddress6.of("fe80::2", 64)));
    private static final List<NetInterface> ALL = List.of(LO, ETH0, ETH1);

    private static InterfaceSelection6 of(String... specs) {
        return InterfaceSelection6.of(List.of(specs).stream().map(InterfaceSpec6::parse).toList());
    }

    private static byte[] ip(String text) { return Ipv6Text.parse(text); }

    @Test
    void wildcardMeansUpNonLoopbackInterfacesAndJoinsOnlyThose() {
        for (InterfaceSelection6 s : List.of(of("*"), of())) {
            assertThat(s.accepts(ETH0)).isTrue();
            assertThat(s.accepts(ETH1)).isTrue(); // may come up later
            assertThat(s.accepts(LO)).isFalse();
            assertThat(s.joins(ETH0)).isTrue();
            assertThat(s.joins(ETH1)).isFalse();
            assertThat(s.listening(ALL)).extracting(NetInterface::name).containsExactly("eth0");
        }
        assertThat(of("lo").accepts(LO)).isTrue();
        assertThat(of("eth1").joins(ETH1)).as("a named interface is joined even when down").isTrue();
    }

    @Test
    void bareNameTakesMulticastAndLinkLocalOnly() {
        InterfaceSelection6 s = of("eth0");
        assertThat(s.acceptsDestination(ETH0, ip("ff02::1:2"))).isTrue();
        assertThat(s.acceptsDestination(ETH0, ip("fe80::1"))).isTrue();
        assertThat(s.acceptsDestination(ETH0, ip("2001:db8:1::1"))).isFalse();
        assertThat(s.acceptsDestination(ETH0, ip("ff02::1"))).as("another group").isFalse();
        assertThat(s.listening(ALL)).singleElement().satisfies(ni -> assertThat(ni.ipv6()).containsExactly(ETH0_LL));
    }

    @Test
    void addressFormAddsThatUnicastAddress() {
        InterfaceSelection6 s = of("eth0", "eth0/2001:db8:1::2");
        assertThat(s.acceptsDestination(ETH0, ip("2001:db8:1::2"))).isTrue();
        assertThat(s.acceptsDestination(ETH0, ip("2001:db8:1::1"))).isFalse();
        assertThat(s.acceptsDestination(ETH0, ip("ff02::1:2"))).isTrue();
        assertThat(s.listening(ALL)).singleElement().satisfies(ni -> assertThat(ni.ipv6()).containsExactly(ETH0_G2, ETH0_LL));
        // on another interface the address is not accepted
        assertThat(of("*", "eth0/2001:db8:1::2").acceptsDestination(ETH1, ip("2001:db8:1::2"))).isFalse();
    }

    @Test
    void validationRejectsUnknownInterfacesAndAddresses() throws IOException {
        of("*", "eth0/2001:db8:1::1", "lo/::1").validate(ALL);
        assertThatThrownBy(() -> of("eth9").validate(ALL)).isInstanceOf(IOException.class).hasMessage("interface eth9 does not exist");
        assertThatThrownBy(() -> of("eth0/2001:db8:1::9").validate(ALL)).hasMessage("interface eth0 has no address 2001:db8:1::9");
        assertThatThrownBy(() -> of("eth1/2001:db8:1::1").validate(ALL)).hasMessage("interface eth1 has no address 2001:db8:1::1");
    }
}
