package dev.nestor.daemon.dhcp4;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.StatisticCommands;
import dev.nestor.control.server.RuntimeChanges;
import dev.nestor.daemon.support.ConfigReloader;
import dev.nestor.daemon.support.ControlChannels;
import dev.nestor.daemon.support.DaemonRun;
import dev.nestor.daemon.support.KeaDaemonOptions;
import dev.nestor.daemon.support.LoggerMapping;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.dhcp4.Version;
import dev.nestor.dhcp4.command.Dhcp4Commands;
import dev.nestor.logging.LoggingSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** nestor-dhcp4: Kea's kea-dhcp4 command line over the DHCPv4 server library. */
@Command(name = "nestor-dhcp4", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Nestor DHCPv4 server (Kea-compatible).")
public final class NestorDhcp4Main implements Callable<Integer> {
    @Mixin
    KeaDaemonOptions kea;
    @Option(names = "-p", paramLabel = "PORT", description = "server port (default 67)")
    int serverPort = 67;
    @Option(names = "-P", paramLabel = "PORT", description = "client port (default 68)")
    int clientPort = 68;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new NestorDhcp4Main());
        cl.setPosixClusteredShortOptionsAllowed(false);
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (kea.printedVersion(Version.info())) return 0;
        if (kea.checkOnly() != null) return checkOnly(kea.checkOnly());
        Path config = kea.config;
        if (config == null) {
            System.err.println("nestor-dhcp4: no configuration file given (use -c FILE)");
            return 1;
        }
        LoggingSetup.applyDefaults(kea.debug);
        Dhcp4Config cfg;
        try {
            cfg = load(config);
        } catch (ConfigException e) {
            System.err.println("nestor-dhcp4: configuration " + config + " refused:\n" + e.getMessage());
            return 1;
        }
        applyLoggers(cfg);
        StatsRegistry stats = new StatsRegistry();
        Dhcp4Server.ServerOptions opts = new Dhcp4Server.ServerOptions(Version.NUMBER, config.toString(), serverPort,
                clientPort, DaemonRun.dataDirectory(), Integer.getInteger("nestor.workers", 0), 4096);
        // created first: the server's commands and the hook libraries' (loaded by start()) go to it
        CommandRegistry registry = new CommandRegistry();
        Dhcp4Server server = new Dhcp4Server(opts, stats, Clock.SYSTEM, registry);
        DaemonRun run = new DaemonRun();
        // on-fail stop-retry-exit / serve-retry-exit: the lease database is gone for good
        server.onFatalDatabaseFailure(run::stop);
        // the server's own commands before start(): a hook library claiming one of their names is then a
        // configuration error ("provided by the server"), not a clash after start
        StatisticCommands.registerAll(registry, stats);
        RuntimeChanges changes = new RuntimeChanges();
        ControlChannels channels = new ControlChannels(registry, "dhcp4");
        ConfigReloader<Dhcp4Config> reloader = new ConfigReloader<>(server,
                ConfigReloader.Server.of(Dhcp4Server::test, server::reconfigure, Dhcp4Config::controlSockets), config, this::load,
                this::applyLoggers, channels, changes);
        Dhcp4Commands.registerAll(registry, server, reloader, changes, run::stop);
        if (!DaemonRun.started("nestor-dhcp4", config, () -> server.start(cfg))) return 1;
        channels.open(cfg.controlSockets());
        int exit = run.awaitStop(reloader::reloadFromFile);
        channels.close();
        server.close();
        return exit;
    }

    private Integer checkOnly(Path file) {
        try {
            Dhcp4Config cfg = load(file);
            Dhcp4Server.test(cfg);
            System.out.println("Configuration " + file + " is valid (" + cfg.subnets().size() + " subnet(s)).");
            return 0;
        } catch (ConfigException e) {
            System.err.println("nestor-dhcp4: configuration " + file + " refused:\n" + e.getMessage());
            return 1;
        }
    }

    private Dhcp4Config load(Path file) throws ConfigException {
        Dhcp4Config cfg = Dhcp4ConfigParser.parse(ConfigText.read(file));
        ControlChannels.check(cfg.controlSockets()); // auth files and TLS material: refused like any other config error
        return cfg;
    }

    private void applyLoggers(Dhcp4Config cfg) {
        LoggingSetup.apply(LoggerMapping.toSpecs(cfg.loggers()), kea.debug);
    }
}
