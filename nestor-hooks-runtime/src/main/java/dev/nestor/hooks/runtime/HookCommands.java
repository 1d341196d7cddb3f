package dev.nestor.hooks.runtime;

import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandHandler;
import dev.nestor.control.CommandRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The commands hook libraries add to a server's {@link CommandRegistry}, across reconfigurations. Lives as long
 * as the server. The registry holds only small forwarders to this object, never a library's handler, so a replaced
 * library's classes are not reachable from the registry. A command provided by both the old and the new libraries
 * stays answerable during the swap.
 */
public final class HookCommands {
    private final CommandRegistry registry;
    // the active generation's handlers; replaced whole, read without locking by the forwarders
    private volatile Map<String, CommandHandler> active = Map.of();
    private Object owner; // the HookLibraries whose table is active; guarded by this
    private final Set<String> installed = new HashSet<>(); // guarded by this

    public HookCommands(CommandRegistry registry) {
        this.registry = registry;
    }

    /** {@return whether the server itself (not a hook library) answers {@code name}} */
    public synchronized boolean ownedByServer(String name) {
        return registry.isRegistered(name) && !installed.contains(name);
    }

    /** {@return the names of the commands hook libraries provide now} */
    public synchronized Set<String> names() { return new TreeSet<>(installed); }

    /** Makes {@code table} the answer to its commands; names no longer provided leave the registry. */
    synchronized void activate(Object generation, Map<String, CommandHandler> table) {
        active = Map.copyOf(table);
        owner = generation;
        for (String name : table.keySet()) {
            if (installed.contains(name)) continue;
            try {
                registry.register(name, c -> dispatch(name, c));
                installed.add(name);
            } catch (IllegalArgumentException e) {
                // registered by the server after the library was loaded: the server's handler wins
                org.slf4j.LoggerFactory.getLogger("dev.nestor.hooks").error("hook command '{}' not installed: {}", name, e.getMessage());
            }
        }
        for (String name : Set.copyOf(installed)) {
            if (!table.containsKey(name)) {
                registry.unregister(name);
                installed.remove(name);
            }
        }
    }

    /** Removes the commands of {@code generation} if they are the active ones (server shutdown). */
    synchronized void release(Object generation) {
        if (owner == generation) activate(null, Map.of());
    }

    private Answer dispatch(String name, Command command) throws Exception {
        CommandHandler h = active.get(name);
        if (h == null) return Answer.of(Answer.UNSUPPORTED, "'" + name + "' command not supported.");
        return h.handle(command);
    }
}
