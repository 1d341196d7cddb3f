package dev.nestor.hooks.runtime;

import dev.nestor.hooks.HookLibrary;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How Kea library file names map to Nestor: names whose function Nestor's server provides itself (the command
 * groups: loading them does nothing but log), and bundled libraries (Java classes shipped with the server, loaded
 * by the same mechanism as a jar, keyed by Kea's file name). Any other Kea name is refused as not supported yet.
 * Immutable; {@link #with} returns a copy.
 */
public final class BuiltinLibraries {
    /** Kea's command libraries whose commands Nestor's servers always register. */
    public static final Set<String> PROVIDED_BY_SERVER = Set.of("libdhcp_lease_cmds.so", "libdhcp_host_cmds.so",
            "libdhcp_subnet_cmds.so", "libdhcp_class_cmds.so", "libdhcp_stat_cmds.so");

    private final Set<String> providedByServer;
    private final Map<String, Supplier<? extends HookLibrary>> bundled;

    private BuiltinLibraries(Set<String> providedByServer, Map<String, Supplier<? extends HookLibrary>> bundled) {
        this.providedByServer = Set.copyOf(providedByServer);
        this.bundled = Map.copyOf(bundled);
    }

    /**
     * Kea's command libraries as provided by the server, and the {@link BundledLibrary bundled libraries} on the
     * class path of this module (the server's).
     */
    public static BuiltinLibraries standard() {
        Map<String, Supplier<? extends HookLibrary>> found = new HashMap<>();
        for (BundledLibrary b : ServiceLoader.load(BundledLibrary.class, BundledLibrary.class.getClassLoader())) {
            found.putIfAbsent(b.fileName(), b::create);
        }
        return new BuiltinLibraries(PROVIDED_BY_SERVER, found);
    }

    /** {@return the Kea file names of the bundled libraries} */
    public Set<String> bundledNames() { return bundled.keySet(); }

    /** A copy where {@code fileName} (e.g. "libdhcp_flex_option.so") loads a fresh instance from {@code factory}. */
    public BuiltinLibraries with(String fileName, Supplier<? extends HookLibrary> factory) {
        Map<String, Supplier<? extends HookLibrary>> m = new HashMap<>(bundled);
        m.put(fileName, factory);
        return new BuiltinLibraries(providedByServer, m);
    }

    boolean providedByServer(String fileName) { return providedByServer.contains(fileName); }

    Optional<Supplier<? extends HookLibrary>> bundled(String fileName) { return Optional.ofNullable(bundled.get(fileName)); }
}
