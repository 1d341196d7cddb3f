package dev.nestor.daemon.dhcp4;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.Dhcp4Config;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.StatisticCommands;
import dev.nestor.dhcp4.Dhcp4Server;
import dev.nestor.dhcp4.Version;
import dev.nestor.control.server.RuntimeChanges;
import dev.nestor.daemon.support.ConfigReloader;
import dev.nestor.daemon.support.ControlChannels;
import dev.nestor.daemon.support.LoggerMapping;
import dev.nestor.daemon.support.Signals;
import dev.nestor.dhcp4.command.Dhcp4Commands;
import dev.nestor.logging.LoggingSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** nestor-dhcp4: Kea's kea-dhcp4 command line over the DHCPv4 server library. */
@Command(name = "nestor-dhcp4", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Nestor DHCPv4 server (Kea-compatible).")
public final class NestorDhcp4Main implements Callable<Integer> {
    @Option(names = "-c", paramLabel = "FILE", description = "configuration file")
    Path config;
    @Option(names = "-t", paramLabel = "FILE", description = "check the configuration file and exit")
    Path testConfig;
    @Option(names = "-T", paramLabel = "FILE", description = "check the configuration file (as -t) and exit")
    Path testConfigFull;
    @Option(names = "-p", paramLabel = "PORT", description = "server port (default 67)")
    int serverPort = 67;
    @Option(names = "-P", paramLabel = "PORT", description = "client port (default 68)")
    int clientPort = 68;
    @Option(names = "-d", description = "verbose (debug) logging")
    boolean debug;
    @Option(names = "-v", description = "print the version and exit")
    boolean version;
    @Option(names = "-V", description = "print the extended version and exit")
    boolean extendedVersion;
    @Option(names = "-W", description = "print the build configuration report and exit")
    boolean buildReport;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp4");

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new NestorDhcp4Main());
        cl.setPosixClusteredShortOptionsAllowed(false);
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (version) { System.out.println(Version.NUMBER); return 0; }
        if (extendedVersion) { System.out.println(Version.extended()); return 0; }
        if (buildReport) { System.out.println(Version.buildReport()); return 0; }
        Path check = testConfig != null ? testConfig : testConfigFull;
        if (check != null) return checkOnly(check);
        if (config == null) {
            System.err.println("nestor-dhcp4: no configuration file given (use -c FILE)");
            return 1;
        }
        LoggingSetup.applyDefaults(debug);
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
                clientPort, dataDirectory(), Integer.getInteger("nestor.workers", 0), 4096);
        // created first: hook libraries loaded by start() add their commands to it
        CommandRegistry registry = new CommandRegistry();
        Dhcp4Server server = new Dhcp4Server(opts, stats, Clock.SYSTEM, registry);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger exitValue = new AtomicInteger();
        // on-fail stop-retry-exit / serve-retry-exit: the lease database is gone for good
        server.onFatalDatabaseFailure(code -> {
            exitValue.set(code);
            stop.countDown();
        });
        try {
            server.start(cfg);
        } catch (ConfigException e) {
            System.err.println("nestor-dhcp4: configuration " + config + " refused:\n" + e.getMessage());
            return 1;
        } catch (Exception e) {
            log.error("nestor-dhcp4 failed to start: {}", e.getMessage());
            return 1;
        }
        StatisticCommands.registerAll(registry, stats);
        RuntimeChanges changes = new RuntimeChanges();
        ControlChannels channels = new ControlChannels(registry, "dhcp4");
        ConfigReloader<Dhcp4Config> reloader = new ConfigReloader<>(server,
                ConfigReloader.Server.of(Dhcp4Server::test, server::reconfigure, Dhcp4Config::controlSockets), config, this::load,
                this::applyLoggers, channels, changes);
        Dhcp4Commands.registerAll(registry, server, reloader, changes, code -> {
            exitValue.set(code);
            stop.countDown();
        });
        channels.open(cfg.controlSockets());
        Signals.onHangup(reloader::reloadFromFile);
        Signals.onTerminate(stop::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
        channels.close();
        server.close();
        return exitValue.get();
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
        LoggingSetup.apply(LoggerMapping.toSpecs(cfg.loggers()), debug);
    }

    /** Where relative lease files without a name go: NESTOR_DATA_DIR, else /var/lib/nestor (Kea: /var/lib/kea). */
    private static Path dataDirectory() {
        String env = System.getenv("NESTOR_DATA_DIR");
        return Path.of(env != null && !env.isBlank() ? env : "/var/lib/nestor");
    }
}
