package dev.nestor.admin;

import java.io.PrintStream;

/**
 * Progress of a long operation on stderr: a line at most every second ("uploaded 12000 of 50000 leases (24%)"),
 * and a last one when done, so a big dump or upload never looks hung and short ones stay quiet.
 */
final class Progress {
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final String verb;
    private final long total;
    private long done;
    private long lastPrint;
    private boolean printed;

    /** @param total the number of items, or -1 when unknown */
    Progress(PrintStream out, String verb, long total) {
        this.out = out;
        this.verb = verb;
        this.total = total;
        this.lastPrint = System.nanoTime();
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (now - lastPrint >= EVERY_NANOS) {
            lastPrint = now;
            print();
        }
    }

    long done() {
        return done;
    }

    /** The final line, printed only when progress lines were printed before (or the work took no steps). */
    void finish() {
        if (printed) print();
    }

    private void print() {
        printed = true;
        if (total > 0) out.printf("%s %d of %d leases (%d%%)%n", verb, done, total, done * 100 / total);
        else out.printf("%s %d leases%n", verb, done);
        out.flush();
    }
}
