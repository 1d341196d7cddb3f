package dev.nestor.hooks.runtime;

import dev.nestor.hooks.HookLibrary;

/**
 * A hook library shipped on the server's class path under a Kea library file name (e.g.
 * {@code libdhcp_flex_option.so}), so that Kea configs naming it load Nestor's counterpart. Declared as a service
 * ({@code META-INF/services/dev.nestor.hooks.runtime.BundledLibrary}); {@link BuiltinLibraries#standard()} finds
 * every one on the class path.
 */
public interface BundledLibrary {
    /** {@return Kea's file name of the library, e.g. "libdhcp_run_script.so"} */
    String fileName();

    /** {@return a fresh instance, for one configuration} */
    HookLibrary create();
}
