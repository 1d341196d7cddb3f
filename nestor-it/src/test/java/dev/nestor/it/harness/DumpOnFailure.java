package dev.nestor.it.harness;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Register with {@code @RegisterExtension}; on a failing test (or setup/teardown) it prints every registered
 * source (server log tail, lease file, client output) to stderr and attaches it to the failure as a suppressed
 * exception, so the Surefire report shows what the server and the clients did.
 */
public final class DumpOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    private record Source(String title, Supplier<String> text) {}

    private final List<Source> sources = new CopyOnWriteArrayList<>();

    public void add(String title, Supplier<String> text) {
        sources.add(new Source(title, text));
    }

    public void add(DhcpClient client) {
        add(client.name() + " " + client.host().iface(), client::diagnostics);
    }

    public String dump() {
        StringBuilder sb = new StringBuilder("==== diagnostics ====\n");
        for (Source s : sources) {
            sb.append("## ").append(s.title()).append('\n');
            try {
                sb.append(s.text().get()).append('\n');
            } catch (RuntimeException e) {
                sb.append("(unavailable: ").append(e).append(")\n");
            }
        }
        return sb.toString();
    }

    private Throwable attach(ExtensionContext ctx, Throwable t) {
        if (t instanceof org.opentest4j.TestAbortedException) return t; // a skip, not a failure
        String d = dump();
        System.err.println("[" + ctx.getDisplayName() + "] failed: " + t + "\n" + d);
        t.addSuppressed(new Diagnostics(d));
        return t;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
        throw attach(ctx, t);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
        throw attach(ctx, t);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
        throw attach(ctx, t);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
        throw attach(ctx, t);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext ctx, Throwable t) throws Throwable {
        throw attach(ctx, t);
    }

    /** Carries the dump in the failure report. */
    public static final class Diagnostics extends RuntimeException {
        Diagnostics(String text) {
            super(text, null, false, false);
        }
    }
}
