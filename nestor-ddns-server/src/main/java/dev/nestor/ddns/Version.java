package dev.nestor.ddns;

import dev.nestor.control.server.VersionInfo;

/** Version strings, as {@code -v}, {@code -V}, {@code -W} and version-get report them. */
public final class Version {
    public static final String NUMBER = "0.1.0";

    private Version() {}

    public static VersionInfo info() {
        String java = "Java " + Runtime.version();
        return new VersionInfo(NUMBER, NUMBER + " (Nestor, " + java + ")",
                "Nestor " + NUMBER + "\n" + java + "\nDNS library: dnsjava " + dnsjavaVersion()
                        + "\nNCR protocol: UDP, format JSON\nTSIG: HMAC-MD5, HMAC-SHA1, HMAC-SHA224, HMAC-SHA256, HMAC-SHA384, HMAC-SHA512");
    }

    private static String dnsjavaVersion() {
        String v = org.xbill.DNS.Message.class.getPackage().getImplementationVersion();
        return v == null ? "3.x" : v;
    }
}
