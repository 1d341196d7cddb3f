package dev.nestor.ddns.client;

import dev.nestor.ddns.client.NameDecision.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

import static dev.nestor.ddns.client.ClientFqdn.FLAG_E;
import static dev.nestor.ddns.client.ClientFqdn.FLAG_N;
import static dev.nestor.ddns.client.ClientFqdn.FLAG_O;
import static dev.nestor.ddns.client.ClientFqdn.FLAG_S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kea's D2ClientMgr and processClientName behaviour, case by case (d2_client_unittest.cc, fqdn_unittest.cc). */
class ClientNamePolicyTest {
    private final ClientNamePolicy policy = new ClientNamePolicy();

    private static ClientFqdn fqdn(int flags, String name, boolean full) {
        return new ClientFqdn(flags, 0, 0, name, full);
    }

    // ---- flags (analyzeFqdn / adjustFqdnFlags) ----

    @ParameterizedTest(name = "client S={0} N={1}, enabled={2}, override-no-update={3}, override-client-update={4} -> S={5} N={6} O={7}")
    @CsvSource({
            // updates enabled, no overrides
            "false, false, true,  false, false, false, false, false",
            "true,  false, true,  false, false, true,  false, false",
            "false, true,  true,  false, false, false, true,  false",
            // overrides
            "false, false, true,  false, true,  true,  false, true",
            "false, true,  true,  true,  false, true,  false, true",
            // updates disabled: the server never updates, N=1, O when the client asked for S
            "false, false, false, false, false, false, true,  false",
            "true,  false, false, false, false, false, true,  true",
            "false, true,  false, true,  true,  false, true,  false",
    })
    void responseFlagsFollowKea(boolean s, boolean n, boolean enabled, boolean overrideNoUpdate, boolean overrideClientUpdate,
                                boolean expS, boolean expN, boolean expO) {
        DdnsScope scope = new DdnsScope(Scopes.params("never", "", overrideNoUpdate, overrideClientUpdate), "", "", enabled);
        int flags = ClientNamePolicy.responseFlags(fqdn((s ? FLAG_S : 0) | (n ? FLAG_N : 0), "h", false), scope);
        assertThat((flags & FLAG_S) != 0).as("S").isEqualTo(expS);
        assertThat((flags & FLAG_N) != 0).as("N").isEqualTo(expN);
        assertThat((flags & FLAG_O) != 0).as("O").isEqualTo(expO);
    }

    @Test
    void sendUpdatesFalseDisablesLikeEnableUpdatesFalse() {
        DdnsScope scope = new DdnsScope(new dev.nestor.config.model.DdnsParams(false, false, false, "never", "myhost", "",
                false, "check-with-dhcid", null), "", "", true);
        assertThat(ClientNamePolicy.analyze(true, false, scope)).isEqualTo(new ClientNamePolicy.ServerFlags(false, true));
        assertThatThrownBy(() -> ClientNamePolicy.analyze(true, true, scope)).hasMessageContaining("N and S");
    }

    // ---- qualifyName / generateFqdn ----

    @ParameterizedTest(name = "qualify({0}, {1}, dot={2}) = {3}")
    @CsvSource({
            "myhost, example.com, true, myhost.example.com.",
            "myhost, example.com., true, myhost.example.com.",
            "myhost, example.com, false, myhost.example.com",
            "myhost.example.com, example.com, true, myhost.example.com.",
            "myhost.barexample.com, example.com, true, myhost.barexample.com.example.com.",
            "example.com, example.com, false, example.com",
            "myhost., example.com, false, myhost",
            "myhost, '', true, myhost.",
            "myhost., '', true, myhost.",
    })
    void qualifyAppendsTheSuffixOnce(String name, String suffix, boolean dot, String expected) {
        assertThat(ClientNamePolicy.qualify(name, suffix, dot)).isEqualTo(expected);
    }

    @Test
    void generatedNamesUseThePrefixAndTheAddressWithDashes() throws Exception {
        DdnsScope scope = Scopes.enabled("never", "example.com");
        assertThat(ClientNamePolicy.generate(InetAddress.getByName("192.0.2.10"), scope, true)).isEqualTo("myhost-192-0-2-10.example.com.");
        assertThat(ClientNamePolicy.generate(InetAddress.getByName("192.0.2.10"), scope, false)).isEqualTo("myhost-192-0-2-10.example.com");
        assertThat(ClientNamePolicy.generate(InetAddress.getByName("2001:db8::"), scope, true)).isEqualTo("myhost-2001-db8--0.example.com.");
        assertThat(ClientNamePolicy.generate(InetAddress.getByName("2001:db8::1"), scope, true)).isEqualTo("myhost-2001-db8--1.example.com.");
    }

    // ---- DHCPv4 Client FQDN ----

