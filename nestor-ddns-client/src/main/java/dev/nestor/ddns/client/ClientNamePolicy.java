package dev.nestor.ddns.client;

import dev.nestor.ddns.client.NameDecision.Answer;
import dev.nestor.ddns.client.NameDecision.Family;
import dev.nestor.ddns.ncr.AddressText;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Kea's client name policy ({@code D2ClientMgr} with {@code Dhcpv4Srv::processClientName} and
 * {@code Dhcpv6Srv::processClientFqdn}): from what the client sent (Client FQDN or Host Name option), its reserved
 * host name and the scope's {@code ddns-*} parameters, which name the lease gets, which DNS updates are made and
 * which option is answered. Family-independent apart from the DHCPv4-only Host Name option and E flag.
 *
 * <p>Thread-safe; holds only a cache of compiled {@code hostname-char-set} expressions.
 */
public final class ClientNamePolicy {
    private static final int MAX_CACHED_PATTERNS = 64;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /** The server's S and N flags (Kea's {@code analyzeFqdn}). */
    public record ServerFlags(boolean s, boolean n) {}

    /**
     * RFC 4702 / 4704 with Kea's overrides: client N=0 S=0 (client updates forward) → S follows
     * {@code ddns-override-client-update}; S=1 → the server updates when enabled; N=1 → nobody updates unless
     * {@code ddns-override-no-update}. With updates disabled the answer is always S=0 N=1.
     *
     * @throws IllegalArgumentException when the client set both N and S
     */
    public static ServerFlags analyze(boolean clientS, boolean clientN, DdnsScope scope) {
        if (clientS && clientN) throw new IllegalArgumentException("Invalid client FQDN - N and S cannot both be 1");
        boolean enabled = scope.enableUpdates();
        if (clientN) {
            boolean s = enabled && scope.params().overrideNoUpdate();
            return new ServerFlags(s, !s);
        }
        if (clientS) return new ServerFlags(enabled, !enabled);
        // N=0 S=0: the client updates forward itself; the server does the reverse update (N=0) when enabled, and
        // takes the forward one too when ddns-override-client-update says so
        if (!enabled) return new ServerFlags(false, true);
        return new ServerFlags(scope.params().overrideClientUpdate(), false);
    }

    /** The response flags for a client's option (Kea's {@code adjustFqdnFlags}): S, N, and O when S was overridden. */
    public static int responseFlags(ClientFqdn request, DdnsScope scope) {
        ServerFlags f = analyze(request.s(), request.n(), scope);
        int flags = 0;
        if (f.s()) flags |= ClientFqdn.FLAG_S;
        if (f.n()) flags |= ClientFqdn.FLAG_N;
        if (request.s() != f.s()) flags |= ClientFqdn.FLAG_O;
        return flags;
    }

    /**
     * Kea's {@code qualifyName}: appends {@code ddns-qualifying-suffix} unless the name already ends with a dot or
     * with the suffix (as whole labels), then adds or strips the trailing dot.
     *
     * @throws IllegalArgumentException for an empty name
     */
    public static String qualify(String partial, String suffix, boolean trailingDot) {
        if (partial == null || partial.isEmpty()) throw new IllegalArgumentException("partial_name cannot be an empty string");
        StringBuilder name = new StringBuilder(partial);
        if (suffix != null && !suffix.isEmpty() && !partial.endsWith(".")) {
            String bare = suffix.endsWith(".") ? suffix.substring(0, suffix.length() - 1) : suffix;
            boolean present = partial.endsWith(bare)
                    && (partial.length() == bare.length() || partial.charAt(partial.length() - bare.length() - 1) == '.');
            if (!present) name.append('.').append(suffix);
        }
        boolean dotted = !name.isEmpty() && name.charAt(name.length() - 1) == '.';
        if (trailingDot && !dotted) name.append('.');
        if (!trailingDot && dotted) name.setLength(name.length() - 1);
        return name.toString();
    }

