package dev.nestor.hooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandRegistry;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.CommandProcessed;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** command_processed fires for the server's commands while the library is active, and services reach libraries. */
class CommandProcessedTest {
    /** Records every command and rewrites status-get's text; asks for a String "service". */
    static final class Watcher implements HookLibrary {
        final List<String> seen = new CopyOnWriteArrayList<>();
        volatile Optional<String> service = Optional.empty();

        @Override public int apiVersion() { return HookApi.VERSION; }
        @Override public boolean multiThreadingCompatible() { return true; }

        @Override public void load(HookContext ctx) {
            service = ctx.service(String.class);
            ctx.registerCallout(HookPoint.COMMAND_PROCESSED, e -> {
                seen.add(e.name() + "=" + e.response().path("result").asInt());
                if (!e.name().equals("status-get")) return CalloutResult.proceed();
                return CalloutResult.proceed(e.withResponse(JsonNodeFactory.instance.objectNode().put("result", 0).put("text", "seen")));
            });
        }
    }

    @Test
    void calloutsSeeAndMayRewriteAnswersWhileActive() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.register("status-get", c -> Answer.success("up"));
        HookCommands commands = new HookCommands(registry);
        Watcher watcher = new Watcher();
        HookEnvironment env = HookEnvironment.of(HookPoint.Family.DHCP4, null, 0, commands)
                .withBuiltins(BuiltinLibraries.standard().with("watcher", () -> watcher))
                .withService(String.class, "a service");
        HookLibraries libs = HookLibraries.load(List.of(new LibrarySpec("watcher", null, "Dhcp4.hooks-libraries[0]")), env);
        assertThat(watcher.service).contains("a service");

        assertThat(registry.dispatch(Command.of("status-get")).text()).as("not active yet").isEqualTo("up");
        libs.activate();
        assertThat(registry.dispatch(Command.of("status-get")).text()).isEqualTo("seen");
        assertThat(registry.dispatch(Command.of("no-such")).result()).isEqualTo(Answer.UNSUPPORTED);
        assertThat(watcher.seen).containsExactly("status-get=0", "no-such=2");

        libs.close();
        assertThat(registry.dispatch(Command.of("status-get")).text()).as("unloaded").isEqualTo("up");
        assertThat(watcher.seen).hasSize(2);
    }

    @Test
    void eventsCarryTheirDataAsCopies() {
        var args = JsonNodeFactory.instance.objectNode().put("a", 1);
        CommandProcessed e = new CommandProcessed("x", args, JsonNodeFactory.instance.objectNode().put("result", 0));
        args.put("a", 2);
        assertThat(e.arguments().path("a").asInt()).isEqualTo(1);
    }
}
