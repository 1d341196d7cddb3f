package dev.nestor.dhcp6;

import dev.nestor.control.server.VersionInfo;

/** Version strings of nestor-dhcp6, as {@code -v}, {@code -V}, {@code -W} and version-get report them. */
public final class Version {
    public static final String NUMBER = "0.1.0";

    private Version() {}

    public static VersionInfo info() {
        return new VersionInfo(NUMBER, NUMBER + " (Nestor, Java " + Runtime.version() + ")",
                "Nestor " + NUMBER + "\nJava: " + Runtime.version() + "\nLease backends: memfile\nProtocols: DHCPv6");
    }
}
