package dev.nestor.hooks.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the loading server offers libraries.
 *
 * @param family            which points this server fires (a library registering another family's point is refused)
 * @param serverConfig      the server's configuration object ({@code Dhcp4} / {@code Dhcp6}), handed out as copies
 * @param parkedPacketLimit Kea's {@code parked-packet-limit}: parked queries per hook point, 0 = unlimited
 * @param commands          where library commands go; null = libraries may not register commands
 * @param builtins          Kea library names provided by the server or bundled
 * @param apiLoader         parent of every library class loader: the loader that has the hooks API
 * @param services          what {@code HookContext.service(type)} answers, by type
 */
public record HookEnvironment(HookPoint.Family family, JsonNode serverConfig, int parkedPacketLimit, HookCommands commands,
                              BuiltinLibraries builtins, ClassLoader apiLoader, Map<Class<?>, Object> services) {
    public HookEnvironment {
        Objects.requireNonNull(family, "family");
        serverConfig = serverConfig == null ? JsonNodeFactory.instance.objectNode() : serverConfig.deepCopy();
        if (parkedPacketLimit < 0) throw new IllegalArgumentException("negative parked-packet-limit");
        builtins = builtins == null ? BuiltinLibraries.standard() : builtins;
        apiLoader = apiLoader == null ? HookLibrary.class.getClassLoader() : apiLoader;
        services = services == null ? Map.of() : Map.copyOf(services);
        services.forEach((type, impl) -> {
            if (!type.isInstance(impl)) throw new IllegalArgumentException(impl + " is not a " + type.getName());
        });
    }

    /** Without services. */
    public HookEnvironment(HookPoint.Family family, JsonNode serverConfig, int parkedPacketLimit, HookCommands commands,
                           BuiltinLibraries builtins, ClassLoader apiLoader) {
        this(family, serverConfig, parkedPacketLimit, commands, builtins, apiLoader, Map.of());
    }

    /** A server's environment with the standard built-ins and the API's own class loader as parent. */
    public static HookEnvironment of(HookPoint.Family family, JsonNode serverConfig, int parkedPacketLimit, HookCommands commands) {
        return new HookEnvironment(family, serverConfig, parkedPacketLimit, commands, BuiltinLibraries.standard(), null);
    }

    public HookEnvironment withBuiltins(BuiltinLibraries b) {
        return new HookEnvironment(family, serverConfig, parkedPacketLimit, commands, b, apiLoader, services);
    }

    /** A copy that offers {@code impl} to libraries asking for {@code type}. */
    public <S> HookEnvironment withService(Class<S> type, S impl) {
        Map<Class<?>, Object> m = new HashMap<>(services);
        m.put(type, Objects.requireNonNull(impl, "impl"));
        return new HookEnvironment(family, serverConfig, parkedPacketLimit, commands, builtins, apiLoader, m);
    }

    /** {@return the service offered for {@code type}} */
    public <S> Optional<S> service(Class<S> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    @Override public JsonNode serverConfig() { return serverConfig.deepCopy(); }
}
