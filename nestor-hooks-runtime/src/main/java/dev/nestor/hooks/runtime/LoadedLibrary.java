package dev.nestor.hooks.runtime;

import dev.nestor.hooks.HookLibrary;
import java.io.IOException;
import java.net.URLClassLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One library of a configuration: its instance and, for a jar, its own class loader. */
final class LoadedLibrary {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nestor.hooks");

    final String name;
    private HookLibrary instance; // null for libraries the server provides itself
    private URLClassLoader loader; // null unless loaded from a jar

    LoadedLibrary(String name, HookLibrary instance, URLClassLoader loader) {
        this.name = name;
        this.instance = instance;
        this.loader = loader;
    }

    HookLibrary instance() { return instance; }

    ClassLoader classLoader() { return loader; }

    /** Calls unload() (if it was loaded) and closes the class loader; errors are logged, never thrown. */
    void release(boolean callUnload) {
        if (instance != null && callUnload) {
            try {
                instance.unload();
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) throw (VirtualMachineError) e;
                LOG.error("hook library '{}' failed to unload: {}", name, e.toString(), e);
            }
        }
        instance = null;
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("closing the class loader of hook library '{}': {}", name, e.toString());
            }
            loader = null;
        }
    }
}
