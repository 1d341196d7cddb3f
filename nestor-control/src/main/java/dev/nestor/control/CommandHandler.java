package dev.nestor.control;

/**
 * Handles one named command. Called on the connection's (virtual) thread; may block. Throwing is fine: the
 * registry turns any exception into a result-1 answer carrying the message, as Kea does.
 */
@FunctionalInterface
public interface CommandHandler {
    Answer handle(Command command) throws Exception;
}
