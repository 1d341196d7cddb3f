package dev.nestor.ddns.dns;

/**
 * What came of sending one DNS UPDATE, in the terms of Kea's {@code DNSClient::Status}: an answer (with its RCODE),
 * no answer in time, or a failure (the send failed, or the answer was unusable: malformed, or its TSIG did not
 * verify).
 */
public sealed interface DnsResult {
    /** The server answered; {@code rcode} is the DNS RCODE (0 NOERROR, 3 NXDOMAIN, 6 YXDOMAIN, 8 NXRRSET, ...). */
    record Answered(int rcode) implements DnsResult {}

    /** No answer within the timeout. */
    record TimedOut() implements DnsResult {}

    /**
     * The update could not be sent or the answer could not be used.
     *
     * @param invalidResponse true when an answer arrived but was rejected (Kea's INVALID_RESPONSE)
     */
    record Failed(String reason, boolean invalidResponse) implements DnsResult {}
}
