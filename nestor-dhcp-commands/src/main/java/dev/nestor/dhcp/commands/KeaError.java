package dev.nestor.dhcp.commands;

import dev.nestor.control.Answer;

/** A command failure with Kea's result code and text, thrown by argument checks and turned into the answer. */
public final class KeaError extends Exception {
    private final int result;

    private KeaError(int result, String text) {
        super(text, null, false, false);
        this.result = result;
    }

    /** Result 1: bad arguments or a failed operation. */
    public static KeaError error(String text) {
        return new KeaError(Answer.ERROR, text);
    }

    /** Result 4: the arguments conflict with the server state. */
    public static KeaError conflict(String text) {
        return new KeaError(Answer.CONFLICT, text);
    }

    /** Result 3: nothing found. */
    public static KeaError empty(String text) {
        return new KeaError(Answer.EMPTY, text);
    }

    /** Result 5: failed and the server state may be broken. */
    public static KeaError fatal(String text) {
        return new KeaError(Answer.FATAL_ERROR, text);
    }

    public Answer answer() {
        return Answer.of(result, getMessage());
    }
}
