package dev.nestor.ddns.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.config.ConfigError;
import dev.nestor.config.ConfigException;
import dev.nestor.config.ConfigText;
import dev.nestor.config.parse.Problems;
import dev.nestor.ddns.ncr.AddressText;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses Kea's {@code DhcpDdns} configuration (Kea 3.0's {@code d2_parser.yy} keywords, {@code d2_simple_parser.cc}
 * defaults, {@code d2_config.cc} checks and texts) into a {@link D2Config}. Every problem is collected with its JSON
 * path. Hook libraries are refused (not supported yet); {@code max-queue-size} is accepted as a Nestor extension.
 */
public final class D2ConfigParser {
    private static final long U32 = 0xFFFFFFFFL;
    private static final Set<String> DAEMONS = Set.of("Dhcp4", "Dhcp6", "DhcpDdns", "Control-agent", "Netconf", "Logging");

    private static final Set<String> GLOBAL = Set.of("ip-address", "port", "dns-server-timeout", "ncr-protocol",
            "ncr-format", "forward-ddns", "reverse-ddns", "tsig-keys", "control-socket", "control-sockets",
            "hooks-libraries", "loggers", "user-context", "comment", "max-queue-size");
    private static final Set<String> MANAGER = Set.of("ddns-domains");
    private static final Set<String> DOMAIN = Set.of("name", "key-name", "dns-servers", "user-context", "comment");
    private static final Set<String> SERVER = Set.of("hostname", "ip-address", "port", "key-name", "user-context", "comment");
    private static final Set<String> KEY = Set.of("name", "algorithm", "digest-bits", "secret", "secret-file",
            "user-context", "comment");

    private D2ConfigParser() {}

    /** A parsed config and the non-fatal notes (Kea would log them as warnings). */
    public record Result(D2Config config, List<ConfigError> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** {@code root} is the whole document, {@code {"DhcpDdns": {...}}}; other daemons' maps are ignored. */
    public static D2Config parse(JsonNode root) throws ConfigException {
        return parseWithNotes(root).config();
    }

    /** Reads (comments and includes allowed) and parses a file. */
    public static D2Config parseFile(Path file) throws ConfigException {
        return parse(ConfigText.read(file));
    }

    public static Result parseWithNotes(JsonNode root) throws ConfigException {
        if (root == null || !root.isObject()) throw new ConfigException("", "configuration must be a JSON map");
        Problems p = new Problems();
        for (String k : (Iterable<String>) root::fieldNames) {
            if (!k.equals("DhcpDdns")) {
                p.note(k, DAEMONS.contains(k) ? "configuration for another daemon, ignored" : "unknown top-level object, ignored");
            }
        }
        JsonNode node = root.get("DhcpDdns");
        if (node == null) throw new ConfigException("", "no DhcpDdns configuration found (expected a top-level \"DhcpDdns\" map)");
        JsonMap g = JsonMap.of(node, "DhcpDdns", p);
        if (g == null) throw new ConfigException(p.errors());
        g.check("DhcpDdns", GLOBAL, Map.of());

        InetAddress ip = address(g, "ip-address", "127.0.0.1");
        int port = (int) g.integer("port", 0, 65535, D2Config.DEFAULT_PORT);
        if (port == 0) g.error("port", "D2Params: port cannot be 0");
        long timeout = g.integer("dns-server-timeout", 0, U32, D2Config.DEFAULT_DNS_SERVER_TIMEOUT);
        if (timeout < 1) g.error("dns-server-timeout", "D2Params: DNS server timeout must be larger than 0");
        String protocol = g.string("ncr-protocol", "UDP").toUpperCase(Locale.ROOT);
        if (protocol.equals("TCP")) g.error("ncr-protocol", "ncr-protocol : TCP is not yet supported");
        else if (!protocol.equals("UDP")) g.error("ncr-protocol", "Invalid NameChangeRequest protocol: " + protocol);
        String format = g.string("ncr-format", "JSON").toUpperCase(Locale.ROOT);
        if (!format.equals("JSON")) g.error("ncr-format", "Invalid NameChangeRequest format: " + format);
        int maxQueue = (int) g.integer("max-queue-size", 1, Integer.MAX_VALUE, D2Config.DEFAULT_MAX_QUEUE_SIZE);

        List<TsigKeySpec> keys = keys(g);
        Set<String> keyNames = new HashSet<>();
        keys.forEach(k -> keyNames.add(k.name()));
        List<DdnsDomain> forward = domains(g, "forward-ddns", keyNames);
        List<DdnsDomain> reverse = domains(g, "reverse-ddns", keyNames);
        hooks(g);
        SharedSections.checkD2Rules(g, p);
        SharedSections.Result shared = SharedSections.parse(g);

        if (p.hasErrors()) throw new ConfigException(p.errors());
        D2Config cfg = new D2Config(ip, port, timeout, protocol, format, maxQueue, keys, forward, reverse,
                shared.controlSockets(), shared.loggers(), ConfigText.toJson(g.node));
        return new Result(cfg, p.notes());
    }

    private static InetAddress address(JsonMap m, String key, String dflt) {
        String text = m.string(key, dflt);
        try {
            return AddressText.parse(text);
        } catch (IllegalArgumentException e) {
            m.error(key, "invalid address (" + text + ") specified for parameter '" + key + "'");
            return null;
        }
    }

    private static List<TsigKeySpec> keys(JsonMap g) {
        List<TsigKeySpec> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonMap k : g.maps("tsig-keys")) {
            k.check("tsig-keys", KEY, Map.of());
            int before = k.problems.errorCount();
            String name = k.string("name", "");
            if (name.isEmpty()) k.error(k.has("name") ? "name" : null, "tsig-key: 'name' is required and may not be empty");
            String algText = k.string("algorithm", "");
            TsigAlgorithm alg = null;
            try {
                alg = TsigAlgorithm.fromKeaName(algText);
            } catch (IllegalArgumentException e) {
                k.error(k.has("algorithm") ? "algorithm" : null, "tsig-key : " + e.getMessage());
            }
            int bits = (int) k.integer("digest-bits", 0, 512, 0);
            if (alg != null && bits > 0 && (bits < 80 || bits < alg.minDigestBits() || bits % 8 != 0)) {
                k.error("digest-bits", "tsig-key: digest-bits too small : " + bits);
            }
            String file = k.has("secret-file") ? k.string("secret-file", "") : null;
            String secret = null;
            if (file != null) {
                if (file.isEmpty()) k.error("secret-file", "tsig-key : secret-file may not be empty");
            } else {
                secret = k.string("secret", "");
                if (secret.isEmpty()) {
                    k.error(k.has("secret") ? "secret" : null, "tsig-key : one of 'secret' or 'secret-file' is required");
                } else if (decodeSecret(secret) == null) {
                    k.error("secret", "Cannot make D2TsigKey: Incomplete input for base64: " + secret);
                }
            }
            if (!name.isEmpty() && !seen.add(name)) k.error("name", "Duplicate TSIG key name specified : " + name);
            if (k.problems.errorCount() == before && alg != null) {
                out.add(new TsigKeySpec(name, alg, bits, file == null ? secret : null, file, k.path));
            }
        }
        return out;
    }

