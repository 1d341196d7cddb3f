package dev.nestor.daemon.dhcp4;

import dev.nestor.config.ConfigException;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.dhcp4.command.ConfigSource;
import dev.nestor.dhcp4.command.RuntimeChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The daemon's one way to put a config into service (config-set, config-reload, SIGHUP and the run-time
 * commands): control channels checked, server runtime prepared and swapped, loggers applied, changed control
 * channels reopened. A config that fails any check leaves the running one in place.
 */
final class Reloader implements ConfigSource {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4");

    interface Loader { Dhcp4Config load(Path file) throws ConfigException; }

    private final Dhcp4Server server;
    private final Path file;
    private final Loader loader;
    private final Consumer<Dhcp4Config> afterApply;
    private final ControlChannels channels;
    private final RuntimeChanges changes;

    Reloader(Dhcp4Server server, Path file, Loader loader, Consumer<Dhcp4Config> afterApply, ControlChannels channels,
             RuntimeChanges changes) {
        this.server = server;
        this.file = file;
        this.loader = loader;
        this.afterApply = afterApply;
        this.channels = channels;
        this.changes = changes;
    }

    @Override
    public Path file() { return file; }

    @Override
    public Dhcp4Config read() throws ConfigException { return loader.load(file); }

    @Override
    public void check(Dhcp4Config cfg) throws Exception {
        Dhcp4Server.test(cfg);
        ControlChannels.check(cfg);
    }

    @Override
    public void apply(Dhcp4Config cfg) throws Exception {
        synchronized (server) {
            ControlChannels.check(cfg);
            server.reconfigure(cfg);
            afterApply.accept(cfg);
            channels.reconfigure(cfg);
        }
    }

    /** SIGHUP: reload, logging the outcome (there is no one to answer). */
    void reloadFromFile() {
        try {
            Dhcp4Config cfg = read();
            synchronized (server) {
                apply(cfg);
                changes.clear();
            }
        } catch (ConfigException e) {
            log.error("reloading {} failed, the running configuration stays:\n{}", file, e.getMessage());
        } catch (Exception e) {
            log.error("reloading {} failed, the running configuration stays: {}", file, e.toString());
        }
    }
}
