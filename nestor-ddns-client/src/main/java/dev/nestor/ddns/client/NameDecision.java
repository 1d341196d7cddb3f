package dev.nestor.ddns.client;

import java.util.Objects;

/**
 * What the server decided about a client's name (Kea's {@code processClientName}): the name to store in the lease,
 * the DNS update directions, and the name option to answer with. Immutable; the {@code with…} methods give the
 * later stages' results (the name generated from the leased address, a {@code ddns4_update} callout's changes).
 *
 * @param family           the protocol: decides the trailing dot of generated names and the hook semantics
 * @param answer           which option goes back to the client
 * @param hostname         the lease's host name; "" = none, or (with an answer) to be generated from the address
 * @param forward          ask the DDNS daemon to update the forward zone (A/AAAA)
 * @param reverse          ask the DDNS daemon to update the reverse zone (PTR)
 * @param fqdn             the Client FQDN option to send, when {@code answer} is FQDN
 * @param hostnameOption   the Host Name option (12) text to send, when {@code answer} is HOSTNAME ("" until generated)
 */
public record NameDecision(Family family, Answer answer, String hostname, boolean forward, boolean reverse,
                           ClientFqdn fqdn, String hostnameOption) {
    public enum Family { V4, V6 }

    /** The name option the server answers with. */
    public enum Answer {
        /** No name option (the client sent none and none is supplied). */
        NONE,
        /** Client FQDN (option 81 / 39). */
        FQDN,
        /** Host Name (DHCPv4 option 12). */
        HOSTNAME
    }

    public NameDecision {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(answer, "answer");
        hostname = hostname == null ? "" : hostname;
        if (answer == Answer.FQDN) Objects.requireNonNull(fqdn, "fqdn");
        if (answer == Answer.HOSTNAME) hostnameOption = hostnameOption == null ? "" : hostnameOption;
    }

    /** No name at all: nothing stored, nothing sent, no DNS update. */
    public static NameDecision none(Family family) {
        return new NameDecision(family, Answer.NONE, "", false, false, null, null);
    }

    /** Kea's {@code postAllocateNameUpdate}: the name is generated from the leased address. */
    public boolean needsGeneratedName() {
        return answer != Answer.NONE && hostname.isEmpty();
    }

    /** Whether the DDNS daemon is asked for anything. */
    public boolean updatesDns() {
        return !hostname.isEmpty() && (forward || reverse);
    }

    /** The name generated for the leased address goes into the lease and the answered option. */
    public NameDecision withGeneratedName(String generated) {
        return new NameDecision(family, answer, generated, forward, reverse,
                fqdn == null ? null : fqdn.withName(generated, true),
                answer == Answer.HOSTNAME ? generated : hostnameOption);
    }

    /**
     * A {@code ddns4_update} / {@code ddns6_update} callout's answer, applied as Kea does when anything changed: the
     * name goes into the lease and the answered option (a full name), and the FQDN flags say the server does no
     * update (S=0, N=1); for DHCPv6 only when both directions were turned off.
     */
    public NameDecision withHookResult(String newHostname, boolean fwd, boolean rev) {
        newHostname = newHostname == null ? "" : newHostname;
        if (newHostname.equals(hostname) && fwd == forward && rev == reverse) return this;
        ClientFqdn f = fqdn;
        if (f != null) {
            f = f.withName(newHostname, true);
            if (family == Family.V4 || !(fwd || rev)) f = f.withFlags((f.flags() & ~ClientFqdn.FLAG_S) | ClientFqdn.FLAG_N);
        }
        return new NameDecision(family, answer, newHostname, fwd, rev, f,
                answer == Answer.HOSTNAME ? newHostname : hostnameOption);
    }
}
