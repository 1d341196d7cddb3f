package dev.nestor.classify;

import dev.nestor.classify.expr.Expr;

import java.util.Objects;

/**
 * One entry of {@code client-classes}, reduced to what classification needs.
 *
 * @param name                 unique class name
 * @param test                 parsed {@code test} (a boolean expression), or a parsed {@code template-test}
 *                             (a string expression: the class is then a template that spawns
 *                             {@code SPAWN_<name>_<value>}); null when the class has no test (it is then
 *                             only assigned by host reservations, hooks, or an additional-class list)
 * @param onlyInAdditionalList Kea's {@code only-in-additional-list} (formerly {@code only-if-required}):
 *                             skipped by the normal passes, evaluated only when listed in an
 *                             {@code evaluate-additional-classes} list
 */
public record ClassDefinition(String name, Expr test, boolean onlyInAdditionalList) {
    public ClassDefinition {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("class name must not be empty");
        }
    }

    /** A template class: its test is a string expression ({@code template-test}). */
    public boolean isTemplate() {
        return test instanceof Expr.StringExpr;
    }
}
