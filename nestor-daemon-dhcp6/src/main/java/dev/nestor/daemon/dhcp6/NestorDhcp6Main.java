package dev.nestor.daemon.dhcp6;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.StatisticCommands;
import dev.nestor.control.server.RuntimeChanges;
import dev.nestor.daemon.support.ConfigReloader;
import dev.nestor.daemon.support.ControlChannels;
import dev.nestor.daemon.support.DaemonRun;
import dev.nestor.daemon.support.KeaDaemonOptions;
import dev.nestor.daemon.support.LoggerMapping;
import dev.nestor.dhcp6.Dhcp6Server;
import dev.nestor.dhcp6.Version;
import dev.nestor.dhcp6.command.Dhcp6Commands;
import dev.nestor.logging.LoggingSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * nestor-dhcp6: Kea's kea-dhcp6 command line over the DHCPv6 server library, managed like nestor-dhcp4: Kea's
 * commands over {@code control-sockets} (unix, http, https), config-set / config-reload / SIGHUP through one
 * reload path.
 */
@Command(name = "nestor-dhcp6", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Nestor DHCPv6 server (Kea-compatible).")
public final class NestorDhcp6Main implements Callable<Integer> {
    @Mixin
    KeaDaemonOptions kea;
    @Option(names = "-p", paramLabel = "PORT", description = "server port (default 547)")
    int serverPort = 547;
    @Option(names = "-P", paramLabel = "PORT", description = "client port (default 546)")
    int clientPort = 546;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new NestorDhcp6Main());
        cl.setPosixClusteredShortOptionsAllowed(false);
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (kea.printedVersion(Version.info())) return 0;
        if (kea.checkOnly() != null) return checkOnly(kea.checkOnly());
        Path config = kea.config;
        if (config == null) {
            System.err.println("nestor-dhcp6: no configuration file given (use -c FILE)");
            return 1;
        }
        LoggingSetup.applyDefaults(kea.debug);
        Dhcp6Config cfg;
        try {
            cfg = load(config);
        } catch (ConfigException e) {
            System.err.println("nestor-dhcp6: configuration " + config + " refused:\n" + e.getMessage());
            return 1;
        }
        applyLoggers(cfg);
        StatsRegistry stats = new StatsRegistry();
        Dhcp6Server.ServerOptions opts = new Dhcp6Server.ServerOptions(Version.NUMBER, config.toString(), serverPort,
                clientPort, DaemonRun.dataDirectory(), Integer.getInteger("nestor.workers", 0), 4096);
        // created first: the server's commands and the hook libraries' (loaded by start()) go to it
        CommandRegistry registry = new CommandRegistry();
        Dhcp6Server server = new Dhcp6Server(opts, stats, Clock.SYSTEM, registry);
        DaemonRun run = new DaemonRun();
        // on-fail stop-retry-exit / serve-retry-exit: a lease or hosts database is gone for good
        server.onFatalDatabaseFailure(run::stop);
        // the server's own commands before start(): a hook library claiming one of their names is then a
        // configuration error ("provided by the server"), not a clash after start
        StatisticCommands.registerAll(registry, stats);
        RuntimeChanges changes = new RuntimeChanges();
        ControlChannels channels = new ControlChannels(registry, "dhcp6");
        ConfigReloader<Dhcp6Config> reloader = new ConfigReloader<>(server,
                ConfigReloader.Server.of(Dhcp6Server::test, server::reconfigure, Dhcp6Config::controlSockets), config, this::load,
                this::applyLoggers, channels, changes);
        Dhcp6Commands.registerAll(registry, server, reloader, changes, run::stop);
        if (!DaemonRun.started("nestor-dhcp6", config, () -> server.start(cfg))) return 1;
        channels.open(cfg.controlSockets());
        int exit = run.awaitStop(reloader::reloadFromFile);
        channels.close();
        server.close();
        return exit;
    }

    private Integer checkOnly(Path file) {
        try {
            Dhcp6Config cfg = load(file);
            Dhcp6Server.test(cfg);
            System.out.println("Configuration " + file + " is valid (" + cfg.subnets().size() + " subnet(s)).");
            return 0;
        } catch (ConfigException e) {
            System.err.println("nestor-dhcp6: configuration " + file + " refused:\n" + e.getMessage());
            return 1;
        }
    }

    private Dhcp6Config load(Path file) throws ConfigException {
        Dhcp6Config cfg = Dhcp6ConfigParser.parse(ConfigText.read(file));
        ControlChannels.check(cfg.controlSockets()); // auth files and TLS material: refused like any other config error
        return cfg;
    }

    private void applyLoggers(Dhcp6Config cfg) {
        LoggingSetup.apply(LoggerMapping.toSpecs(cfg.loggers()), kea.debug);
    }
}
