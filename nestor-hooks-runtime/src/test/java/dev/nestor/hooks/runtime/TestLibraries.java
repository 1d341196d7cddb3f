package dev.nestor.hooks.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Sources of the hook libraries the runtime tests build into jars. */
final class TestLibraries {
    private TestLibraries() {}

    /**
     * A library driven by its parameters: "tag" (appended to buffer4_receive data, so order shows), "step" (its
     * answer there), "throw", "fail-load", "park" (PARK at leases4_committed), "command", "v6" (registers a dhcp6
     * point), "unload-marker" (file written by unload()).
     */
    static final String GENERIC = """
            package t;

            import com.fasterxml.jackson.databind.JsonNode;
            import dev.nestor.common.Bytes;
            import dev.nestor.control.Answer;
            import dev.nestor.hooks.*;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public final class TestLibrary implements HookLibrary {
                private String tag;
                private String marker;
                // 1 MiB per instance: a leaked class loader would show in the heap
                private final byte[] ballast = new byte[1 << 20];

                @Override public int apiVersion() { return HookApi.VERSION; }

                @Override public boolean multiThreadingCompatible() { return true; }

                @Override public void load(HookContext ctx) throws Exception {
                    JsonNode p = ctx.parameters();
                    tag = p.path("tag").asText("x");
                    marker = p.path("unload-marker").asText(null);
                    if (p.path("fail-load").asBoolean()) throw new IllegalStateException("cannot open /nonexistent for " + tag);
                    NextStep step = NextStep.valueOf(p.path("step").asText("CONTINUE"));
                    boolean boom = p.path("throw").asBoolean();
                    ctx.registerCallout(HookPoint.BUFFER4_RECEIVE, e -> {
                        if (boom) throw new IllegalStateException("boom from " + tag);
                        byte[] old = e.data().toArray();
                        byte[] add = tag.getBytes();
                        byte[] all = new byte[old.length + add.length];
                        System.arraycopy(old, 0, all, 0, old.length);
                        System.arraycopy(add, 0, all, old.length, add.length);
                        return new CalloutResult<>(step, e.withData(Bytes.of(all)));
                    });
                    if (p.path("park").asBoolean()) ctx.registerCallout(HookPoint.LEASES4_COMMITTED, e -> CalloutResult.park());
                    if (p.has("command")) ctx.registerCommand(p.get("command").asText(), c -> Answer.success("hello from " + tag + ballast.length));
                    if (p.has("v6")) ctx.registerCallout(HookPoint.PKT6_RECEIVE, e -> CalloutResult.proceed());
                    ctx.logger().debug("test library {} loaded", tag);
                }

                @Override public void unload() throws Exception {
                    if (marker != null) Files.writeString(Path.of(marker), "unloaded " + tag);
                }
            }
            """;

    /** Built against a future major version of the API. */
    static final String FUTURE = """
            package f;

            import dev.nestor.hooks.*;

            public final class FutureLibrary implements HookLibrary {
                @Override public int apiVersion() { return 2003; }
                @Override public boolean multiThreadingCompatible() { return true; }
                @Override public void load(HookContext ctx) {}
            }
            """;

    static Path generic(Path dir) throws IOException {
        return JarBuilder.build(dir, "test-hooks.jar", Map.of("t.TestLibrary", GENERIC), "t.TestLibrary");
    }

    static Path future(Path dir) throws IOException {
        return JarBuilder.build(dir, "future-hooks.jar", Map.of("f.FutureLibrary", FUTURE), "f.FutureLibrary");
    }

    /** A jar whose class implements HookLibrary but that forgot META-INF/services. */
    static Path undeclared(Path dir) throws IOException {
        return JarBuilder.build(dir, "undeclared.jar", Map.of("f.FutureLibrary", FUTURE), null);
    }
}
