package dev.nestor.hooks.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.control.Answer;
import dev.nestor.control.CommandRegistry;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.NextStep;
import dev.nestor.hooks.runtime.BuiltinLibraries;
import dev.nestor.hooks.runtime.HookCommands;
import dev.nestor.hooks.runtime.HookEnvironment;
import dev.nestor.hooks.runtime.HookLibraries;
import dev.nestor.hooks.runtime.LibrarySpec;
import dev.nestor.hooks.v4.Envelope4;
import dev.nestor.hooks.v4.Pkt4Receive;
import dev.nestor.hooks.v4.Pkt4Send;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a plugin author tests a library: load it through the server's hook runtime and fire events at it. */
class SampleHookLibraryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Envelope4 ENVELOPE = new Envelope4("eth0", 2, 0, 68, -1);

    private final CommandRegistry registry = new CommandRegistry();

    private HookLibraries load(String parameters) throws Exception {
        HookEnvironment env = HookEnvironment.of(HookPoint.Family.DHCP4, JSON.createObjectNode(), 0, new HookCommands(registry))
                .withBuiltins(BuiltinLibraries.standard().with("sample.jar", SampleHookLibrary::new));
        HookLibraries libs = HookLibraries.load(List.of(new LibrarySpec("sample.jar", JSON.readTree(parameters), "Dhcp4.hooks-libraries[0]")), env);
        libs.activate();
        return libs;
    }

    @Test
    void addsTheOptionDropsTheMacAndAnswersTheCommand() throws Exception {
        try (HookLibraries libs = load("""
                {"option-code": 15, "option-text": "sample.example", "drop-mac": "02:00:00:00:00:66", "greeting": "hi"}""")) {
            Dhcp4Packet other = Dhcp4Packet.newQuery(MessageType4.DISCOVER, 1, HwAddress.parse("02:00:00:00:00:01"));
            Dhcp4Packet bad = Dhcp4Packet.newQuery(MessageType4.DISCOVER, 2, HwAddress.parse("02:00:00:00:00:66"));
            assertThat(libs.dispatcher().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, other, Set.of())).step()).isEqualTo(NextStep.CONTINUE);
            assertThat(libs.dispatcher().fire(HookPoint.PKT4_RECEIVE, new Pkt4Receive(ENVELOPE, bad, Set.of())).step()).isEqualTo(NextStep.DROP);

            Dhcp4Packet offer = Dhcp4Packet.replyTo(other).withMessageType(MessageType4.OFFER);
            Pkt4Send sent = libs.dispatcher().fire(HookPoint.PKT4_SEND, new Pkt4Send(other, offer, null, null)).event();
            assertThat(sent.response().option(15)).contains(Bytes.of("sample.example".getBytes()));

            Answer hello = registry.process("{\"command\": \"sample-hello\", \"arguments\": {\"name\": \"Kea\"}}");
            assertThat(hello.result()).isZero();
            assertThat(hello.text()).isEqualTo("hi, Kea!");
            assertThat(hello.arguments().get("dropped").asLong()).isEqualTo(1);
            assertThat(hello.arguments().get("options-added").asLong()).isEqualTo(1);
        }
        assertThat(registry.isRegistered("sample-hello")).as("gone with the library").isFalse();
    }

    @Test
    void badParametersRefuseTheConfiguration() {
        assertThatThrownBy(() -> load("{\"option-code\": 300}"))
                .hasMessageContaining("hook library 'sample.jar' failed to load: option-code must be 1..254, not 300");
    }
}
