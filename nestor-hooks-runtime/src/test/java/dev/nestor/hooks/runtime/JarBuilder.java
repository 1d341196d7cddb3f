package dev.nestor.hooks.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.hooks.HookLibrary;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a hook library jar at test time from Java sources (with the JDK's compiler), so that the library's
 * classes are on no class path of the test JVM: exactly how a plugin author's jar reaches the server.
 */
final class JarBuilder {
    private JarBuilder() {}

    /** Compiles {@code sources} (class name -> source) and writes a jar declaring {@code service} as the HookLibrary. */
    static Path build(Path dir, String jarName, Map<String, String> sources, String service) throws IOException {
        Path src = Files.createTempDirectory(dir, "src");
        Path classes = Files.createTempDirectory(dir, "classes");
        List<String> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
            files.add(f.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath(), "--release", "25", "-proc:none"));
        args.addAll(files);
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) throw new IllegalStateException("test library does not compile");
        Path jar = dir.resolve(jarName);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
            if (service != null) {
                j.putNextEntry(new JarEntry("META-INF/services/" + HookLibrary.class.getName()));
                j.write((service + "\n").getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }

    /** The test JVM's class path, plus the jars of the API's own dependencies (Surefire may hide them in a manifest). */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (Class<?> c : List.of(HookLibrary.class, JsonNode.class, com.fasterxml.jackson.core.TreeNode.class,
                com.fasterxml.jackson.annotation.JsonInclude.class, dev.nestor.control.Answer.class,
                dev.nestor.codec.v4.Dhcp4Packet.class, dev.nestor.lease.Lease4.class, dev.nestor.common.Bytes.class,
                org.slf4j.Logger.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
