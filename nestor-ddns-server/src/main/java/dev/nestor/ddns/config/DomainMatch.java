package dev.nestor.ddns.config;

import dev.nestor.ddns.ncr.Fqdn;

import java.util.List;
import java.util.Optional;

/**
 * Kea's {@code DdnsDomainListMgr::matchDomain}: a lone wildcard domain takes everything; otherwise the domain that
 * matches the longest suffix of the name on a label boundary ("onetwo.net" is not in "two.net"), case-insensitive;
 * failing that, the wildcard. Unlike Kea, a missing trailing dot on either side does not prevent a match.
 */
final class DomainMatch {
    private DomainMatch() {}

    static Optional<DdnsDomain> longest(List<DdnsDomain> domains, String name) {
        Optional<DdnsDomain> wildcard = domains.stream().filter(DdnsDomain::isWildcard).findFirst();
        if (domains.size() == 1 && wildcard.isPresent()) return wildcard;
        String fqdn;
        try {
            fqdn = Fqdn.canonical(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        DdnsDomain best = null;
        int bestLen = -1;
        for (DdnsDomain d : domains) {
            if (d.isWildcard()) continue;
            String zone = Fqdn.canonical(d.name());
            boolean match = zone.equals(".") || fqdn.equals(zone)
                    || fqdn.endsWith(zone) && fqdn.charAt(fqdn.length() - zone.length() - 1) == '.';
            if (match && zone.length() > bestLen) {
                best = d;
                bestLen = zone.length();
            }
        }
        return best != null ? Optional.of(best) : wildcard;
    }
}