    /** Decodes a base64 secret (whitespace ignored); null when it is not valid base64 or empty. */
    public static byte[] decodeSecret(String s) {
        try {
            byte[] b = Base64.getDecoder().decode(s.replaceAll("\\s", ""));
            return b.length == 0 ? null : b;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<DdnsDomain> domains(JsonMap g, String key, Set<String> keyNames) {
        List<DdnsDomain> out = new ArrayList<>();
        JsonMap mgr = g.map(key);
        if (mgr == null) return out;
        mgr.check(key, MANAGER, Map.of());
        Set<String> seen = new HashSet<>();
        for (JsonMap d : mgr.maps("ddns-domains")) {
            d.check("ddns-domains", DOMAIN, Map.of());
            int before = d.problems.errorCount();
            String name = d.string("name", "");
            if (name.isEmpty()) d.error(d.has("name") ? "name" : null, "DdnsDomain : 'name' is required and may not be empty");
            String keyName = d.string("key-name", "");
            if (!keyName.isEmpty() && !keyNames.contains(keyName)) {
                d.error("key-name", "DdnsDomain : specifies an undefined key: " + keyName);
            }
            List<DnsServerSpec> servers = new ArrayList<>();
            if (!d.has("dns-servers")) {
                d.error(null, "DdnsDomain : missing dns-server list");
            } else {
                for (JsonMap s : d.maps("dns-servers")) {
                    DnsServerSpec spec = server(s, keyName, keyNames);
                    if (spec != null) servers.add(spec);
                }
                if (d.node.get("dns-servers").isArray() && d.node.get("dns-servers").isEmpty()) {
                    d.error("dns-servers", "DNS server list cannot be empty");
                }
            }
            if (!name.isEmpty() && !seen.add(name.toLowerCase(Locale.ROOT))) d.error("name", "Duplicate domain specified:" + name);
            if (d.problems.errorCount() == before) out.add(new DdnsDomain(name, keyName, servers, d.path));
        }
        return out;
    }

    private static DnsServerSpec server(JsonMap s, String domainKey, Set<String> keyNames) {
        s.check("dns-servers", SERVER, Map.of());
        int before = s.problems.errorCount();
        String hostname = s.string("hostname", "");
        String ipText = s.string("ip-address", "");
        int port = (int) s.integer("port", 1, 65535, 53);
        String keyName = s.string("key-name", "");
        if (!keyName.isEmpty() && !keyNames.contains(keyName)) s.error("key-name", "Dns Server : specifies an undefined key: " + keyName);
        if (keyName.isEmpty()) keyName = domainKey;
        InetAddress ip = null;
        if (hostname.isEmpty() == ipText.isEmpty()) {
            s.error(null, "Dns Server must specify one or the other of hostname or IP address");
        } else if (!hostname.isEmpty()) {
            s.error("hostname", "Dns Server : hostname is not yet supported");
        } else {
            try {
                ip = AddressText.parse(ipText);
            } catch (IllegalArgumentException e) {
                s.error("ip-address", "Dns Server : invalid IP address : " + ipText);
            }
        }
        if (s.problems.errorCount() != before || ip == null) return null;
        return new DnsServerSpec(ip, port, keyName, s.path);
    }

    private static void hooks(JsonMap g) {
        JsonNode h = g.node.get("hooks-libraries");
        if (h == null || h.isNull()) return;
        if (!h.isArray()) g.error("hooks-libraries", "must be a list");
        else if (!h.isEmpty()) g.error("hooks-libraries", "hooks libraries (hooks-libraries) are not supported yet by nestor-ddns");
    }
}
