package dev.nestor.hooks.runtime;

import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookLibrary;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Resolves one {@code library} entry to a library instance: a Kea command library the server provides (nothing
 * to load), a bundled library (by Kea's file name), or a jar loaded in its own class loader whose single
 * {@link HookLibrary} service is instantiated. Checks the API version. Does not call {@code load}.
 */
final class LibraryLoader {
    /** Why a library was refused; the message names it. */
    static final class Refused extends Exception {
        Refused(String message, Throwable cause) { super(message, cause); }
    }

    private LibraryLoader() {}

    static LoadedLibrary resolve(LibrarySpec spec, HookEnvironment env) throws Refused {
        String name = spec.fileName();
        if (env.builtins().providedByServer(name)) return new LoadedLibrary(name, null, null);
        Optional<Supplier<? extends HookLibrary>> bundled = env.builtins().bundled(name);
        if (bundled.isPresent()) {
            HookLibrary lib = instantiate(name, bundled.get());
            checkVersion(name, lib);
            return new LoadedLibrary(name, lib, null);
        }
        if (!name.endsWith(".jar")) {
            throw new Refused("hook library '" + spec.library() + "' is not supported yet", null);
        }
        Path jar = Path.of(spec.library());
        if (!Files.isRegularFile(jar)) throw new Refused("hook library file '" + spec.library() + "' not found", null);
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("hook:" + name, new URL[] {jar.toUri().toURL()}, env.apiLoader());
        } catch (MalformedURLException e) {
            throw new Refused("hook library '" + spec.library() + "': " + e.getMessage(), e);
        }
        LoadedLibrary loaded = new LoadedLibrary(name, null, loader);
        try {
            HookLibrary lib = discover(name, loader);
            checkVersion(name, lib);
            return new LoadedLibrary(name, lib, loader);
        } catch (Refused | RuntimeException | LinkageError e) {
            loaded.release(false);
            if (e instanceof Refused r) throw r;
            throw new Refused("hook library '" + name + "' cannot be loaded: " + e, e);
        }
    }

    /** The jar's own provider: providers visible through the parent (the server's class path) do not count. */
    private static HookLibrary discover(String name, URLClassLoader loader) throws Refused {
        List<ServiceLoader.Provider<HookLibrary>> own = ServiceLoader.load(HookLibrary.class, loader).stream()
                .filter(p -> p.type().getClassLoader() == loader).toList();
        if (own.isEmpty()) {
            throw new Refused("hook library '" + name + "' declares no " + HookLibrary.class.getName()
                    + " in META-INF/services", null);
        }
        if (own.size() > 1) {
            throw new Refused("hook library '" + name + "' declares " + own.size() + " HookLibrary classes; one jar is one library", null);
        }
        return instantiate(name, own.getFirst()::get);
    }

    private static HookLibrary instantiate(String name, Supplier<? extends HookLibrary> factory) throws Refused {
        try {
            return factory.get();
        } catch (RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.util.ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
            throw new Refused("hook library '" + name + "' cannot be instantiated: " + cause, e);
        }
    }

    private static void checkVersion(String name, HookLibrary lib) throws Refused {
        int v = lib.apiVersion();
        if (!HookApi.compatible(v)) {
            throw new Refused("hook library '" + name + "' was built for hook API " + HookApi.text(v)
                    + ", but this server provides hook API " + HookApi.text(HookApi.VERSION)
                    + " (libraries built for " + HookApi.MAJOR + ".0 to " + HookApi.text(HookApi.VERSION)
                    + " load): rebuild it against nestor-hooks-api " + HookApi.text(HookApi.VERSION), null);
        }
    }
}