    /**
     * Kea's {@code generateFqdn}: {@code <ddns-generated-prefix>-<address with dashes>}, qualified. IPv6 colons
     * become dashes too, and a name ending in a dash gets a 0.
     */
    public static String generate(InetAddress address, DdnsScope scope, boolean trailingDot) {
        String text = AddressText.of(address).replace(address instanceof Inet4Address ? '.' : ':', '-');
        if (text.endsWith("-")) text = text + "0";
        return qualify(scope.params().generatedPrefix() + "-" + text, scope.params().qualifyingSuffix(), trailingDot);
    }

    // ---- DHCPv4 ----

    /**
     * DHCPv4 with a Client FQDN option (Kea's {@code processClientFqdnOption} and {@code processClientName}): the
     * answer carries the server's flags, the client's E flag and RCODEs, and the reserved, client's (sanitised and
     * qualified) or an empty name to be generated. An invalid option (N and S both set) or a name that sanitises to
     * nothing gives no answer, as in Kea.
     *
     * @param reservedHostname the client's reserved host name, or null/"" when none
     */
    public NameDecision fqdn4(ClientFqdn request, String reservedHostname, DdnsScope scope) {
        return fromFqdn(Family.V4, request, reservedHostname, scope);
    }

    /**
     * DHCPv4 without a Client FQDN option (Kea's {@code processHostnameOption}): a reserved name wins (qualified,
     * lower case); no option and a mode that supplies names → a generated name; a single-label name is qualified,
     * a longer one is kept; a name the mode replaces, or "." → generated. Forward and reverse updates are both
     * done when updates are enabled.
     *
     * @param clientHostname the option 12 text (null when the client sent none)
     */
    public NameDecision hostname4(String clientHostname, String reservedHostname, DdnsScope scope) {
        String answer = hostnameAnswer(clientHostname, reservedHostname, scope);
        if (answer == null) return NameDecision.none(Family.V4);
        boolean updates = scope.enableUpdates();
        String hostname = answer.equals(".") ? "" : answer;
        return new NameDecision(Family.V4, Answer.HOSTNAME, hostname, updates, updates, null, hostname);
    }

    /** The option 12 text to answer with, "." for a name to generate, null for no option. */
    private String hostnameAnswer(String clientHostname, String reservedHostname, DdnsScope scope) {
        String suffix = scope.params().qualifyingSuffix();
        if (reservedHostname != null && !reservedHostname.isEmpty()) {
            return qualify(reservedHostname, suffix, false).toLowerCase(Locale.ROOT);
        }
        ReplaceClientName mode = scope.replaceClientName();
        if (clientHostname == null) return mode.suppliesMissing() ? "." : null;
        String hostname = clientHostname.trim();
        int labels = labelCount(hostname);
        if (labels == 0) return null; // empty or malformed: ignored
        if (mode.replacesPresent() || labels < 2) return ".";
        Pattern p = sanitizer(scope);
        if (p != null) {
            String scrubbed = scrub(p, scope.charReplacement(), hostname);
            if (scrubbed.isEmpty()) return null;
            labels = labelCount(scrubbed);
            if (labels == 0) return null;
            hostname = scrubbed;
        }
        hostname = hostname.toLowerCase(Locale.ROOT);
        return labels == 2 ? qualify(hostname, suffix, false) : hostname;
    }

    // ---- DHCPv6 ----

    /**
     * DHCPv6 (Kea's {@code processClientFqdn}): without an option, a mode that supplies names answers as if the
     * client had sent S=1 with an empty name (when updates are enabled); otherwise the lease just gets the reserved
     * host name, with no update and no answer.
     *
     * @param request the client's option 39, or null
     */
    public NameDecision fqdn6(ClientFqdn request, String reservedHostname, DdnsScope scope) {
        if (request == null) {
            if (scope.enableUpdates() && scope.replaceClientName().suppliesMissing()) {
                request = ClientFqdn.v6(ClientFqdn.FLAG_S, "", false);
            } else {
                String h = reservedHostname == null ? "" : reservedHostname;
                return new NameDecision(Family.V6, Answer.NONE, h, false, false, null, null);
            }
        }
        return fromFqdn(Family.V6, request, reservedHostname, scope);
    }

