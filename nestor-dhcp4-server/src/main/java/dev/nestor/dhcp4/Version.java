package dev.nestor.dhcp4;

import dev.nestor.control.server.VersionInfo;

/** Version strings, as {@code -v}, {@code -V} and version-get report them. */
public final class Version {
    public static final String NUMBER = "0.1.0";

    private Version() {}

    public static String extended() {
        return NUMBER + " (Nestor, Java " + Runtime.version() + ")";
    }

    public static String buildReport() {
        return "Nestor " + NUMBER + "\nJava: " + Runtime.version() + "\nLease backends: memfile\nProtocols: DHCPv4";
    }

    /** What version-get and build-report answer. */
    public static VersionInfo info() {
        return new VersionInfo(NUMBER, extended(), buildReport());
    }
}
