package dev.nestor.control.server;

import java.nio.file.Path;

/**
 * Where a daemon's running config came from and how a new one goes live, so config-reload / config-write can go
 * back to the file and config-set / config-test run the daemon's whole preparation (server runtime, control
 * channels, loggers), not only the server's.
 *
 * @param <C> the parsed, validated config type
 */
public interface ConfigSource<C> {
    /** The config file given on the command line; null when there is none. */
    Path file();

    /** Reads and validates the file again. @throws Exception whose message says what is wrong, with JSON paths */
    C read() throws Exception;

    /**
     * Prepares everything {@code config} needs and swaps it into the running server (and applies its loggers and
     * control channels). On any failure the running config stays in service.
     */
    void apply(C config) throws Exception;

    /** Runs {@link #apply}'s preparation and stops before the swap (config-test). */
    void check(C config) throws Exception;

    /** One step on a config that may refuse it. */
    @FunctionalInterface
    interface Step<C> {
        void run(C config) throws Exception;
    }

    /** Reads a config. */
    @FunctionalInterface
    interface Reader<C> {
        C read() throws Exception;
    }

    /** A source from its parts, e.g. {@code of(file, () -> parse(file), server::reconfigure, Server::test)}. */
    static <C> ConfigSource<C> of(Path file, Reader<C> read, Step<C> apply, Step<C> check) {
        return new ConfigSource<>() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public C read() throws Exception {
                return read.read();
            }

            @Override
            public void apply(C config) throws Exception {
                apply.run(config);
            }

            @Override
            public void check(C config) throws Exception {
                check.run(config);
            }
        };
    }
}
