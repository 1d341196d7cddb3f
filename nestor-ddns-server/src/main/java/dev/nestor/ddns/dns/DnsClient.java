package dev.nestor.ddns.dns;

import org.xbill.DNS.Message;
import org.xbill.DNS.TSIG;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Sends one DNS UPDATE and waits for its answer. Blocking: transactions run on their own (virtual) threads.
 * Implementations must not throw for network or protocol trouble; they report it as a {@link DnsResult}.
 */
@FunctionalInterface
public interface DnsClient {
    /**
     * @param update the message to send; signed here when {@code key} is not null (the message is changed)
     * @param key    TSIG key to sign the update and verify the answer with, or null for an unsigned update
     */
    DnsResult send(Message update, InetSocketAddress server, TSIG key, Duration timeout);
}
