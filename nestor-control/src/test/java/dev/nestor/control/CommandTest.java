package dev.nestor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTest {
    @Test
    void parsesCommandArgumentsAndService() throws CommandException {
        Command c = Command.parse("""
                {"command": "statistic-get", "arguments": {"name": "pkt4-received"}, "service": ["dhcp4"]}""");
        assertThat(c.command()).isEqualTo("statistic-get");
        assertThat(c.arguments().get("name").textValue()).isEqualTo("pkt4-received");
        assertThat(c.argument("name")).hasValueSatisfying(n -> assertThat(n.textValue()).isEqualTo("pkt4-received"));
        assertThat(c.service()).containsExactly("dhcp4");
    }

    @Test
    void argumentsAndServiceAreOptional() throws CommandException {
        Command c = Command.parse("{\"command\": \"list-commands\", \"remote-address\": \"127.0.0.1\"}");
        assertThat(c).isEqualTo(Command.of("list-commands"));
        assertThat(c.arguments()).isNull();
        assertThat(c.service()).isEmpty();
        assertThat(c.argument("x")).isEmpty();
    }

    @Test
    void argumentsCannotBeChangedThroughTheRecord() throws CommandException {
        Command c = Command.parse("{\"command\": \"x\", \"arguments\": {\"a\": 1}}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) c.arguments()).put("a", 2);
        assertThat(c.arguments().get("a").intValue()).isEqualTo(1);
    }

    @Test
    void rejectsNonCommandsWithKeaTexts() {
        assertThatThrownBy(() -> Command.parse("[1, 2]"))
                .isInstanceOf(CommandException.class)
                .hasMessage("invalid command: expected toplevel entry to be a map, got list instead");
        assertThatThrownBy(() -> Command.parse("{\"arguments\": {}}"))
                .hasMessage("invalid command: does not contain mandatory 'command'");
        assertThatThrownBy(() -> Command.parse("{\"command\": \"x\", \"extra\": 1}"))
                .hasMessage("invalid command: unsupported parameter 'extra'");
        assertThatThrownBy(() -> Command.parse("{\"command\": 5}"))
                .hasMessage("invalid command: expected 'command' to be a string, got integer instead");
        assertThatThrownBy(() -> Command.parse("{\"command\": \"x\", \"service\": \"dhcp4\"}"))
                .hasMessage("invalid command: expected 'service' to be a list, got string instead");
        assertThatThrownBy(() -> Command.parse("{\"command\": ")).isInstanceOf(CommandException.class);
    }

    @Test
    void writesItselfAsKeaDoes() {
        Command c = new Command("config-get", null, List.of("dhcp4"));
        assertThat(c.toJson()).isEqualTo("{ \"command\": \"config-get\", \"service\": [ \"dhcp4\" ] }");
    }
}
