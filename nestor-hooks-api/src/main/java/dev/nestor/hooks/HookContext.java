package dev.nestor.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.control.CommandHandler;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * What the server gives a library in {@link HookLibrary#load}: its parameters, a way to attach callouts and
 * commands, a logger, and the configuration. Only valid during {@code load}: registering later fails.
 */
public interface HookContext {
    /** {@return the library's name as configured: the file name of its {@code library} entry} */
    String libraryName();

    /** {@return a copy of the entry's {@code parameters} map; an empty object when absent} */
    JsonNode parameters();

    /**
     * {@return a copy of the server's whole configuration as parsed (the {@code Dhcp4} or {@code Dhcp6} object)}
     * Read-only in effect: changing the copy changes nothing.
     */
    JsonNode serverConfig();

    /** {@return a logger named {@code dev.nestor.hooks.<library name>}, configurable with Kea's "loggers"} */
    Logger logger();

    /**
     * Attaches a callout to a hook point. Callouts of one point run in the order of {@code hooks-libraries}, and
     * within one library in the order they were registered.
     *
     * @throws IllegalStateException after {@code load} returned
     * @throws IllegalArgumentException for a point this server does not fire (e.g. a dhcp6 point in the v4 server)
     */
    <E> void registerCallout(HookPoint<E> point, Callout<E> callout);

    /**
     * Adds a control command (Kea's {@code registerCommandCallout}), answered over every control channel while
     * this configuration runs.
     *
     * @throws IllegalArgumentException when the server or another library already provides the command
     * @throws IllegalStateException after {@code load} returned
     */
    void registerCommand(String name, CommandHandler handler);

    /**
     * A service the server offers libraries, e.g. {@code dev.nestor.hooks.v4.LeaseService4}; empty when this server
     * has none of that type. Safe to keep and use from callouts and library threads after {@code load}. Since API 1.1.
     */
    default <S> Optional<S> service(Class<S> type) { return Optional.empty(); }

    /** {@return which server loads the library: DHCP4 or DHCP6 (ANY when unknown)} Since API 1.1. */
    default HookPoint.Family family() { return HookPoint.Family.ANY; }
}
