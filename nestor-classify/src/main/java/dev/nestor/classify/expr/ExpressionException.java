package dev.nestor.classify.expr;

/**
 * A classification expression could not be parsed, or failed at evaluation time.
 *
 * <p>Parse errors carry a {@code line:column: problem} message (columns count from 1, like Kea's
 * locations). Evaluation errors are Kea's EvalTypeError cases (for example a non-boolean value where a
 * boolean is needed); the classifier treats them as "no match" and logs them.
 */
public final class ExpressionException extends Exception {
    private final int line;
    private final int column;

    /** An evaluation-time error (no source position). */
    public ExpressionException(String message) {
        super(message);
        this.line = 0;
        this.column = 0;
    }

    /** A parse error at a 1-based line and column. */
    public ExpressionException(int line, int column, String problem) {
        super(line + ":" + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of a parse error, 0 for evaluation errors. */
    public int line() {
        return line;
    }

    /** 1-based column of a parse error, 0 for evaluation errors. */
    public int column() {
        return column;
    }
}
