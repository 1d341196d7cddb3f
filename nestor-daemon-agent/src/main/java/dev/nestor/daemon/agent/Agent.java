package dev.nestor.daemon.agent;

import dev.nestor.control.CommandRegistry;
import dev.nestor.control.http.ControlConfigException;
import dev.nestor.control.http.HttpControlListener;
import dev.nestor.control.http.UnixCommandClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running Control Agent: its current config (swapped whole on reconfiguration), the HTTP(S) listener and the
 * forwarder. A new config with a different listener setup (address, port, TLS, authentication, headers) reopens
 * the listener in the background, after the command that changed it has been answered.
 */
final class Agent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.agent");
    /** Kea's TIMEOUT_AGENT_FORWARD_COMMAND is 60 s: a config-set on a big daemon config can take a while. */
    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(60);
    private static final long SETTLE_MILLIS = 300;

    private final AtomicReference<AgentConfig> config = new AtomicReference<>();
    private final CommandRegistry registry;
    private final AgentProcessor processor;
    private final ExecutorService reopener = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("agent-listener-reopen").daemon(true).factory());
    private final long startedNanos = System.nanoTime();
    private volatile long lastCommitNanos = System.nanoTime();
    private HttpControlListener listener;

    Agent(AgentConfig initial, CommandRegistry registry) {
        config.set(initial);
        this.registry = registry;
        this.processor = new AgentProcessor(registry, config::get, new UnixCommandClient(FORWARD_TIMEOUT));
    }

    AgentConfig config() {
        return config.get();
    }

    CommandRegistry registry() {
        return registry;
    }

    synchronized void start() throws IOException {
        listener = new HttpControlListener(config.get().http(), processor);
        listener.start();
        log.info("CTRL_AGENT_HTTP_SERVICE_STARTED HTTP{} service bound to {}", config.get().http().tls() != null ? "S" : "",
                listener.describe());
    }

    /** Checks what a config needs beyond parsing (TLS material) without applying it. */
    static void check(AgentConfig cfg) throws ControlConfigException {
        HttpControlListener.checkTls(cfg.http());
    }

    /** Swaps the config in; forwarding uses it at once, the listener is reopened if its setup changed. */
    synchronized void reconfigure(AgentConfig next) throws ControlConfigException {
        check(next);
        AgentConfig old = config.getAndSet(next);
        lastCommitNanos = System.nanoTime();
        if (old.http().equals(next.http())) return;
        reopener.execute(() -> {
            try {
                Thread.sleep(SETTLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                listener.close();
                try {
                    start();
                } catch (IOException e) {
                    log.error("CTRL_AGENT_HTTP_SERVICE_REUSE_FAILED cannot open the new HTTP listener: {}", e.getMessage());
                }
            }
        });
    }

    long uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    long secondsSinceCommit() {
        return (System.nanoTime() - lastCommitNanos) / 1_000_000_000L;
    }

    @Override
    public void close() {
        reopener.shutdownNow();
        synchronized (this) {
            if (listener != null) listener.close();
        }
    }
}
