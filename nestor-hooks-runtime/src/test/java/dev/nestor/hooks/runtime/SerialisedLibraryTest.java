package dev.nestor.hooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nestor.common.Bytes;
import dev.nestor.control.CommandRegistry;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.v4.Buffer4Receive;
import dev.nestor.hooks.v4.Envelope4;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A library that is not multi-threading compatible never has two of its callouts running at once. */
class SerialisedLibraryTest {
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    private final class Serial implements HookLibrary {
        @Override public int apiVersion() { return HookApi.VERSION; }
        @Override public boolean multiThreadingCompatible() { return false; }
        @Override public void load(HookContext ctx) {
            ctx.registerCallout(HookPoint.BUFFER4_RECEIVE, e -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.sleep(1); // widens the window a second thread would need
                inside.decrementAndGet();
                return CalloutResult.proceed();
            });
        }
    }

    @Test
    void calloutsRunOneAtATime() throws Exception {
        HookEnvironment env = HookEnvironment.of(HookPoint.Family.DHCP4, JsonNodeFactory.instance.objectNode(), 0,
                new HookCommands(new CommandRegistry())).withBuiltins(BuiltinLibraries.standard().with("serial", Serial::new));
        try (HookLibraries libs = HookLibraries.load(List.of(new LibrarySpec("serial", null, "Dhcp4.hooks-libraries[0]")), env)) {
            Buffer4Receive event = new Buffer4Receive(new Envelope4("eth0", 1, 0, 68, 0), Bytes.EMPTY, null);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 25; i++) libs.dispatcher().fire(HookPoint.BUFFER4_RECEIVE, event);
                }));
            }
            for (Thread t : threads) t.join();
        }
        assertThat(most).hasValue(1);
    }
}