    @ParameterizedTest(name = "replace-client-name {0}, client name ''{1}'' -> ''{2}''")
    @CsvSource({
            "never, myhost, myhost.example.com.",
            "never, '', ''",
            "always, myhost, ''",
            "always, '', ''",
            "when-present, myhost, ''",
            "when-present, '', ''",
            "when-not-present, myhost, myhost.example.com.",
            "when-not-present, '', ''",
    })
    void replaceClientNameModes(String mode, String clientName, String expected) {
        NameDecision d = policy.fqdn4(fqdn(FLAG_S | FLAG_E, clientName, false), null, Scopes.enabled(mode, "example.com"));
        assertThat(d.answer()).isEqualTo(Answer.FQDN);
        assertThat(d.hostname()).isEqualTo(expected);
        assertThat(d.fqdn().name()).isEqualTo(expected);
        assertThat(d.needsGeneratedName()).isEqualTo(expected.isEmpty());
        assertThat(d.forward()).isTrue();
        assertThat(d.reverse()).isTrue();
    }

    @Test
    void fullNamesAreKeptAndTheClientsEFlagAndRcodesComeBack() {
        NameDecision d = policy.fqdn4(new ClientFqdn(FLAG_S | FLAG_E, 255, 255, "Host.Other.Org.", true), null,
                Scopes.enabled("never", "example.com"));
        assertThat(d.hostname()).isEqualTo("host.other.org.");
        assertThat(d.fqdn().flags()).isEqualTo(FLAG_S | FLAG_E);
        assertThat(d.fqdn().rcode1()).isEqualTo(255);
        NameDecision ascii = policy.fqdn4(fqdn(FLAG_S, "host", false), null, Scopes.enabled("never", "example.com"));
        assertThat(ascii.fqdn().e()).isFalse();
        assertThat(ascii.fqdn().full()).isTrue();
    }

    @Test
    void clientDoingItsOwnForwardUpdateGetsOnlyTheReverseFromUs() {
        NameDecision d = policy.fqdn4(fqdn(0, "myhost", false), null, Scopes.enabled("never", "example.com"));
        assertThat(d.forward()).isFalse();
        assertThat(d.reverse()).isTrue();
        assertThat(d.fqdn().flags()).isZero();
    }

    @Test
    void disabledUpdatesStillQualifyTheNameButUpdateNothing() {
        NameDecision d = policy.fqdn4(fqdn(FLAG_S, "myhost", false), null, Scopes.disabled("never", "example.com"));
        assertThat(d.hostname()).isEqualTo("myhost.example.com.");
        assertThat(d.forward()).isFalse();
        assertThat(d.reverse()).isFalse();
        assertThat(d.fqdn().flags()).isEqualTo(FLAG_N | FLAG_O);
        assertThat(d.updatesDns()).isFalse();
    }

    @Test
    void reservedHostnameWinsOverTheClientsNameAndTheMode() {
        NameDecision d = policy.fqdn4(fqdn(FLAG_S, "client", false), "Reserved", Scopes.enabled("always", "example.com"));
        assertThat(d.hostname()).isEqualTo("reserved.example.com.");
        NameDecision h = policy.hostname4("client", "Reserved", Scopes.enabled("always", "example.com"));
        assertThat(h.hostname()).isEqualTo("reserved.example.com");
        assertThat(h.hostnameOption()).isEqualTo("reserved.example.com");
    }

    @Test
    void invalidFlagsGiveNoAnswer() {
        NameDecision d = policy.fqdn4(new ClientFqdn(FLAG_S | FLAG_N, 0, 0, "x", false), null, Scopes.enabled("never", ""));
        assertThat(d.answer()).isEqualTo(Answer.NONE);
        assertThat(d.hostname()).isEmpty();
    }

    // ---- hostname-char-set ----

    @Test
    void clientNamesAreSanitisedLabelByLabel() {
        NameDecision d = policy.fqdn4(fqdn(FLAG_S, "my_host.sub", false), null, Scopes.sanitizing("[^A-Za-z0-9.-]", "x"));
        assertThat(d.hostname()).isEqualTo("myxhost.sub.example.com.");
        NameDecision dropped = policy.fqdn4(fqdn(FLAG_S, "my_host", false), null, Scopes.sanitizing("[^A-Za-z0-9.-]", ""));
        assertThat(dropped.hostname()).isEqualTo("myhost.example.com.");
    }

    @Test
    void aNameThatSanitisesToNothingGetsNoAnswer() {
        assertThat(policy.fqdn4(fqdn(FLAG_S, "___", false), null, Scopes.sanitizing("[^A-Za-z0-9.-]", "")).answer())
                .isEqualTo(Answer.NONE);
        assertThat(policy.fqdn4(fqdn(FLAG_S, "a.___.b", false), null, Scopes.sanitizing("[^A-Za-z0-9.-]", "")).answer())
                .isEqualTo(Answer.NONE);
        assertThat(policy.hostname4("___", null, Scopes.sanitizing("[^A-Za-z0-9.-]", "")).answer()).isEqualTo(Answer.NONE);
    }

    @Test
    void hostnameOptionIsSanitisedAsAWhole() {
        NameDecision d = policy.hostname4("My Laptop", null, Scopes.sanitizing("[^A-Za-z0-9.-]", "-"));
        assertThat(d.hostname()).isEqualTo("my-laptop.example.com");
    }

