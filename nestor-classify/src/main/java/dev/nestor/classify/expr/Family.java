package dev.nestor.classify.expr;

/** Protocol family an expression is parsed for (Kea's option universe). */
public enum Family {
    V4,
    V6
}
