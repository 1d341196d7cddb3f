package dev.nestor.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.it.harness.Bind9;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * What a user checks with {@code dig} after a client got or gave up a lease with a name: the address record at the
 * name, the PTR at the reverse name, and the DHCID (RFC 4701) at both, which marks the name as owned by that client.
 */
final class DdnsRecords {
    /** Bound on the wait from the DHCP exchange to the records being in the zone (NCR, then two signed updates). */
    static final Duration DNS_TIMEOUT = Duration.ofSeconds(30);

    private DdnsRecords() {}

    /** Waits until the lease's records are in DNS, then checks all of them. */
    static void awaitPresent(Bind9 dns, String fqdn, String address, String dhcid) {
        String type = address.contains(":") ? "AAAA" : "A";
        String name = absolute(fqdn);
        String reverse = Bind9.reverseName(address);
        List<String> a = dns.awaitAnswer(name, type, r -> !r.isEmpty(), DNS_TIMEOUT, type + " record of " + name);
        assertThat(a).as("%s %s", name, type).map(DdnsRecords::canonical).containsExactly(canonical(address));
        dns.awaitAnswer(reverse, "PTR", r -> !r.isEmpty(), DNS_TIMEOUT, "PTR record of " + address);
        assertThat(dns.query(reverse, "PTR")).as("PTR %s", reverse).containsExactly(name);
        assertThat(dns.query(name, "DHCID")).as("DHCID at %s", name).containsExactly(dhcid);
        assertThat(dns.query(reverse, "DHCID")).as("DHCID at %s", reverse).containsExactly(dhcid);
    }

    /** Waits until the lease's records are gone from DNS (after a release), then checks each. */
    static void awaitGone(Bind9 dns, String fqdn, String address) {
        String type = address.contains(":") ? "AAAA" : "A";
        String name = absolute(fqdn);
        String reverse = Bind9.reverseName(address);
        dns.awaitAnswer(name, type, List::isEmpty, DNS_TIMEOUT, type + " record of " + name + " removed");
        dns.awaitAnswer(reverse, "PTR", List::isEmpty, DNS_TIMEOUT, "PTR record of " + address + " removed");
        assertThat(dns.query(name, "DHCID")).as("DHCID at %s after removal", name).isEmpty();
        assertThat(dns.query(reverse, "DHCID")).as("DHCID at %s after removal", reverse).isEmpty();
    }

    static String absolute(String fqdn) {
        return fqdn.endsWith(".") ? fqdn : fqdn + ".";
    }

    /** One spelling per address, so dig's and a client's IPv6 text compare equal. */
    static String canonical(String address) {
        return InetAddress.ofLiteral(address).getHostAddress();
    }
}
