package dev.nestor.hooks;

/**
 * The version of this API. A library answers {@link HookLibrary#apiVersion()} with {@link #VERSION}: it is a
 * compile-time constant, so the number compiled into the library is the API it was built against.
 *
 * <p>Compatibility rule: a server loads a library built for the same major version and a minor version no newer
 * than its own (minor versions only add). A library built for another major version is refused with a message
 * naming the library and both versions.
 */
public final class HookApi {
    /** Incompatible changes bump this. */
    public static final int MAJOR = 1;
    /**
     * Additions (new hook points, new event fields with defaults) bump this. 1.1: lease4_server_decline, services.
     * 1.2: host6_identifier, the StatsService.
     */
    public static final int MINOR = 2;
    /** {@code MAJOR * 1000 + MINOR}: what {@link HookLibrary#apiVersion()} returns. */
    public static final int VERSION = MAJOR * 1000 + MINOR;

    private HookApi() {}

    /** {@return the major part of an encoded version} */
    public static int major(int version) { return version / 1000; }

    /** {@return the minor part of an encoded version} */
    public static int minor(int version) { return version % 1000; }

    /** {@return "major.minor" of an encoded version} */
    public static String text(int version) { return major(version) + "." + minor(version); }

    /** {@return whether a library built for {@code version} runs on this API} */
    public static boolean compatible(int version) {
        return version >= 0 && major(version) == MAJOR && minor(version) <= MINOR;
    }
}
