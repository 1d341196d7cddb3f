package dev.nestor.daemon.agent;

/** What version-get, build-report, {@code -v}, {@code -V} and {@code -W} print for the agent. */
final class AgentVersion {
    static final String NUMBER = "0.1.0";

    private AgentVersion() {}

    static String extended() {
        return NUMBER + " (Nestor, Java " + Runtime.version() + ")";
    }

    static String buildReport() {
        return "Nestor " + NUMBER + " control agent\nJava: " + Runtime.version() + "\nServices: dhcp4, dhcp6, d2 (unix socket forwarding)";
    }
}
