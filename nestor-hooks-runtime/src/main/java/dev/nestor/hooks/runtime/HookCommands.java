package dev.nestor.hooks.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.Answer;
import dev.nestor.control.Command;
import dev.nestor.control.CommandHandler;
import dev.nestor.control.CommandRegistry;
import dev.nestor.hooks.CommandProcessed;
import dev.nestor.hooks.HookPoint;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/**
 * The commands hook libraries add to a server's {@link CommandRegistry}, across reconfigurations, and the
 * {@code command_processed} point. Lives as long as the server. The registry holds only small forwarders to this
 * object, never a library's handler, so a replaced library's classes are not reachable from the registry. A
 * command provided by both the old and the new libraries stays answerable during the swap.
 */
public final class HookCommands {
    private final CommandRegistry registry;
    // the active generation's handlers and callouts; replaced whole, read without locking
    private volatile Map<String, CommandHandler> active = Map.of();
    private volatile HookDispatcher dispatcher = HookDispatcher.empty();
    private Object owner; // the HookLibraries whose table is active; guarded by this
    private final Set<String> installed = new HashSet<>(); // guarded by this

    public HookCommands(CommandRegistry registry) {
        this.registry = registry;
        registry.addListener(this::processed);
    }

    /** {@return whether the server itself (not a hook library) answers {@code name}} */
    public synchronized boolean ownedByServer(String name) {
        return registry.isRegistered(name) && !installed.contains(name);
    }

    /** {@return the names of the commands hook libraries provide now} */
    public synchronized Set<String> names() { return new TreeSet<>(installed); }

    /** Makes {@code table} the answer to its commands; names no longer provided leave the registry. */
    synchronized void activate(Object generation, Map<String, CommandHandler> table, HookDispatcher callouts) {
        active = Map.copyOf(table);
        dispatcher = callouts;
        owner = generation;
        for (String name : table.keySet()) {
            if (installed.contains(name)) continue;
            try {
                registry.register(name, c -> dispatch(name, c));
                installed.add(name);
            } catch (IllegalArgumentException e) {
                // registered by the server after the library was loaded: the server's handler wins
                LoggerFactory.getLogger("dev.nestor.hooks").error("hook command '{}' not installed: {}", name, e.getMessage());
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
        if (owner == generation) activate(null, Map.of(), HookDispatcher.empty());
    }

    private Answer dispatch(String name, Command command) throws Exception {
        CommandHandler h = active.get(name);
        if (h == null) return Answer.of(Answer.UNSUPPORTED, "'" + name + "' command not supported.");
        return h.handle(command);
    }

    /** command_processed: callouts see every answer and may change it (Kea's "response" argument). */
    private Answer processed(Command command, Answer answer) {
        HookDispatcher d = dispatcher;
        if (!d.has(HookPoint.COMMAND_PROCESSED)) return answer;
        JsonNode response = answer.toJsonNode();
        Outcome<CommandProcessed> o = d.fire(HookPoint.COMMAND_PROCESSED,
                new CommandProcessed(command.command(), command.arguments(), response));
        if (o.failed()) return answer; // there is no packet to drop: the server's answer stands
        JsonNode changed = o.event().response();
        if (changed.equals(response)) return answer;
        try {
            return Answer.fromJson(changed);
        } catch (Exception e) {
            LoggerFactory.getLogger("dev.nestor.hooks").warn("command_processed callout returned an invalid answer, ignored: {}", e.toString());
            return answer;
        }
    }
}
