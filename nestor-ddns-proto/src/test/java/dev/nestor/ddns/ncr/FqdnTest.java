package dev.nestor.ddns.ncr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FqdnTest {
    @Test
    void wireFormIsLengthPrefixedLabelsEndingWithRoot() {
        assertThat(Fqdn.toWire("chi6.Example.com", true))
                .containsExactly(4, 'c', 'h', 'i', '6', 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0);
        assertThat(Fqdn.toWire("A.", false)).containsExactly(1, 'A', 0);
        assertThat(Fqdn.toWire(".", true)).containsExactly(0);
    }

    @Test
    void escapesAreUnderstood() {
        assertThat(Fqdn.toWire("a\\.b.c", false)).containsExactly(3, 'a', '.', 'b', 1, 'c', 0);
        assertThat(Fqdn.toWire("\\065.c", true)).containsExactly(1, 'a', 1, 'c', 0);
        assertThat(Fqdn.absolute("a\\.")).isEqualTo("a\\..");
    }

    @Test
    void absoluteAddsTheTrailingDotAndKeepsCase() {
        assertThat(Fqdn.absolute("Host.Example.org")).isEqualTo("Host.Example.org.");
        assertThat(Fqdn.absolute("host.example.org.")).isEqualTo("host.example.org.");
        assertThat(Fqdn.canonical("Host.Example.org")).isEqualTo("host.example.org.");
    }

    @Test
    void malformedNamesAreRefused() {
        assertThatThrownBy(() -> Fqdn.toWire("", true)).hasMessageContaining("empty name");
        assertThatThrownBy(() -> Fqdn.toWire("a..b", true)).hasMessageContaining("empty label");
        assertThatThrownBy(() -> Fqdn.toWire("x".repeat(64) + ".com", true)).hasMessageContaining("longer than 63");
        assertThatThrownBy(() -> Fqdn.toWire(("x".repeat(60) + ".").repeat(5), true)).hasMessageContaining("longer than 255");
        assertThatThrownBy(() -> Fqdn.toWire("a\\", true)).hasMessageContaining("dangling escape");
    }
}
