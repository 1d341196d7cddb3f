package dev.nestor.common.time;

/**
 * The server's notion of time, injected everywhere a lease lifetime or a timer is computed, so tests can
 * move time without sleeping. Seconds since the Unix epoch, as lease files store them.
 */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = () -> System.currentTimeMillis() / 1000L;

    long epochSeconds();
}