    // ---- DHCPv4 Host Name (option 12) ----

    @ParameterizedTest(name = "replace-client-name {0}, option 12 ''{1}'' -> answer {2} ''{3}''")
    @CsvSource({
            "never, myhost, HOSTNAME, myhost.example.com",
            "never, Host.Other.Org, HOSTNAME, host.other.org",
            "never, myhost., HOSTNAME, myhost",
            "never, ., HOSTNAME, ''",
            "always, myhost, HOSTNAME, ''",
            "when-present, myhost, HOSTNAME, ''",
            "when-not-present, myhost, HOSTNAME, myhost.example.com",
    })
    void hostnameOption(String mode, String sent, Answer answer, String hostname) {
        NameDecision d = policy.hostname4(sent, null, Scopes.enabled(mode, "example.com"));
        assertThat(d.answer()).isEqualTo(answer);
        assertThat(d.hostname()).isEqualTo(hostname);
        assertThat(d.forward()).isTrue();
        assertThat(d.reverse()).isTrue();
    }

    @Test
    void withoutAHostnameOptionOnlySupplyingModesAnswer() {
        assertThat(policy.hostname4(null, null, Scopes.enabled("never", "example.com")).answer()).isEqualTo(Answer.NONE);
        assertThat(policy.hostname4(null, null, Scopes.enabled("when-present", "example.com")).answer()).isEqualTo(Answer.NONE);
        NameDecision always = policy.hostname4(null, null, Scopes.enabled("always", "example.com"));
        assertThat(always.answer()).isEqualTo(Answer.HOSTNAME);
        assertThat(always.needsGeneratedName()).isTrue();
        assertThat(policy.hostname4(null, null, Scopes.enabled("when-not-present", "")).needsGeneratedName()).isTrue();
        assertThat(policy.hostname4("", null, Scopes.enabled("never", "")).answer()).isEqualTo(Answer.NONE);
    }

    @Test
    void hostnameWithUpdatesDisabledIsStoredWithoutDirections() {
        NameDecision d = policy.hostname4("myhost", null, Scopes.disabled("never", "example.com"));
        assertThat(d.hostname()).isEqualTo("myhost.example.com");
        assertThat(d.forward()).isFalse();
        assertThat(d.reverse()).isFalse();
    }

    // ---- later stages ----

    @Test
    void generatedNameFillsTheLeaseAndTheOption() throws Exception {
        DdnsScope scope = Scopes.enabled("always", "example.com");
        NameDecision d = policy.fqdn4(fqdn(FLAG_S | FLAG_E, "client", false), null, scope);
        NameDecision g = d.withGeneratedName(ClientNamePolicy.generate(InetAddress.getByName("192.0.2.7"), scope, true));
        assertThat(g.hostname()).isEqualTo("myhost-192-0-2-7.example.com.");
        assertThat(g.fqdn().name()).isEqualTo("myhost-192-0-2-7.example.com.");
        assertThat(g.fqdn().full()).isTrue();
        assertThat(g.needsGeneratedName()).isFalse();
        NameDecision h = policy.hostname4(null, null, scope).withGeneratedName("myhost-192-0-2-7.example.com");
        assertThat(h.hostnameOption()).isEqualTo("myhost-192-0-2-7.example.com");
    }

    @Test
    void hookChangesTurnTheServerUpdateOffInTheFqdnAnswer() {
        NameDecision d = policy.fqdn4(fqdn(FLAG_S, "client", false), null, Scopes.enabled("never", "example.com"));
        assertThat(d.withHookResult(d.hostname(), true, true)).isSameAs(d);
        NameDecision h = d.withHookResult("other.example.com.", false, false);
        assertThat(h.hostname()).isEqualTo("other.example.com.");
        assertThat(h.fqdn().s()).isFalse();
        assertThat(h.fqdn().n()).isTrue();
        assertThat(h.updatesDns()).isFalse();
    }

    // ---- DHCPv6 ----

    @Test
    void dhcpv6WithoutOptionGeneratesOnlyWhenTheModeSuppliesNames() {
        NameDecision gen = policy.fqdn6(null, null, Scopes.enabled("when-not-present", "example.com"));
        assertThat(gen.answer()).isEqualTo(Answer.FQDN);
        assertThat(gen.fqdn().s()).isTrue();
        assertThat(gen.needsGeneratedName()).isTrue();
        NameDecision none = policy.fqdn6(null, "res", Scopes.enabled("never", "example.com"));
        assertThat(none.answer()).isEqualTo(Answer.NONE);
        assertThat(none.hostname()).isEqualTo("res");
        assertThat(none.updatesDns()).isFalse();
        NameDecision sent = policy.fqdn6(ClientFqdn.v6(FLAG_S, "h6", false), null, Scopes.enabled("never", "example.com"));
        assertThat(sent.hostname()).isEqualTo("h6.example.com.");
        assertThat(sent.fqdn().e()).isFalse();
    }
}
