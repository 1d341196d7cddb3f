package dev.nestor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nestor.common.net.Ipv4;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterfaceSelectionTest {
    private static final NetInterface LO = new NetInterface(1, "lo", new byte[0],
            List.of(new InterfaceAddress4(Ipv4.parse("127.0.0.1"), 8)), true, true, false);
    private static final NetInterface ETH0 = new NetInterface(2, "eth0", new byte[] {2, 0, 0, 0, 0, 1},
            List.of(new InterfaceAddress4(Ipv4.parse("192.0.2.1"), 24), new InterfaceAddress4(Ipv4.parse("192.0.2.9"), 24)), true, false, true);
    private static final NetInterface ETH1 = new NetInterface(3, "eth1", new byte[] {2, 0, 0, 0, 0, 2},
            List.of(new InterfaceAddress4(Ipv4.parse("198.51.100.1"), 24)), false, false, true);
    private static final List<NetInterface> ALL = List.of(LO, ETH0, ETH1);

    private static InterfaceSelection of(String... specs) {
        return InterfaceSelection.of(List.of(specs).stream().map(InterfaceSpec::parse).toList());
    }

    @Test
    void wildcardAndEmptyListMeanAllNonLoopbackInterfaces() {
        for (InterfaceSelection s : List.of(of("*"), of())) {
            assertThat(s.accepts(ETH0)).isTrue();
            assertThat(s.accepts(ETH1)).isTrue();
            assertThat(s.accepts(LO)).isFalse();
            // listening reports only interfaces that are up
            assertThat(s.listening(ALL)).extracting(NetInterface::name).containsExactly("eth0");
        }
    }

    @Test
    void loopbackOnlyWhenNamed() {
        InterfaceSelection s = of("lo");
        assertThat(s.accepts(LO)).isTrue();
        assertThat(s.accepts(ETH0)).isFalse();
        assertThat(s.listening(ALL)).extracting(NetInterface::name).containsExactly("lo");
        assertThat(of("*", "lo").accepts(LO)).isTrue();
    }

    @Test
    void namedInterfaceIsListedEvenWhenDown() {
        assertThat(of("eth1").listening(ALL)).extracting(NetInterface::name).containsExactly("eth1");
    }

    @Test
    void addressFormAcceptsBroadcastsAndUnicastsToThatAddressOnly() {
        InterfaceSelection s = of("eth0/192.0.2.9");
        assertThat(s.accepts(ETH0)).isTrue();
        assertThat(s.acceptsDestination(ETH0, Ipv4.BROADCAST)).isTrue();
        assertThat(s.acceptsDestination(ETH0, Ipv4.parse("192.0.2.9"))).isTrue();
        assertThat(s.acceptsDestination(ETH0, Ipv4.parse("192.0.2.1"))).isFalse();
        assertThat(s.listening(ALL)).singleElement()
                .satisfies(ni -> assertThat(ni.ipv4()).containsExactly(new InterfaceAddress4(Ipv4.parse("192.0.2.9"), 24)));
        // the bare name widens it again
        assertThat(of("eth0/192.0.2.9", "eth0").acceptsDestination(ETH0, Ipv4.parse("192.0.2.1"))).isTrue();
    }

    @Test
    void validationRejectsUnknownInterfacesAndAddresses() throws IOException {
        of("*", "eth0/192.0.2.1", "lo").validate(ALL);
        assertThatThrownBy(() -> of("eth9").validate(ALL)).isInstanceOf(IOException.class).hasMessage("interface eth9 does not exist");
        assertThatThrownBy(() -> of("eth0/192.0.2.2").validate(ALL)).hasMessage("interface eth0 has no address 192.0.2.2");
    }

    @Test
    void specParsing() {
        assertThat(InterfaceSpec.parse(" eth0/192.0.2.1 ")).isEqualTo(new InterfaceSpec("eth0", Ipv4.parse("192.0.2.1")));
        assertThat(InterfaceSpec.parse("*").isWildcard()).isTrue();
        assertThat(InterfaceSpec.parse("eth0").toString()).isEqualTo("eth0");
        assertThatThrownBy(() -> InterfaceSpec.parse("eth0/300.1.1.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterfaceSpec.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterfaceSpec.parse("*/192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportOptions(List.of("a b"), true, 67, 68)).isInstanceOf(IllegalArgumentException.class);
    }
}
