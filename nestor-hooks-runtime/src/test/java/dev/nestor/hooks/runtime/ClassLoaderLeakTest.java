package dev.nestor.hooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nestor.common.Bytes;
import dev.nestor.control.CommandRegistry;
import dev.nestor.hooks.HookPoint;
import dev.nestor.hooks.v4.Buffer4Receive;
import dev.nestor.hooks.v4.Envelope4;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reconfiguration that unloads a library lets its class loader go: 100 load/use/unload cycles leave none behind. */
class ClassLoaderLeakTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void hundredReloadsLeakNoClassLoader() throws Exception {
        Path jar = TestLibraries.generic(dir);
        CommandRegistry registry = new CommandRegistry();
        HookCommands commands = new HookCommands(registry);
        HookEnvironment env = HookEnvironment.of(HookPoint.Family.DHCP4, JSON.createObjectNode(), 16, commands);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        HookLibraries current = HookLibraries.none();
        for (int i = 0; i < 100; i++) {
            HookLibraries next = HookLibraries.load(List.of(new LibrarySpec(jar.toString(),
                    JSON.readTree("{\"tag\":\"r" + i + "\",\"command\":\"hi\",\"park\":true}"), "Dhcp4.hooks-libraries[0]")), env);
            next.activate();
            current.close();
            current = next;
            for (ClassLoader l : next.classLoaders()) loaders.add(new WeakReference<>(l));
            // use it: a callout, a command, a parked query left behind for close() to drop
            next.dispatcher().fire(HookPoint.BUFFER4_RECEIVE, new Buffer4Receive(new Envelope4("eth0", 1, 0, 68, 0), Bytes.EMPTY, null));
            assertThat(registry.process("{\"command\":\"hi\"}").text()).startsWith("hello from r" + i);
        }
        current.close();
        current = null;
        assertThat(loaders).hasSize(100);
        // bounded: collection is not immediate, but 50 full GCs are far more than needed
        for (int round = 0; round < 50 && loaders.stream().anyMatch(r -> r.get() != null); round++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(loaders.stream().filter(r -> r.get() != null).count()).as("class loaders still reachable").isZero();
        assertThat(registry.isRegistered("hi")).isFalse();
    }
}
