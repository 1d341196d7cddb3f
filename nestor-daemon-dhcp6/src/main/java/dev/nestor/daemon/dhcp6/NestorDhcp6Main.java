package dev.nestor.daemon.dhcp6;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp6ConfigParser;
import dev.nestor.config.model.ControlSocketSpec;
import dev.nestor.config.model.Dhcp6Config;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.StatisticCommands;
import dev.nestor.control.unix.UnixControlSocket;
import dev.nestor.dhcp6.Dhcp6Server;
import dev.nestor.dhcp6.Version;
import dev.nestor.dhcp6.command.Dhcp6Commands;
import dev.nestor.logging.LoggingSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** nestor-dhcp6: Kea's kea-dhcp6 command line over the DHCPv6 server library. */
@Command(name = "nestor-dhcp6", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Nestor DHCPv6 server (Kea-compatible).")
public final class NestorDhcp6Main implements Callable<Integer> {
    @Option(names = "-c", paramLabel = "FILE", description = "configuration file")
    Path config;
    @Option(names = "-t", paramLabel = "FILE", description = "check the configuration file and exit")
    Path testConfig;
    @Option(names = "-T", paramLabel = "FILE", description = "check the configuration file (as -t) and exit")
    Path testConfigFull;
    @Option(names = "-p", paramLabel = "PORT", description = "server port (default 547)")
    int serverPort = 547;
    @Option(names = "-P", paramLabel = "PORT", description = "client port (default 546)")
    int clientPort = 546;
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

    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcp6");

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new NestorDhcp6Main());
        cl.setPosixClusteredShortOptionsAllowed(false);
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (version) { System.out.println(Version.info().number()); return 0; }
        if (extendedVersion) { System.out.println(Version.info().extended()); return 0; }
        if (buildReport) { System.out.println(Version.info().buildReport()); return 0; }
        Path check = testConfig != null ? testConfig : testConfigFull;
        if (check != null) return checkOnly(check);
        if (config == null) {
            System.err.println("nestor-dhcp6: no configuration file given (use -c FILE)");
            return 1;
        }
        LoggingSetup.applyDefaults(debug);
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
                clientPort, dataDirectory(), Integer.getInteger("nestor.workers", 0), 4096);
        Dhcp6Server server = new Dhcp6Server(opts, stats, Clock.SYSTEM);
        try {
            server.start(cfg);
        } catch (ConfigException e) {
            System.err.println("nestor-dhcp6: configuration " + config + " refused:\n" + e.getMessage());
            return 1;
        } catch (Exception e) {
            log.error("nestor-dhcp6 failed to start: {}", e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CommandRegistry registry = new CommandRegistry();
        StatisticCommands.registerAll(registry, stats);
        Reloader reloader = new Reloader(server, config, this::load, this::applyLoggers);
        Dhcp6Commands.registerAll(registry, server, reloader, stop::countDown);
        List<UnixControlSocket> sockets = openControlSockets(cfg, registry);
        Signals.onHangup(reloader::reloadFromFile);
        Signals.onTerminate(stop::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
        for (UnixControlSocket s : sockets) s.close();
        server.close();
        return 0;
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
        return Dhcp6ConfigParser.parse(ConfigText.read(file));
    }

    private void applyLoggers(Dhcp6Config cfg) {
        LoggingSetup.apply(LoggerMapping.toSpecs(cfg.loggers()), debug);
    }

    private static List<UnixControlSocket> openControlSockets(Dhcp6Config cfg, CommandRegistry registry) {
        List<UnixControlSocket> out = new ArrayList<>();
        for (ControlSocketSpec spec : cfg.controlSockets()) {
            if (!"unix".equals(spec.socketType())) {
                log.warn("control socket type '{}' at {} is not supported yet; only unix sockets are opened", spec.socketType(), spec.path());
                continue;
            }
            try {
                UnixControlSocket s = new UnixControlSocket(Path.of(spec.socketName()), registry);
                s.start();
                out.add(s);
                log.info("control socket listening on {}", spec.socketName());
            } catch (Exception e) {
                log.error("cannot open control socket {}: {}", spec.socketName(), e.getMessage());
            }
        }
        return out;
    }

    /** Where relative lease files and the server-id file go: NESTOR_DATA_DIR, else /var/lib/nestor (Kea: /var/lib/kea). */
    private static Path dataDirectory() {
        String env = System.getenv("NESTOR_DATA_DIR");
        return Path.of(env != null && !env.isBlank() ? env : "/var/lib/nestor");
    }
}
