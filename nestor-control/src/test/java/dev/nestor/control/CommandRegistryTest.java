package dev.nestor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandRegistryTest {
    private final CommandRegistry registry = new CommandRegistry();

    @Test
    void unknownCommandGetsKeaText() {
        Answer a = registry.dispatch(Command.of("foo"));
        assertThat(a.toJson()).isEqualTo("{ \"result\": 2, \"text\": \"'foo' command not supported.\" }");
    }

    @Test
    void dispatchesToTheRegisteredHandler() {
        registry.register("version-get", c -> Answer.success("1.0.0"));
        assertThat(registry.dispatch(Command.of("version-get"))).isEqualTo(Answer.success("1.0.0"));
    }

    @Test
    void duplicateNamesAreRejected() {
        registry.register("x", c -> Answer.success());
        assertThatThrownBy(() -> registry.register("x", c -> Answer.success()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Handler for command 'x' is already installed.");
        assertThatThrownBy(() -> registry.register("list-commands", c -> Answer.success()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listCommandsIsBuiltInAndSorted() {
        registry.register("status-get", c -> Answer.success());
        registry.register("build-report", c -> Answer.success());
        registry.register("config-get", c -> Answer.success());
        assertThat(registry.dispatch(Command.of("list-commands")).toJson()).isEqualTo(
                "{ \"arguments\": [ \"build-report\", \"config-get\", \"list-commands\", \"status-get\" ], \"result\": 0 }");
    }

    @Test
    void unregisterRemovesACommandButNotListCommands() {
        registry.register("ha-heartbeat", c -> Answer.success());
        assertThat(registry.unregister("ha-heartbeat")).isTrue();
        assertThat(registry.unregister("ha-heartbeat")).isFalse();
        assertThat(registry.dispatch(Command.of("ha-heartbeat")).result()).isEqualTo(Answer.UNSUPPORTED);
        assertThatThrownBy(() -> registry.unregister("list-commands"))
                .hasMessage("Can't uninstall internal command 'list-commands'");
        assertThat(registry.commands()).containsExactly("list-commands");
    }

    @Test
    void handlerExceptionsBecomeErrorAnswers() {
        registry.register("boom", c -> {
            throw new IllegalStateException("lease database unavailable");
        });
        registry.register("silent", c -> null);
        assertThat(registry.dispatch(Command.of("boom")))
                .isEqualTo(Answer.error("Error during command processing: lease database unavailable"));
        assertThat(registry.dispatch(Command.of("silent")))
                .isEqualTo(Answer.error("internal server error: no response generated"));
    }

    @Test
    void processValidatesTheDocumentFirst() {
        assertThat(registry.process("{\"command\": \"list-commands\"}").isSuccess()).isTrue();
        assertThat(registry.process("{\"cmd\": \"list-commands\"}").text())
                .isEqualTo("Error during command processing: invalid command: does not contain mandatory 'command'");
        Answer syntax = registry.process("{\"command\": ");
        assertThat(syntax.result()).isEqualTo(Answer.ERROR);
        assertThat(syntax.text()).isNotBlank();
    }

    @Test
    void listenersSeeEveryAnswerAndMayReplaceIt() {
        registry.register("status-get", c -> Answer.success("up"));
        java.util.List<String> seen = new java.util.ArrayList<>();
        CommandRegistry.CommandListener l = (c, a) -> {
            seen.add(c.command() + "=" + a.result());
            return c.command().equals("status-get") ? Answer.success("rewritten") : null;
        };
        registry.addListener(l);
        assertThat(registry.dispatch(Command.of("status-get")).text()).isEqualTo("rewritten");
        assertThat(registry.dispatch(Command.of("nope")).result()).isEqualTo(Answer.UNSUPPORTED);
        assertThat(seen).containsExactly("status-get=0", "nope=2");
        assertThat(registry.removeListener(l)).isTrue();
        assertThat(registry.dispatch(Command.of("status-get")).text()).isEqualTo("up");
    }

    @Test
    void aFailingListenerDoesNotCostTheAnswer() {
        registry.register("x", c -> Answer.success("fine"));
        registry.addListener((c, a) -> { throw new IllegalStateException("boom"); });
        assertThat(registry.dispatch(Command.of("x")).text()).isEqualTo("fine");
    }
}