    private NameDecision fromFqdn(Family family, ClientFqdn request, String reservedHostname, DdnsScope scope) {
        int flags;
        try {
            flags = responseFlags(request, scope);
        } catch (IllegalArgumentException e) {
            return NameDecision.none(family);
        }
        if (family == Family.V4 && request.e()) flags |= ClientFqdn.FLAG_E;
        ClientFqdn response;
        if (reservedHostname != null && !reservedHostname.isEmpty()) {
            response = request.withFlags(flags).withName(qualify(reservedHostname, scope.params().qualifyingSuffix(), true), true);
        } else {
            String name = adjustName(request, scope);
            if (name == null) return NameDecision.none(family);
            response = request.withFlags(flags).withName(name, !name.isEmpty());
        }
        boolean forward = response.s();
        boolean reverse = !response.n();
        return new NameDecision(family, Answer.FQDN, response.name(), forward, reverse, response, null);
    }

    /**
     * Kea's {@code adjustDomainName}: "" when the mode replaces the client's name or the client sent none;
     * otherwise the client's name sanitised label by label and, when partial, qualified (full form). Null when
     * sanitising leaves nothing usable.
     */
    private String adjustName(ClientFqdn request, DdnsScope scope) {
        if (scope.replaceClientName().replacesPresent() || request.name().isEmpty()) return "";
        String name = request.name();
        Pattern p = sanitizer(scope);
        if (p != null) {
            String body = request.full() ? name.substring(0, name.length() - 1) : name;
            StringBuilder clean = new StringBuilder();
            String[] labels = body.split("\\.", -1);
            for (int i = 0; i < labels.length; i++) {
                if (i > 0) clean.append('.');
                clean.append(scrub(p, scope.charReplacement(), labels[i]));
            }
            if (request.full()) clean.append('.');
            String c = clean.toString();
            if (c.isEmpty() || c.equals(".") || c.contains("..") || c.startsWith(".")) return null;
            name = c.toLowerCase(Locale.ROOT);
        }
        if (!request.full()) {
            if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
            return qualify(name, scope.params().qualifyingSuffix(), true);
        }
        return name;
    }

    // ---- hostname-char-set ----

    /** The compiled {@code hostname-char-set}, or null when sanitising is off or the expression does not compile. */
    private Pattern sanitizer(DdnsScope scope) {
        String set = scope.charSet();
        if (set.isEmpty()) return null;
        Pattern p = patterns.get(set);
        if (p != null) return p;
        try {
            p = Pattern.compile(set);
        } catch (PatternSyntaxException e) {
            return null; // the config parser refuses such sets; nothing to sanitise with here
        }
        if (patterns.size() >= MAX_CACHED_PATTERNS) patterns.clear();
        patterns.put(set, p);
        return p;
    }

    /** Replaces every match of the scope's {@code hostname-char-set} (Kea's {@code StringSanitizer::scrub}). */
    public String scrub(DdnsScope scope, String text) {
        Pattern p = sanitizer(scope);
        return p == null ? text : scrub(p, scope.charReplacement(), text);
    }

    private static String scrub(Pattern p, String replacement, String text) {
        return p.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }

    /**
     * Labels of the name counting the root, as Kea's {@code getLabelCount}: "" → 0, "host" or "host." → 2,
     * "host.example.org" → 4; a malformed name (empty label, label over 63 bytes) → 0.
     */
    static int labelCount(String name) {
        if (name.isEmpty()) return 0;
        if (name.equals(".")) return 1;
        String body = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String[] labels = body.split("\\.", -1);
        for (String l : labels) if (l.isEmpty() || l.length() > 63) return 0;
        return labels.length + 1;
    }
}
