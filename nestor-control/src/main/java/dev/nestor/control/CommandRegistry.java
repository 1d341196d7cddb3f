package dev.nestor.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named command handlers and dispatch, Kea's {@code BaseCommandMgr} without the singleton. Thread-safe: hook
 * libraries may register and unregister commands while connections dispatch. {@code list-commands} is built in
 * and cannot be removed.
 */
public final class CommandRegistry {
    public static final String LIST_COMMANDS = "list-commands";

    // Kea's "commands" logger; dev.nestor.<kea logger> is the naming nestor-logging maps Kea logger names to
    private static final Logger LOG = LoggerFactory.getLogger("dev.nestor.commands");

    // sorted map: list-commands answers in Kea's (std::map) order
    private final ConcurrentSkipListMap<String, CommandHandler> handlers = new ConcurrentSkipListMap<>();

    private final CopyOnWriteArrayList<CommandListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Sees each command's answer before it is returned, and may replace it (Kea's {@code command_processed} hook
     * point). Runs on the dispatching thread, after the handler, for every command including unknown ones.
     */
    @FunctionalInterface
    public interface CommandListener {
        /** {@return the answer to send: {@code answer} itself, or a replacement; null keeps {@code answer}} */
        Answer processed(Command command, Answer answer);
    }

    public CommandRegistry() {
        handlers.put(LIST_COMMANDS, _ -> listCommands());
    }

    /** @throws IllegalArgumentException if a handler for {@code name} is already installed */
    public void register(String name, CommandHandler handler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (handlers.putIfAbsent(name, handler) != null) {
            throw new IllegalArgumentException("Handler for command '" + name + "' is already installed.");
        }
        LOG.debug("COMMAND_REGISTERED Command {} registered", name);
    }

    /**
     * Removes a command (for hook libraries being unloaded). {@return false if no such command was registered}
     * @throws IllegalArgumentException for {@code list-commands}
     */
    public boolean unregister(String name) {
        if (LIST_COMMANDS.equals(name)) {
            throw new IllegalArgumentException("Can't uninstall internal command '" + LIST_COMMANDS + "'");
        }
        boolean removed = handlers.remove(name) != null;
        if (removed) LOG.debug("COMMAND_DEREGISTERED Command {} deregistered", name);
        return removed;
    }

    public boolean isRegistered(String name) {
        return handlers.containsKey(name);
    }

    /** {@return the registered command names, sorted} */
    public NavigableSet<String> commands() {
        return Collections.unmodifiableNavigableSet(new TreeSet<>(handlers.keySet()));
    }

    /**
     * Runs the command's handler. Never throws: an unknown command gives result 2 with Kea's text, a failing
     * handler gives result 1 with "Error during command processing: " and its message.
     */
    public Answer dispatch(Command command) {
        Answer answer = handle(command);
        for (CommandListener l : listeners) {
            try {
                Answer replaced = l.processed(command, answer);
                if (replaced != null) answer = replaced;
            } catch (RuntimeException e) {
                LOG.warn("COMMAND_PROCESS_ERROR2 a command listener failed on '{}': {}", command.command(), e.toString(), e);
            }
        }
        return answer;
    }

    /** Adds a listener that sees every answer (see {@link CommandListener}). */
    public void addListener(CommandListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** {@return whether {@code listener} was registered} */
    public boolean removeListener(CommandListener listener) {
        return listeners.remove(listener);
    }

    private Answer handle(Command command) {
        CommandHandler handler = handlers.get(command.command());
        if (handler == null) {
            return Answer.of(Answer.UNSUPPORTED, "'" + command.command() + "' command not supported.");
        }
        try {
            Answer answer = handler.handle(command);
            if (answer == null) return Answer.error("internal server error: no response generated");
            return answer;
        } catch (Exception | LinkageError | AssertionError e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            LOG.warn("COMMAND_PROCESS_ERROR2 Error while processing command: {}", message, e);
            return Answer.error("Error during command processing: " + message);
        }
    }

    /** Kea's {@code processCommand}: validate the document as a command, log it, dispatch it. */
    public Answer process(JsonNode request) {
        Command command;
        try {
            command = Command.fromJson(request);
        } catch (CommandException e) {
            LOG.warn("COMMAND_PROCESS_ERROR2 Error while processing command: {}", e.getMessage());
            return Answer.error("Error during command processing: " + e.getMessage());
        }
        LOG.info("COMMAND_RECEIVED Received command '{}'", command.command());
        return dispatch(command);
    }

    /** Parses and processes command text; a JSON syntax error is answered with result 1 and the parser's message. */
    public Answer process(String json) {
        JsonNode tree;
        try {
            tree = KeaJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return Answer.error(e.getOriginalMessage());
        }
        return process(tree);
    }

    private Answer listCommands() {
        ArrayNode names = KeaJson.array();
        handlers.keySet().forEach(names::add);
        return Answer.success(names);
    }
}
