package dev.nestor.dhcp4.command;

import dev.nestor.control.Answer;

/** A command failure with Kea's result code and text, thrown by argument checks and turned into the answer. */
final class KeaError extends Exception {
    private final int result;

    private KeaError(int result, String text) {
        super(text, null, false, false);
        this.result = result;
    }

    /** Result 1: bad arguments or a failed operation. */
    static KeaError error(String text) {
        return new KeaError(Answer.ERROR, text);
    }

    /** Result 4: the arguments conflict with the server state. */
    static KeaError conflict(String text) {
        return new KeaError(Answer.CONFLICT, text);
    }

    /** Result 3: nothing found. */
    static KeaError empty(String text) {
        return new KeaError(Answer.EMPTY, text);
    }

    /** Result 5: failed and the server state may be broken. */
    static KeaError fatal(String text) {
        return new KeaError(Answer.FATAL_ERROR, text);
    }

    Answer answer() {
        return Answer.of(result, getMessage());
    }
}
