package dev.nestor.daemon.ddns;

import dev.nestor.daemon.support.ControlChannels;
import dev.nestor.daemon.support.LoggerMapping;
import dev.nestor.daemon.support.Signals;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.common.time.Clock;
import dev.nestor.config.ConfigException;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.server.VersionInfo;
import dev.nestor.ddns.D2Server;
import dev.nestor.ddns.Version;
import dev.nestor.ddns.command.D2Commands;
import dev.nestor.ddns.config.D2Config;
import dev.nestor.ddns.config.D2ConfigParser;
import dev.nestor.ddns.dns.UdpDnsClient;
import dev.nestor.logging.LoggingSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** nestor-ddns: Kea's kea-dhcp-ddns command line over the DDNS server library. */
@Command(name = "nestor-ddns", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Nestor DHCP-DDNS server (Kea-compatible D2): NameChangeRequests in, DNS UPDATEs out.")
public final class NestorDdnsMain implements Callable<Integer> {
    @Option(names = "-c", paramLabel = "FILE", description = "configuration file")
    Path config;
    @Option(names = "-t", paramLabel = "FILE", description = "check the configuration file and exit")
    Path testConfig;
    @Option(names = "-T", paramLabel = "FILE", description = "check the configuration file (as -t) and exit")
    Path testConfigFull;
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

    private static final Logger log = LoggerFactory.getLogger("dev.nestor.dhcpddns");

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new NestorDdnsMain());
        cl.setPosixClusteredShortOptionsAllowed(false);
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        VersionInfo v = Version.info();
        if (version) { System.out.println(v.number()); return 0; }
        if (extendedVersion) { System.out.println(v.extended()); return 0; }
        if (buildReport) { System.out.println(v.buildReport()); return 0; }
        Path check = testConfig != null ? testConfig : testConfigFull;
        if (check != null) return checkOnly(check);
        if (config == null) {
            System.err.println("nestor-ddns: no configuration file given (use -c FILE)");
            return 1;
        }
        LoggingSetup.applyDefaults(debug);
        D2Config cfg;
        try {
            cfg = load(config);
            D2Server.test(cfg);
        } catch (ConfigException e) {
            System.err.println("nestor-ddns: configuration " + config + " refused:\n" + e.getMessage());
            return 1;
        }
        applyLoggers(cfg);
        D2Server server = new D2Server(new StatsRegistry(), new UdpDnsClient(), Clock.SYSTEM);
        try {
            server.start(cfg);
        } catch (Exception e) {
            log.error("DHCP_DDNS_FAILED nestor-ddns failed to start: {}", e.getMessage());
            System.err.println("nestor-ddns: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CommandRegistry registry = new CommandRegistry();
        ControlChannels channels = new ControlChannels(registry, "d2");
        Reloader reloader = new Reloader(server, config, this::load, this::applyLoggers, channels);
        D2Commands.registerAll(registry, server, reloader, v, stop::countDown);
        channels.open(cfg.controlSockets());
        Signals.onHangup(reloader::reloadFromFile);
        Signals.onTerminate(stop::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
        channels.close();
        server.close();
        return 0;
    }

    private Integer checkOnly(Path file) {
        try {
            D2Config cfg = load(file);
            D2Server.test(cfg);
            System.out.println("Configuration " + file + " is valid (" + cfg.forwardDomains().size() + " forward, "
                    + cfg.reverseDomains().size() + " reverse domain(s), " + cfg.tsigKeys().size() + " TSIG key(s)).");
            return 0;
        } catch (ConfigException e) {
            System.err.println("nestor-ddns: configuration " + file + " refused:\n" + e.getMessage());
            return 1;
        }
    }

    private D2Config load(Path file) throws ConfigException {
        D2Config cfg = D2ConfigParser.parseFile(file);
        ControlChannels.check(cfg.controlSockets()); // auth files and TLS material: refused like any other config error
        return cfg;
    }

    private void applyLoggers(D2Config cfg) {
        LoggingSetup.apply(LoggerMapping.toSpecs(cfg.loggers()), debug);
    }
}
