package dev.nestor.hooks;

import java.util.OptionalLong;

/**
 * The server's statistics (Kea's {@code StatsMgr}) as a library may update them: the values appear in
 * {@code statistic-get} / {@code statistic-get-all} and the other {@code statistic-*} commands like the server's
 * own. Both servers offer it: get it in {@code load} with {@code context.service(StatsService.class)}. Thread-safe;
 * safe to keep and use from callouts and library threads after {@code load}. Since API 1.2.
 *
 * <p>Names follow Kea's conventions: global ones like {@code "pkt4-receive-drop"}, per subnet
 * {@code "subnet[<id>].<name>"} ({@link #subnetName}). An integer statistic is created by its first update; updating
 * a statistic the server keeps with another type (float, duration, string) throws {@link IllegalStateException}.
 */
public interface StatsService {
    /** Adds {@code delta} (may be negative or 0) to an integer statistic, creating it with {@code delta} if absent. */
    void add(String name, long delta);

    /** Records {@code value} as the current value of an integer statistic, creating it if absent. */
    void set(String name, long value);

    /** {@return the current value of an integer statistic; empty when there is none by that name} */
    OptionalLong get(String name);

    /** {@return Kea's name of a per-subnet statistic, e.g. {@code subnetName(1, "assigned-nas")} = "subnet[1].assigned-nas"} */
    static String subnetName(long subnetId, String name) {
        return "subnet[" + subnetId + "]." + name;
    }
}
