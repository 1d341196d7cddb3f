package dev.nestor.daemon.dhcp4;

import dev.nestor.config.ConfigException;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.dhcp4.command.ConfigSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Re-reads the config file (SIGHUP, config-reload) and swaps it in; a bad file leaves the running config. */
final class Reloader implements ConfigSource {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4");

    interface Loader { Dhcp4Config load(Path file) throws ConfigException; }

    private final Dhcp4Server server;
    private final Path file;
    private final Loader loader;
    private final Consumer<Dhcp4Config> afterApply;

    Reloader(Dhcp4Server server, Path file, Loader loader, Consumer<Dhcp4Config> afterApply) {
        this.server = server;
        this.file = file;
        this.loader = loader;
        this.afterApply = afterApply;
    }

    @Override
    public Path file() { return file; }

    @Override
    public Dhcp4Config read() throws ConfigException { return loader.load(file); }

    @Override
    public void apply(Dhcp4Config cfg) throws Exception {
        server.reconfigure(cfg);
        afterApply.accept(cfg);
    }

    /** SIGHUP: reload, logging the outcome (there is no one to answer). */
    void reloadFromFile() {
        try {
            apply(read());
        } catch (ConfigException e) {
            log.error("reloading {} failed, the running configuration stays:\n{}", file, e.getMessage());
        } catch (Exception e) {
            log.error("reloading {} failed, the running configuration stays: {}", file, e.toString());
        }
    }
}
