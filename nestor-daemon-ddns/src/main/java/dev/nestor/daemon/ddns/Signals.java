package dev.nestor.daemon.ddns;

import sun.misc.Signal;

/** POSIX signals: SIGHUP reloads the configuration, SIGTERM and SIGINT stop the server. */
final class Signals {
    private Signals() {}

    static void onHangup(Runnable action) {
        Signal.handle(new Signal("HUP"), s -> Thread.ofPlatform().name("sighup").start(action));
    }

    static void onTerminate(Runnable action) {
        Signal.handle(new Signal("TERM"), s -> action.run());
        Signal.handle(new Signal("INT"), s -> action.run());
    }
}
