package dev.nestor.config.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.config.ConfigText;
import dev.nestor.config.model.ControlSocketSpec;
import dev.nestor.config.model.DdnsConnectivity;
import dev.nestor.config.model.ExpiredLeasesProcessing;
import dev.nestor.config.model.HooksLibrarySpec;
import dev.nestor.config.model.InterfacesConfig;
import dev.nestor.config.model.LoggerConfig;
import dev.nestor.config.model.LoggerOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The service-level maps both daemons share: interfaces, lease database, D2 connectivity, reclamation, hooks,
 * control sockets, loggers.
 */
final class ServiceParsers {
    private static final long U32 = 0xFFFFFFFFL;
    private static final Set<String> SEVERITIES = Set.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "NONE");

    private ServiceParsers() {}

    /**
     * {@code interfaces-config}. DHCPv6 always uses UDP sockets and has no socket-type or outbound-interface keys
     * (its table refuses them), so those keep the values that mean "plain UDP, reply on the inbound interface".
     * A DHCPv6 entry {@code name/address} names a unicast address, which must be IPv6.
     */
    static InterfacesConfig interfaces(Obj global, Dialect dialect) {
        Obj o = global.map("interfaces-config");
        String defaultType = dialect.isV6() ? "udp" : "raw";
        if (o == null) return new InterfacesConfig(List.of(), defaultType, "same-as-inbound", true, 0, 5000, false);
        o.check(dialect.interfaces());
        List<String> ifaces = o.strings("interfaces");
        String type = o.string("dhcp-socket-type", defaultType);
        if (!type.equals("raw") && !type.equals("udp")) {
            o.error("dhcp-socket-type", "unsupported socket type '" + type + "', expected raw or udp");
            type = defaultType;
        }
        String outbound = o.string("outbound-interface", "same-as-inbound");
        if (!outbound.equals("same-as-inbound") && !outbound.equals("use-routing")) {
            o.error("outbound-interface", "unsupported outbound-interface '" + outbound + "', expected same-as-inbound or use-routing");
            outbound = "same-as-inbound";
        }
        if (dialect.isV6() && ifaces != null) {
            for (int i = 0; i < ifaces.size(); i++) {
                String e = ifaces.get(i);
                int slash = e.indexOf('/');
                if (slash >= 0 && Texts.ipv6(e.substring(slash + 1)) == null)
                    o.problems.error(o.at("interfaces") + "[" + i + "]", "invalid unicast address '"
                            + e.substring(slash + 1) + "' in interface entry '" + e + "', expected an IPv6 address");
            }
        }
        return new InterfacesConfig(ifaces == null ? List.of() : ifaces, type, outbound, o.bool("re-detect", true),
                (int) o.integer("service-sockets-max-retries", 0, Integer.MAX_VALUE, 0),
                o.integer("service-sockets-retry-wait-time", 0, U32, 5000), o.bool("service-sockets-require-all", false));
    }

    /** {@code lease-database}: memfile, mysql or postgresql (see {@link DatabaseParser}). */
    static Map<String, String> leaseDatabase(Obj global) {
        return DatabaseParser.parse(global, "lease-database");
    }

    /** {@code hosts-database} / {@code hosts-databases}: the SQL host backends, in lookup order. */
    static List<Map<String, String>> hostsDatabases(Obj global) {
        return DatabaseParser.hostsDatabases(global);
    }

    static DdnsConnectivity dhcpDdns(Obj global) {
        Obj o = global.map("dhcp-ddns");
        DdnsConnectivity d = DdnsConnectivity.defaults();
        if (o == null) return d;
        o.check(Keywords.DHCP_DDNS);
        String serverIp = o.string("server-ip", d.serverIp());
        // Kea: without a sender-ip the server sends from the wildcard address of the server-ip's family
        String senderIp = o.string("sender-ip", Texts.ipv6(serverIp) != null ? "::" : d.senderIp());
        for (String k : List.of("server-ip", "sender-ip")) {
            String v = k.equals("server-ip") ? serverIp : senderIp;
            if (Texts.ipv4(v) == null && Texts.ipv6(v) == null) o.error(k, "invalid address (" + v + ") specified for parameter '" + k + "'");
        }
        if (Texts.ipv4(serverIp) != null && senderIp.contains(":") || serverIp.contains(":") && Texts.ipv4(senderIp) != null)
            o.error("sender-ip", "D2ClientConfig error: address family mismatch: server-ip: " + serverIp + " is not the same family as sender-ip: " + senderIp);
        int serverPort = (int) o.integer("server-port", 0, 65535, d.serverPort());
        int senderPort = (int) o.integer("sender-port", 0, 65535, d.senderPort());
        if (serverIp.equals(senderIp) && serverPort == senderPort)
            o.error("sender-port", "D2ClientConfig error: server and sender cannot share the exact same IP address/port: " + serverIp + "/" + serverPort);
        String protocol = o.string("ncr-protocol", "UDP").toUpperCase(Locale.ROOT);
        if (!protocol.equals("UDP"))
            o.error("ncr-protocol", "D2ClientConfig error: NCR Protocol: " + protocol + " is not yet supported");
        String format = o.string("ncr-format", "JSON").toUpperCase(Locale.ROOT);
        if (!format.equals("JSON"))
            o.error("ncr-format", "D2ClientConfig error: NCR Format: " + format + " is not yet supported");
        return new DdnsConnectivity(o.bool("enable-updates", false), serverIp, serverPort, senderIp, senderPort,
                (int) o.integer("max-queue-size", 0, Integer.MAX_VALUE, d.maxQueueSize()), protocol, format);
    }

    static ExpiredLeasesProcessing expired(Obj global) {
        Obj o = global.map("expired-leases-processing");
        ExpiredLeasesProcessing d = ExpiredLeasesProcessing.defaults();
        if (o == null) return d;
        o.check(Keywords.EXPIRED);
        return new ExpiredLeasesProcessing(
                o.integer("reclaim-timer-wait-time", 0, U32, d.reclaimTimerWaitTime()),
                o.integer("flush-reclaimed-timer-wait-time", 0, U32, d.flushReclaimedTimerWaitTime()),
                o.integer("hold-reclaimed-time", 0, U32, d.holdReclaimedTime()),
                (int) o.integer("max-reclaim-leases", 0, Integer.MAX_VALUE, d.maxReclaimLeases()),
                o.integer("max-reclaim-time", 0, U32, d.maxReclaimTime()),
                (int) o.integer("unwarned-reclaim-cycles", 0, Integer.MAX_VALUE, d.unwarnedReclaimCycles()));
    }

    static List<HooksLibrarySpec> hooks(Obj global) {
        List<HooksLibrarySpec> out = new ArrayList<>();
        for (Obj o : global.maps("hooks-libraries")) {
            o.check(Keywords.HOOKS);
            String lib = o.string("library");
            if (lib == null || lib.isBlank()) {
                if (lib != null || !o.has("library")) o.error(null, "hooks library configuration error: library parameter missing or empty");
                continue;
            }
            JsonNode params = o.raw("parameters");
            if (params != null && !params.isNull() && !params.isObject()) {
                o.error("parameters", "must be a map");
                continue;
            }
            out.add(new HooksLibrarySpec(lib, params == null || params.isNull() ? "{}" : ConfigText.toJson(params), o.path));
        }
        return out;
    }

    static List<ControlSocketSpec> controlSockets(Obj global) {
        List<Obj> entries = new ArrayList<>();
        if (global.has("control-socket") && global.has("control-sockets")) {
            global.error(null, "only one of 'control-socket' and 'control-sockets' may be specified");
            return List.of();
        }
        if (global.has("control-socket")) {
            Obj o = global.map("control-socket");
            if (o != null) entries.add(o);
        } else {
            entries.addAll(global.maps("control-sockets"));
        }
        List<ControlSocketSpec> out = new ArrayList<>();
        for (Obj o : entries) {
            o.check(Keywords.CONTROL_SOCKET);
            int before = o.problems.errorCount();
            String type = o.string("socket-type", "unix");
            String name = o.string("socket-name", "");
            String address = o.string("socket-address", "");
            int port = (int) o.integer("socket-port", 0, 65535, 0);
            switch (type) {
                case "unix" -> {
                    if (name.isEmpty()) o.error(null, "'socket-name' is required for a unix control socket");
                    for (String k : List.of("socket-address", "socket-port", "trust-anchor", "cert-file", "key-file",
                            "cert-required", "authentication", "http-headers"))
                        if (o.has(k)) o.error(k, "parameter '" + k + "' is not allowed for a unix control socket");
                }
                case "http", "https" -> {
                    if (address.isEmpty()) address = "127.0.0.1";
                    if (port == 0 && !o.has("socket-port")) port = 8000;
                    if (Texts.ipv4(address) == null && Texts.ipv6(address) == null)
                        o.error("socket-address", "failed to convert '" + address + "' to address");
                    if (o.has("socket-name")) o.error("socket-name", "parameter 'socket-name' is not allowed for an " + type + " control socket");
                    if (type.equals("https") && !(o.has("cert-file") && o.has("key-file")))
                        o.error(null, "an https control socket needs 'cert-file' and 'key-file'");
                }
                default -> o.error("socket-type", "unsupported 'socket-type' '" + type + "' not 'unix', 'http' or 'https'");
            }
            if (o.problems.errorCount() == before)
                out.add(new ControlSocketSpec(type, name, address, port, o.path, ConfigText.toJson(o.node)));
        }
        return out;
    }

    static List<LoggerConfig> loggers(Obj global) {
        List<LoggerConfig> out = new ArrayList<>();
        for (Obj o : global.maps("loggers")) {
            o.check(Keywords.LOGGER);
            String name = o.string("name");
            if (name == null || name.isEmpty()) {
                if (name != null || !o.has("name")) o.error(null, "loggers entry does not have a mandatory 'name' element");
                continue;
            }
            String severity = o.string("severity", "INFO").toUpperCase(Locale.ROOT);
            if (!SEVERITIES.contains(severity)) {
                o.error("severity", "Unsupported severity value '" + severity + "'");
                severity = "INFO";
            }
            int debug = (int) o.integer("debuglevel", 0, 99, 0);
            String key = "output-options";
            if (o.has("output-options") && o.has("output_options"))
                o.error(null, "Only one of 'output-options' and 'output_options' may be specified.");
            else if (o.has("output_options")) {
                key = "output_options";
                o.note(key, "'output_options' is deprecated, use 'output-options'");
            }
            List<LoggerOutput> outputs = new ArrayList<>();
            for (Obj d : o.maps(key)) {
                d.check(Keywords.LOGGER_OUTPUT);
                String output = d.string("output");
                if (output == null || output.isEmpty()) {
                    if (output != null || !d.has("output")) d.error(null, "output-options entry does not have a mandatory 'output' element");
                    continue;
                }
                outputs.add(new LoggerOutput(output, d.bool("flush", true), d.integer("maxsize", 0, Long.MAX_VALUE, 10240000),
                        (int) d.integer("maxver", 0, Integer.MAX_VALUE, 1), d.string("pattern", "")));
            }
            out.add(new LoggerConfig(name, severity, debug, outputs));
        }
        return out;
    }
}
