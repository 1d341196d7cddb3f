package dev.nestor.hooks.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.CommandHandler;
import dev.nestor.hooks.Callout;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link HookContext} of one library during its {@code load}: collects its callouts and commands. */
final class LibraryContext implements HookContext {
    private final String name;
    private final JsonNode parameters;
    private final HookEnvironment env;
    private final Lock lock; // non-null when the library is not multi-threading compatible
    private final Map<String, String> commandOwners; // command -> library, across the configuration's libraries
    private final Logger logger;
    final List<Map.Entry<HookPoint<?>, HookDispatcher.Registered<?>>> callouts = new ArrayList<>();
    final Map<String, CommandHandler> commands = new LinkedHashMap<>();
    private volatile boolean open = true;

    LibraryContext(String name, JsonNode parameters, HookEnvironment env, Lock lock, Map<String, String> commandOwners) {
        this.name = name;
        this.parameters = parameters;
        this.env = env;
        this.lock = lock;
        this.commandOwners = commandOwners;
        String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        this.logger = LoggerFactory.getLogger("dev.nestor.hooks." + base);
    }

    @Override public String libraryName() { return name; }

    @Override public JsonNode parameters() { return parameters.deepCopy(); }

    @Override public JsonNode serverConfig() { return env.serverConfig(); }

    @Override public Logger logger() { return logger; }

    @Override
    public <E> void registerCallout(HookPoint<E> point, Callout<E> callout) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(callout, "callout");
        checkOpen();
        if (point.family() != HookPoint.Family.ANY && point.family() != env.family()) {
            throw new IllegalArgumentException("hook point " + point.name() + " is not fired by the " + env.family() + " server");
        }
        callouts.add(Map.entry(point, new HookDispatcher.Registered<>(name, callout, lock)));
    }

    @Override
    public void registerCommand(String command, CommandHandler handler) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(handler, "handler");
        checkOpen();
        if (command.isBlank()) throw new IllegalArgumentException("empty command name");
        if (env.commands() == null) throw new IllegalStateException("this server takes no commands from hook libraries");
        if (env.commands().ownedByServer(command)) {
            throw new IllegalArgumentException("command '" + command + "' is provided by the server");
        }
        String owner = commandOwners.putIfAbsent(command, name);
        if (owner != null) throw new IllegalArgumentException("command '" + command + "' is already registered by hook library '" + owner + "'");
        commands.put(command, handler);
    }

    @Override
    public <S> java.util.Optional<S> service(Class<S> type) {
        return env.service(Objects.requireNonNull(type, "type"));
    }

    @Override
    public HookPoint.Family family() { return env.family(); }

    void close() { open = false; }

    private void checkOpen() {
        if (!open) throw new IllegalStateException("hook library '" + name + "' registers after load() returned");
    }
}
