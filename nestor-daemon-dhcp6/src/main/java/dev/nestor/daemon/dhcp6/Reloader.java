package dev.nestor.daemon.dhcp6;

import dev.nestor.config.ConfigException;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.control.server.ServerCommands;
import dev.nestor.dhcp6.Dhcp6Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Re-reads the config file (SIGHUP, config-reload) and swaps it in; a bad file leaves the running config. */
final class Reloader implements ServerCommands.Reload {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp6");

    interface Loader { Dhcp6Config load(Path file) throws ConfigException; }

    private final Dhcp6Server server;
    private final Path file;
    private final Loader loader;
    private final Consumer<Dhcp6Config> afterApply;

    Reloader(Dhcp6Server server, Path file, Loader loader, Consumer<Dhcp6Config> afterApply) {
        this.server = server;
        this.file = file;
        this.loader = loader;
        this.afterApply = afterApply;
    }

    @Override
    public void reload() throws Exception {
        Dhcp6Config cfg = loader.load(file);
        server.reconfigure(cfg);
        afterApply.accept(cfg);
    }

    /** SIGHUP: reload, logging the outcome (there is no one to answer). */
    void reloadFromFile() {
        try {
            reload();
            log.info("reloaded {}", file);
        } catch (ConfigException e) {
            log.error("reloading {} failed, the running configuration stays:\n{}", file, e.getMessage());
        } catch (Exception e) {
            log.error("reloading {} failed, the running configuration stays: {}", file, e.toString());
        }
    }
}
