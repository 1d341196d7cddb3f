package dev.nestor.daemon.agent;

import dev.nestor.control.CommandRegistry;
import dev.nestor.control.http.ControlConfigException;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.logging.LoggingSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** nestor-agent: kea-ctrl-agent's command line; Kea's Control Agent over the daemons' unix control sockets. */
@Command(name = "nestor-agent", mixinStandardHelpOptions = false, sortOptions = false,
        description = "Nestor Control Agent (Kea-compatible REST front end for the DHCP daemons).")
public final class NestorAgentMain implements Callable<Integer>, AgentCommands.Source {
    @Option(names = "-c", paramLabel = "FILE", description = "configuration file")
    Path config;
    @Option(names = {"-t", "-T"}, paramLabel = "FILE", description = "check the configuration file and exit")
    Path testConfig;
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

    private static final Logger log = LoggerFactory.getLogger("dev.nestor.agent");
    private Agent agent;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new NestorAgentMain());
        cl.setPosixClusteredShortOptionsAllowed(false);
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (version) { System.out.println(AgentVersion.NUMBER); return 0; }
        if (extendedVersion) { System.out.println(AgentVersion.extended()); return 0; }
        if (buildReport) { System.out.println(AgentVersion.buildReport()); return 0; }
        if (testConfig != null) {
            try {
                Agent.check(load(testConfig));
                System.out.println("Configuration " + testConfig + " is valid.");
                return 0;
            } catch (ControlConfigException e) {
                System.err.println("nestor-agent: configuration " + testConfig + " refused:\n" + e);
                return 1;
            }
        }
        if (config == null) {
            System.err.println("nestor-agent: no configuration file given (use -c FILE)");
            return 1;
        }
        LoggingSetup.applyDefaults(debug);
        AgentConfig cfg;
        try {
            cfg = read();
            Agent.check(cfg);
        } catch (ControlConfigException e) {
            System.err.println("nestor-agent: configuration " + config + " refused:\n" + e);
            return 1;
        }
        LoggingSetup.apply(cfg.loggers(), debug);
        CommandRegistry registry = new CommandRegistry();
        agent = new Agent(cfg, registry);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger exitValue = new AtomicInteger();
        AgentCommands.registerAll(registry, agent, this, code -> {
            exitValue.set(code);
            stop.countDown();
        });
        try {
            agent.start();
        } catch (Exception e) {
            log.error("CTRL_AGENT_FAILED nestor-agent failed to start: {}", e.getMessage());
            return 1;
        }
        Signal.handle(new Signal("HUP"), s -> Thread.ofPlatform().name("sighup").start(this::reloadQuietly));
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
        agent.close();
        return exitValue.get();
    }

    private void reloadQuietly() {
        try {
            apply(read());
        } catch (ControlConfigException e) {
            log.error("reloading {} failed, the running configuration stays: {}", config, e);
        }
    }

    private static AgentConfig load(Path file) throws ControlConfigException {
        try {
            return AgentConfig.parse(ConfigText.read(file));
        } catch (ConfigException e) {
            throw new ControlConfigException("", e.getMessage());
        }
    }

    @Override
    public Path file() {
        return config;
    }

    @Override
    public AgentConfig read() throws ControlConfigException {
        return load(config);
    }

    @Override
    public void apply(AgentConfig cfg) throws ControlConfigException {
        synchronized (this) {
            agent.reconfigure(cfg);
            LoggingSetup.apply(cfg.loggers(), debug);
        }
    }
}
