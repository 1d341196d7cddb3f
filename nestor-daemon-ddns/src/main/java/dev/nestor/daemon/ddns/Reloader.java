package dev.nestor.daemon.ddns;

import dev.nestor.daemon.support.ControlChannels;

import dev.nestor.config.ConfigException;
import dev.nestor.ddns.D2Server;
import dev.nestor.ddns.command.ConfigSource;
import dev.nestor.ddns.config.D2Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The daemon's one way to put a configuration into service (config-set, config-reload, SIGHUP): control channels
 * checked, the server prepared and swapped, loggers applied, changed control channels reopened. A configuration
 * that fails any step leaves the running one in place. Serialised on the server.
 */
final class Reloader implements ConfigSource {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcpddns");

    interface Loader {
        D2Config load(Path file) throws ConfigException;
    }

    private final D2Server server;
    private final Path file;
    private final Loader loader;
    private final Consumer<D2Config> afterApply;
    private final ControlChannels channels;

    Reloader(D2Server server, Path file, Loader loader, Consumer<D2Config> afterApply, ControlChannels channels) {
        this.server = server;
        this.file = file;
        this.loader = loader;
        this.afterApply = afterApply;
        this.channels = channels;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public D2Config read() throws ConfigException {
        return loader.load(file);
    }

    @Override
    public void check(D2Config cfg) throws Exception {
        D2Server.test(cfg);
        ControlChannels.check(cfg.controlSockets());
    }

    @Override
    public void apply(D2Config cfg) throws Exception {
        synchronized (server) {
            ControlChannels.check(cfg.controlSockets());
            server.reconfigure(cfg);
            afterApply.accept(cfg);
            channels.reconfigure(cfg.controlSockets());
        }
    }

    /** SIGHUP: reload, logging the outcome (there is no one to answer). */
    void reloadFromFile() {
        try {
            apply(read());
            log.info("DHCP_DDNS_CONFIGURED reloaded {}", file);
        } catch (ConfigException e) {
            log.error("DHCP_DDNS_CONFIG_FAIL reloading {} failed, the running configuration stays:\n{}", file, e.getMessage());
        } catch (Exception e) {
            log.error("DHCP_DDNS_CONFIG_FAIL reloading {} failed, the running configuration stays: {}", file, e.toString());
        }
    }
}
