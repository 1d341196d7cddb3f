package dev.nestor.control;

/** A control-channel message that is not a valid command or answer (Kea's CtrlChannelError). */
public final class CommandException extends Exception {
    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
