package dev.nestor.daemon.support;

import dev.nestor.control.server.VersionInfo;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The command-line options every Kea daemon takes ({@code -c}, {@code -t}, {@code -T}, {@code -d}, {@code -v},
 * {@code -V}, {@code -W}, {@code -h}), as a picocli mixin; the daemons add their own (ports).
 */
public final class KeaDaemonOptions {
    @Option(names = "-c", paramLabel = "FILE", description = "configuration file")
    public Path config;
    @Option(names = "-t", paramLabel = "FILE", description = "check the configuration file and exit")
    Path testConfig;
    @Option(names = "-T", paramLabel = "FILE", description = "check the configuration file (as -t) and exit")
    Path testConfigFull;
    @Option(names = "-d", description = "verbose (debug) logging")
    public boolean debug;
    @Option(names = "-v", description = "print the version and exit")
    boolean version;
    @Option(names = "-V", description = "print the extended version and exit")
    boolean extendedVersion;
    @Option(names = "-W", description = "print the build configuration report and exit")
    boolean buildReport;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    /** {@code -v}, {@code -V}, {@code -W}: prints what was asked for. {@return true if the daemon should exit now} */
    public boolean printedVersion(VersionInfo info) {
        if (version) System.out.println(info.number());
        else if (extendedVersion) System.out.println(info.extended());
        else if (buildReport) System.out.println(info.buildReport());
        else return false;
        return true;
    }

    /** The file of {@code -t} or {@code -T}, null when neither was given. */
    public Path checkOnly() {
        return testConfig != null ? testConfig : testConfigFull;
    }
}
