package dev.nestor.hooks;

/**
 * A hook library: the one class of a hook jar the server instantiates. Declare it as a service in the jar, in
 * {@code META-INF/services/dev.nestor.hooks.HookLibrary} (one line: the class name); it needs a public no-argument
 * constructor.
 *
 * <p>Lifecycle (Kea's {@code load}/{@code unload}): for each configuration that lists the jar in
 * {@code hooks-libraries}, the server creates a fresh instance in a fresh class loader, calls {@link #load} with
 * that entry's {@code parameters}, and on the next reconfiguration (or shutdown) calls {@link #unload} and drops the
 * class loader. Keep all state in instance fields: static state would not survive a reload and would pin the old
 * class loader. A library that throws from {@code load} makes the configuration fail; the running one stays.
 */
public interface HookLibrary {
    /** {@return {@link HookApi#VERSION}, exactly: the API this library was compiled against} */
    int apiVersion();

    /**
     * {@return true when the callouts may run concurrently} Nestor processes packets on several threads. A library
     * that answers false has its callouts serialised (one packet at a time through this library), which is safe
     * but slower; Kea instead refuses such libraries when multi-threading is on.
     */
    boolean multiThreadingCompatible();

    /**
     * Registers callouts and commands and reads parameters. Runs before the configuration is applied and off the
     * packet path; slow work (opening files, connecting) belongs here.
     *
     * @throws Exception to refuse the configuration; the message is reported with the library's name
     */
    void load(HookContext context) throws Exception;

    /**
     * Releases what {@link #load} acquired (files, threads, connections). Called once, after the configuration that
     * loaded this instance has been replaced; commands and callouts are already unregistered. Exceptions are logged.
     */
    default void unload() throws Exception {}
}
