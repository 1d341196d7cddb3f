package dev.nestor.hooks.runtime;

import dev.nestor.control.CommandHandler;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hook libraries of one configuration, loaded. Lifecycle, following the server's config path: {@link #load}
 * while preparing (off the packet path; failure refuses the configuration), {@link #activate} right after the
 * server swapped the configuration in (commands become answerable), {@link #close} after the next swap (parked
 * queries dropped, {@code unload()} called in reverse order, class loaders closed).
 */
public final class HookLibraries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.nestor.hooks");

    private final List<LoadedLibrary> libraries;
    private final HookDispatcher dispatcher;
    private final Map<String, CommandHandler> commands;
    private final HookCommands commandSink;
    private boolean closed;

    private HookLibraries(List<LoadedLibrary> libraries, HookDispatcher dispatcher, Map<String, CommandHandler> commands,
                          HookCommands commandSink) {
        this.libraries = libraries;
        this.dispatcher = dispatcher;
        this.commands = commands;
        this.commandSink = commandSink;
    }

    /** No libraries. */
    public static HookLibraries none() {
        return new HookLibraries(List.of(), HookDispatcher.empty(), Map.of(), null);
    }

    /**
     * Loads every library in order and calls its {@code load}. Stops at the first failure: the libraries loaded so
     * far are unloaded again, and the exception names the failing one.
     */
    public static HookLibraries load(List<LibrarySpec> specs, HookEnvironment env) throws HookLoadException {
        if (specs.isEmpty()) return none();
        List<LoadedLibrary> loaded = new ArrayList<>();
        Map<HookPoint<?>, List<HookDispatcher.Registered<?>>> callouts = new LinkedHashMap<>();
        Map<String, CommandHandler> commands = new LinkedHashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (LibrarySpec spec : specs) {
            LoadedLibrary lib;
            try {
                lib = LibraryLoader.resolve(spec, env);
            } catch (LibraryLoader.Refused e) {
                unloadAll(loaded);
                throw new HookLoadException(List.of(new HookLoadException.Problem(spec.path() + ".library", e.getMessage())));
            }
            HookLibrary instance = lib.instance();
            if (instance == null) {
                LOG.info("hook library '{}': provided built in by Nestor", lib.name);
                loaded.add(lib);
                continue;
            }
            LibraryContext ctx = new LibraryContext(lib.name, spec.parameters(), env,
                    instance.multiThreadingCompatible() ? null : new ReentrantLock(), owners);
            try {
                instance.load(ctx);
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) throw (VirtualMachineError) e;
                ctx.close();
                lib.release(false);
                unloadAll(loaded);
                LOG.error("hook library '{}' failed to load", lib.name, e);
                String why = e.getMessage() != null ? e.getMessage() : e.toString();
                throw new HookLoadException(List.of(new HookLoadException.Problem(spec.path() + ".library",
                        "hook library '" + lib.name + "' failed to load: " + why)));
            }
            ctx.close();
            loaded.add(lib);
            for (var entry : ctx.callouts) callouts.computeIfAbsent(entry.getKey(), _ -> new ArrayList<>()).add(entry.getValue());
            commands.putAll(ctx.commands);
            LOG.info("hook library '{}' loaded: {} callout(s), {} command(s)", lib.name, ctx.callouts.size(), ctx.commands.size());
        }
        Map<HookPoint<?>, List<HookDispatcher.Registered<?>>> frozen = new HashMap<>();
        callouts.forEach((p, l) -> frozen.put(p, List.copyOf(l)));
        return new HookLibraries(List.copyOf(loaded), new HookDispatcher(frozen, new ParkingLots(env.parkedPacketLimit())),
                Map.copyOf(commands), env.commands());
    }

    /**
     * Checks that every library can be loaded (found, one HookLibrary in the jar, compatible API version) without
     * calling its {@code load}: config-test. All problems are reported.
     */
    public static void validate(List<LibrarySpec> specs, HookEnvironment env) throws HookLoadException {
        List<HookLoadException.Problem> problems = new ArrayList<>();
        for (LibrarySpec spec : specs) {
            try {
                LibraryLoader.resolve(spec, env).release(false);
            } catch (LibraryLoader.Refused e) {
                problems.add(new HookLoadException.Problem(spec.path() + ".library", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) throw new HookLoadException(problems);
    }

    /** {@return the callouts of this configuration} */
    public HookDispatcher dispatcher() { return dispatcher; }

    /** {@return the libraries' names, in configuration order} */
    public List<String> names() { return libraries.stream().map(l -> l.name).toList(); }

    /** The class loaders of the jar libraries (tests check they are collected after close). */
    List<ClassLoader> classLoaders() {
        return libraries.stream().map(LoadedLibrary::classLoader).filter(java.util.Objects::nonNull).toList();
    }

    /** {@return the commands these libraries registered} */
    public java.util.Set<String> commands() { return commands.keySet(); }

    /** Installs this configuration's commands (replacing the previous configuration's). Call after the swap. */
    public synchronized void activate() {
        if (closed || commandSink == null) return;
        commandSink.activate(this, commands, dispatcher);
    }

    /** Drops parked queries, removes the commands if still active, unloads in reverse order, closes loaders. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        dispatcher.close();
        if (commandSink != null) commandSink.release(this);
        unloadAll(libraries);
    }

    private static void unloadAll(List<LoadedLibrary> libs) {
        for (int i = libs.size() - 1; i >= 0; i--) libs.get(i).release(true);
    }
}
