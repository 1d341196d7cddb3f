package dev.nestor.daemon.support;

import sun.misc.Signal;

/** POSIX signals: SIGHUP reloads the configuration, SIGTERM and SIGINT stop the daemon. */
public final class Signals {
    private Signals() {}

    /** Runs {@code action} on a thread of its own for each SIGHUP (a reload may take a while). */
    public static void onHangup(Runnable action) {
        Signal.handle(new Signal("HUP"), s -> Thread.ofPlatform().name("sighup").start(action));
    }

    public static void onTerminate(Runnable action) {
        Signal.handle(new Signal("TERM"), s -> action.run());
        Signal.handle(new Signal("INT"), s -> action.run());
    }
}
