package dev.nestor.daemon.support;

import dev.nestor.config.ConfigException;
import dev.nestor.config.model.ControlSocketSpec;
import dev.nestor.control.server.ConfigSource;
import dev.nestor.control.server.RuntimeChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A daemon's one way to put a config into service (config-set, config-reload, SIGHUP and the run-time commands):
 * control channels checked, server runtime prepared and swapped, loggers applied, changed control channels
 * reopened. A config that fails any check leaves the running one in place. Everything happens under the server's
 * lock, which its own reconfiguration takes too.
 *
 * @param <C> the parsed config type
 */
public final class ConfigReloader<C> implements ConfigSource<C> {
    /** Reads and validates a config file. */
    @FunctionalInterface
    public interface Loader<C> {
        C load(Path file) throws ConfigException;
    }

    /**
     * The server a daemon reconfigures.
     *
     * @param check          checks a config the way {@code reconfigure} would, touching nothing
     * @param reconfigure    prepares and swaps in a config; on failure the running one stays
     * @param controlSockets a config's control-sockets entries
     */
    public record Server<C>(ConfigSource.Step<C> check, ConfigSource.Step<C> reconfigure,
                            Function<C, List<ControlSocketSpec>> controlSockets) {
        /** e.g. {@code of(Dhcp4Server::test, server::reconfigure, Dhcp4Config::controlSockets)} */
        public static <C> Server<C> of(ConfigSource.Step<C> check, ConfigSource.Step<C> reconfigure,
                                       Function<C, List<ControlSocketSpec>> controlSockets) {
            return new Server<>(check, reconfigure, controlSockets);
        }
    }

    private final Object lock;
    private final Server<C> server;
    private final Path file;
    private final Loader<C> loader;
    private final Consumer<C> afterApply;
    private final ControlChannels channels;
    private final RuntimeChanges changes;
    private final Logger log;

    /**
     * @param lock       what the server's reconfiguration synchronises on (the server object)
     * @param afterApply what the daemon does once a config is in service (its loggers)
     */
    public ConfigReloader(Object lock, Server<C> server, Path file, Loader<C> loader, Consumer<C> afterApply,
                          ControlChannels channels, RuntimeChanges changes) {
        this.lock = Objects.requireNonNull(lock);
        this.server = Objects.requireNonNull(server);
        this.file = file;
        this.loader = Objects.requireNonNull(loader);
        this.afterApply = Objects.requireNonNull(afterApply);
        this.channels = Objects.requireNonNull(channels);
        this.changes = Objects.requireNonNull(changes);
        // the daemon's own logger ("dev.nestor.dhcp4" for kea-dhcp4), so its loggers config covers these lines
        this.log = LoggerFactory.getLogger("dev.nestor." + channels.service());
    }

    @Override
    public Path file() { return file; }

    @Override
    public C read() throws ConfigException { return loader.load(file); }

    @Override
    public void check(C cfg) throws Exception {
        server.check().run(cfg);
        ControlChannels.check(server.controlSockets().apply(cfg));
    }

    @Override
    public void apply(C cfg) throws Exception {
        synchronized (lock) {
            ControlChannels.check(server.controlSockets().apply(cfg));
            server.reconfigure().run(cfg);
            afterApply.accept(cfg);
            channels.reconfigure(server.controlSockets().apply(cfg));
        }
    }

    /** SIGHUP: reload, logging the outcome (there is no one to answer). */
    public void reloadFromFile() {
        try {
            C cfg = read();
            synchronized (lock) {
                apply(cfg);
                changes.clear();
            }
            log.info("reloaded {}", file);
        } catch (ConfigException e) {
            log.error("reloading {} failed, the running configuration stays:\n{}", file, e.getMessage());
        } catch (Exception e) {
            log.error("reloading {} failed, the running configuration stays: {}", file, e.toString());
        }
    }
}
