package dev.nestor.hooks.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** Hook libraries could not be loaded; each problem names the library and the JSON path of its entry. */
public final class HookLoadException extends Exception {
    /** One refused library: {@code path} is the JSON path of its {@code library} entry. */
    public record Problem(String path, String message) {}

    private final List<Problem> problems;

    public HookLoadException(List<Problem> problems) {
        super(problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
