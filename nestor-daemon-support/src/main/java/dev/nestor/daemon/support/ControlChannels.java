package dev.nestor.daemon.support;

import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.model.ControlSocketSpec;
import dev.nestor.control.CommandRegistry;
import dev.nestor.control.KeaJson;
import dev.nestor.control.http.CommandProcessor;
import dev.nestor.control.http.ControlConfigException;
import dev.nestor.control.http.ControlListener;
import dev.nestor.control.http.HttpControlConfig;
import dev.nestor.control.http.HttpControlListener;
import dev.nestor.control.unix.UnixControlSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A daemon's control channels: one listener per {@code control-sockets} entry (or the older
 * {@code control-socket}), unix, http or https, all dispatching to the daemon's command registry. HTTP requests
 * naming a {@code service} are accepted for the daemon's own service name only ("dhcp4", "dhcp6", "d2"). On
 * reconfiguration the entries whose JSON changed are closed and reopened, the others keep running untouched.
 *
 * <p>Reopening happens on a background thread, a moment after the swap: the command that triggered it
 * (config-set over the very channel being replaced) gets its answer first.
 */
public final class ControlChannels implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.commands");
    /** Lets the answer to the command that changed the channels leave before they close. */
    private static final long SETTLE_MILLIS = 300;

    private final CommandRegistry registry;
    private final String service;
    /** Spec JSON (with its path) → open listener; only touched under this object's lock. */
    private final Map<String, ControlListener> open = new LinkedHashMap<>();
    private final ExecutorService reopener;

    /** @param service the daemon's service name in forwarded commands: "dhcp4", "dhcp6" or "d2" */
    public ControlChannels(CommandRegistry registry, String service) {
        this.registry = registry;
        this.service = service;
        this.reopener = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(service + "-ctrl-reopen").daemon(true).factory());
    }

    /** The daemon's service name ("dhcp4", "dhcp6", "d2"). */
    public String service() {
        return service;
    }

    /** Validates what the channels need (auth files, TLS material) without opening anything. */
    public static void check(List<ControlSocketSpec> specs) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        for (ControlSocketSpec spec : specs) {
            if (spec.socketType().equals("unix")) continue;
            try {
                HttpControlListener.checkTls(httpConfig(spec));
            } catch (ControlConfigException e) {
                errors.add(new ConfigError(e.path(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) throw new ConfigException(errors);
    }

    private static HttpControlConfig httpConfig(ControlSocketSpec spec) throws ControlConfigException {
        try {
            return HttpControlConfig.parse(KeaJson.parse(spec.json()), spec.path());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ControlConfigException(spec.path(), "unreadable control socket entry: " + e.getOriginalMessage());
        }
    }

    /** Opens the channels of the initial config now; a channel that cannot open is logged and skipped, as in Kea. */
    public synchronized void open(List<ControlSocketSpec> specs) {
        reconcileNow(specs);
    }

    /** After a swap: closes the channels no longer configured, opens the new ones (in the background). */
    public void reconfigure(List<ControlSocketSpec> specs) {
        reopener.execute(() -> {
            try {
                Thread.sleep(SETTLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                reconcileNow(specs);
            }
        });
    }

    private void reconcileNow(List<ControlSocketSpec> specs) {
        Map<String, ControlSocketSpec> wanted = new LinkedHashMap<>();
        for (ControlSocketSpec spec : specs) wanted.put(key(spec), spec);
        // close first: a changed http listener usually reuses its port
        for (var it = open.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!wanted.containsKey(e.getKey())) {
                e.getValue().close();
                log.info("COMMAND_SOCKET_CLOSED control channel {} closed", e.getValue().describe());
                it.remove();
            }
        }
        for (var e : wanted.entrySet()) {
            if (open.containsKey(e.getKey())) continue;
            ControlSocketSpec spec = e.getValue();
            try {
                ControlListener l = listener(spec);
                l.start();
                open.put(e.getKey(), l);
                log.info("control channel listening on {}", l.describe());
            } catch (Exception ex) {
                log.error("COMMAND_SOCKET_OPEN_FAIL cannot open control channel {} ({}): {}", spec.path(), spec.socketType(), ex.getMessage());
            }
        }
    }

    /** The entry's JSON identifies it; the path too, so two identical entries are two listeners (and the second fails). */
    private static String key(ControlSocketSpec spec) {
        return spec.path() + " " + spec.json();
    }

    private ControlListener listener(ControlSocketSpec spec) throws ControlConfigException {
        if (spec.socketType().equals("unix")) return new UnixListener(new UnixControlSocket(Path.of(spec.socketName()), registry));
        return new HttpControlListener(httpConfig(spec), CommandProcessor.daemon(registry, service));
    }

    /** Descriptions of the open channels (for logs and tests). */
    public synchronized List<String> describe() {
        return open.values().stream().map(ControlListener::describe).toList();
    }

    @Override
    public void close() {
        reopener.shutdownNow();
        try {
            reopener.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            open.values().forEach(ControlListener::close);
            open.clear();
        }
    }

    /** The unix control socket seen as a {@link ControlListener}. */
    private record UnixListener(UnixControlSocket socket) implements ControlListener {
        @Override
        public void start() throws IOException {
            socket.start();
        }

        @Override
        public String describe() {
            return "unix:" + socket.path();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
