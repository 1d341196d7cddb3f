package dev.nestor.daemon.support;

import dev.nestor.config.ConfigException;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running daemon's stop: SIGTERM, SIGINT, the JVM shutting down or the {@code shutdown} command (with its exit
 * value) end {@link #awaitStop}; SIGHUP runs the reload. One per daemon process.
 */
public final class DaemonRun {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicInteger exitValue = new AtomicInteger();

    /** Stops the daemon with {@code code} as its exit value (the shutdown command, a fatal database loss). */
    public void stop(int code) {
        exitValue.set(code);
        stop.countDown();
    }

    /**
     * Installs the signal handlers and waits until the daemon is told to stop. {@return the exit value}
     *
     * @param onHangup what SIGHUP does (reload the config file)
     */
    public int awaitStop(Runnable onHangup) throws InterruptedException {
        Signals.onHangup(onHangup);
        Signals.onTerminate(stop::countDown);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
        return exitValue.get();
    }

    /** Starting a server with its first config. */
    @FunctionalInterface
    public interface Start {
        void start() throws Exception;
    }

    /**
     * Starts the server, reporting a refused config on stderr (as Kea does) and any other failure in the log.
     * {@return whether it started}
     *
     * @param daemon the daemon's name for the messages, e.g. "nestor-dhcp4"
     */
    public static boolean started(String daemon, Path config, Start start) {
        try {
            start.start();
            return true;
        } catch (ConfigException e) {
            System.err.println(daemon + ": configuration " + config + " refused:\n" + e.getMessage());
        } catch (Exception e) {
            LoggerFactory.getLogger("dev.nestor." + daemon.substring(daemon.indexOf('-') + 1))
                    .error("{} failed to start: {}", daemon, e.getMessage());
        }
        return false;
    }

    /** Where relative lease files (and the DHCPv6 server-id file) go: NESTOR_DATA_DIR, else /var/lib/nestor (Kea: /var/lib/kea). */
    public static Path dataDirectory() {
        String env = System.getenv("NESTOR_DATA_DIR");
        return Path.of(env != null && !env.isBlank() ? env : "/var/lib/nestor");
    }
}
