package dev.nestor.ddns.txn;

import dev.nestor.ddns.D2Stats;
import dev.nestor.ddns.config.DdnsDomain;
import dev.nestor.ddns.config.DnsServerSpec;
import dev.nestor.ddns.dns.DnsResult;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.ConflictResolutionMode;
import dev.nestor.ddns.ncr.NameChangeRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Update;

import java.util.ArrayList;
import java.util.List;

/**
 * One NameChangeRequest carried out against DNS: a state machine after Kea's {@code NameChangeTransaction} and its
 * add/remove subclasses, with RFC 4703's conflict resolution.
 *
 * <p>Forward first, then reverse. Each direction picks its domain's servers in order; a server gets up to
 * {@link TxnContext#triesPerServer()} tries when it does not answer (or answers something unusable), then the next
 * server is selected and the direction starts over. An answer is final: its RCODE moves the machine on (e.g. an add
 * refused with YXDOMAIN becomes a DHCID-guarded replace) or ends it; RFC 4703 says to cease on anything else.
 *
 * <p>Not thread-safe: one thread runs one transaction from {@link #run()} to its end.
 */
public final class NameChangeTransaction {
    private static final Logger log = LoggerFactory.getLogger("dev.nestor.d2-to-dns");

    /** Where the machine is. The update states carry the try number on the current server (1-based). */
    public sealed interface State {
        record SelectingForwardServer() implements State {}
        record AddingForward(int attempt) implements State {}
        record ReplacingForward(int attempt) implements State {}
        record RemovingForwardAddress(int attempt) implements State {}
        record RemovingForwardRemaining(int attempt) implements State {}
        record SelectingReverseServer() implements State {}
        record ReplacingReverse(int attempt) implements State {}
        record RemovingReverse(int attempt) implements State {}
        record Finished(Outcome outcome) implements State {}
    }

    /**
     * How a transaction ended.
     *
     * @param forwardDone the forward change was made (or there was none to make)
     * @param reverseDone the reverse change was made (or there was none to make)
     */
    public record Outcome(boolean success, boolean forwardDone, boolean reverseDone, String reason) {}

    private final NameChangeRequest ncr;
    private final DdnsDomain forward;
    private final DdnsDomain reverse;
    private final TxnContext ctx;
    private final UpdateMessages messages;
    private final boolean checking;
    private final List<State> trace = new ArrayList<>();
    private int nextForwardServer;
    private int nextReverseServer;
    private DnsServerSpec server;
    private boolean forwardDone;
    private boolean reverseDone;

    /**
     * @param forward the matched forward domain, or null when the request has no forward change to make
     * @param reverse the matched reverse domain, or null when the request has no reverse change to make
     */
    public NameChangeTransaction(NameChangeRequest ncr, DdnsDomain forward, DdnsDomain reverse, TxnContext ctx) {
        if (forward == null && reverse == null) throw new IllegalArgumentException("a transaction needs a forward or a reverse domain");
        this.ncr = ncr;
        this.forward = forward;
        this.reverse = reverse;
        this.ctx = ctx;
        this.messages = new UpdateMessages(ncr);
        ConflictResolutionMode m = ncr.conflictResolutionMode();
        this.checking = m == ConflictResolutionMode.CHECK_WITH_DHCID || m == ConflictResolutionMode.CHECK_EXISTS_WITH_DHCID;
        this.forwardDone = forward == null;
        this.reverseDone = reverse == null;
    }

    public NameChangeRequest request() {
        return ncr;
    }

    /** Runs the machine to its end. Never throws for DNS trouble: that is in the outcome. */
    public Outcome run() {
        State s = forward != null ? new State.SelectingForwardServer() : new State.SelectingReverseServer();
        while (!(s instanceof State.Finished f)) {
            trace.add(s);
            s = step(s);
        }
        trace.add(s);
        Outcome o = f.outcome();
        if (o.success()) {
            log.info("{} {}: {}", ncr.changeType() == ChangeType.ADD ? "DHCP_DDNS_ADD_SUCCEEDED" : "DHCP_DDNS_REMOVE_SUCCEEDED",
                    ncr.describe(), o.reason());
        } else {
            log.error("{} {}: {}", ncr.changeType() == ChangeType.ADD ? "DHCP_DDNS_ADD_FAILED" : "DHCP_DDNS_REMOVE_FAILED",
                    ncr.describe(), o.reason());
        }
        return o;
    }

    /** The states visited, in order (for tests and debugging). */
    public List<State> trace() {
        return List.copyOf(trace);
    }

    State step(State s) {
        return switch (s) {
            case State.SelectingForwardServer() -> selectForward();
            case State.SelectingReverseServer() -> selectReverse();
            case State.AddingForward(int a) -> addingForward(a);
            case State.ReplacingForward(int a) -> replacingForward(a);
            case State.RemovingForwardAddress(int a) -> removingForwardAddress(a);
            case State.RemovingForwardRemaining(int a) -> removingForwardRemaining(a);
            case State.ReplacingReverse(int a) -> replacingReverse(a);
            case State.RemovingReverse(int a) -> removingReverse(a);
            case State.Finished f -> f;
        };
    }

    // ---- server selection ----------------------------------------------------------------------------------

    private State selectForward() {
        if (nextForwardServer >= forward.servers().size()) {
            return failed("no forward DNS server of " + forward.name() + " could be reached");
        }
        server = forward.servers().get(nextForwardServer++);
        if (ncr.changeType() == ChangeType.ADD) return checking ? new State.AddingForward(1) : new State.ReplacingForward(1);
        return checking ? new State.RemovingForwardAddress(1) : new State.RemovingForwardRemaining(1);
    }

    private State selectReverse() {
        if (nextReverseServer >= reverse.servers().size()) {
            return failed("no reverse DNS server of " + reverse.name() + " could be reached");
        }
        server = reverse.servers().get(nextReverseServer++);
        return ncr.changeType() == ChangeType.ADD ? new State.ReplacingReverse(1) : new State.RemovingReverse(1);
    }

    // ---- forward add ---------------------------------------------------------------------------------------

    private State addingForward(int attempt) {
        return switch (send(messages.addForward(zone(forward)))) {
            case DnsResult.Answered(int rc) when rc == Rcode.NOERROR -> forwardCompleted();
            // the name exists: replace it if the DHCID says it is ours
            case DnsResult.Answered(int rc) when rc == Rcode.YXDOMAIN -> new State.ReplacingForward(1);
            case DnsResult.Answered(int rc) -> failed("forward add refused: " + Rcode.string(rc));
            case DnsResult.TimedOut _, DnsResult.Failed _ -> retry(new State.AddingForward(attempt + 1), attempt,
                    new State.SelectingForwardServer());
        };
    }

    private State replacingForward(int attempt) {
        return switch (send(messages.replaceForward(zone(forward)))) {
            case DnsResult.Answered(int rc) when rc == Rcode.NOERROR -> forwardCompleted();
            // the name went away since the add was refused: add it afresh (RFC 4703 section 5.3.2)
            case DnsResult.Answered(int rc) when checking && rc == Rcode.NXDOMAIN -> new State.AddingForward(1);
            case DnsResult.Answered(int rc) when checking && (rc == Rcode.YXRRSET || rc == Rcode.NXRRSET) ->
                    failed("the name is in use by another client (DHCID does not match): " + Rcode.string(rc));
            case DnsResult.Answered(int rc) -> failed("forward replace refused: " + Rcode.string(rc));
            case DnsResult.TimedOut _, DnsResult.Failed _ -> retry(new State.ReplacingForward(attempt + 1), attempt,
                    new State.SelectingForwardServer());
        };
    }

    // ---- forward remove ------------------------------------------------------------------------------------

    private State removingForwardAddress(int attempt) {
        return switch (send(messages.removeForwardAddress(zone(forward)))) {
            case DnsResult.Answered(int rc) when rc == Rcode.NOERROR || rc == Rcode.NXRRSET -> new State.RemovingForwardRemaining(1);
            case DnsResult.Answered(int rc) -> failed("forward address removal refused: " + Rcode.string(rc));
            case DnsResult.TimedOut _, DnsResult.Failed _ -> retry(new State.RemovingForwardAddress(attempt + 1), attempt,
                    new State.SelectingForwardServer());
        };
    }

    private State removingForwardRemaining(int attempt) {
        return switch (send(messages.removeForwardRemaining(zone(forward)))) {
            case DnsResult.Answered(int rc) when rc == Rcode.NOERROR || rc == Rcode.NXRRSET -> forwardCompleted();
            case DnsResult.Answered(int rc) -> failed("forward removal refused: " + Rcode.string(rc));
            // in the check modes the address is already gone from this server: as Kea, do not start over elsewhere
            case DnsResult.TimedOut _, DnsResult.Failed _ -> retry(new State.RemovingForwardRemaining(attempt + 1), attempt,
                    checking ? failed("forward removal did not complete on " + server.socketAddress())
                            : new State.SelectingForwardServer());
        };
    }

    private State forwardCompleted() {
        forwardDone = true;
        return reverse != null ? new State.SelectingReverseServer() : succeeded();
    }

    // ---- reverse -------------------------------------------------------------------------------------------

    private State replacingReverse(int attempt) {
        return switch (send(messages.replaceReverse(zone(reverse)))) {
            case DnsResult.Answered(int rc) when rc == Rcode.NOERROR -> reverseCompleted();
            case DnsResult.Answered(int rc) -> failed("reverse replace refused: " + Rcode.string(rc));
            case DnsResult.TimedOut _, DnsResult.Failed _ -> retry(new State.ReplacingReverse(attempt + 1), attempt,
                    new State.SelectingReverseServer());
        };
    }

    private State removingReverse(int attempt) {
        return switch (send(messages.removeReverse(zone(reverse)))) {
            case DnsResult.Answered(int rc) when rc == Rcode.NOERROR || rc == Rcode.NXRRSET -> reverseCompleted();
            case DnsResult.Answered(int rc) -> failed("reverse removal refused: " + Rcode.string(rc));
            case DnsResult.TimedOut _, DnsResult.Failed _ -> retry(new State.RemovingReverse(attempt + 1), attempt,
                    new State.SelectingReverseServer());
        };
    }

    private State reverseCompleted() {
        reverseDone = true;
        return succeeded();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Another try on the same server, or {@code whenExhausted} after the last one. */
    private State retry(State again, int attempt, State whenExhausted) {
        return attempt < ctx.triesPerServer() ? again : whenExhausted;
    }

    private State succeeded() {
        String what = (forward != null ? "forward" : "") + (forward != null && reverse != null ? " and " : "")
                + (reverse != null ? "reverse" : "") + " updated";
        return new State.Finished(new Outcome(true, forwardDone, reverseDone, what));
    }

    private State failed(String reason) {
        return new State.Finished(new Outcome(false, forwardDone, reverseDone, reason));
    }

    private static Name zone(DdnsDomain d) {
        try {
            return Name.fromString(d.name().endsWith(".") ? d.name() : d.name() + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad zone name " + d.name(), e);
        }
    }

    /** One update to the current server, counted as Kea's DNSClient counts. */
    private DnsResult send(Update update) {
        String keyName = server.keyName();
        TSIG key = ctx.keys().get(keyName);
        String keyLabel = key == null ? null : keyDnsName(keyName);
        D2Stats stats = ctx.stats();
        stats.countUpdate(D2Stats.UPDATE_SENT, keyLabel);
        stats.count(key == null ? D2Stats.UPDATE_UNSIGNED : D2Stats.UPDATE_SIGNED);
        DnsResult r = ctx.client().send(update, server.socketAddress(), key, ctx.timeout());
        switch (r) {
            case DnsResult.Answered a -> {
                stats.countUpdate(D2Stats.UPDATE_SUCCESS, keyLabel);
                log.debug("DHCP_DDNS_UPDATE_RESPONSE {} answered {} for {}", server.socketAddress(), Rcode.string(a.rcode()), ncr.fqdn());
            }
            case DnsResult.TimedOut _ -> {
                stats.countUpdate(D2Stats.UPDATE_TIMEOUT, keyLabel);
                log.warn("DHCP_DDNS_UPDATE_TIMEOUT no answer from {} within {} ms for {}", server.socketAddress(),
                        ctx.timeout().toMillis(), ncr.fqdn());
            }
            case DnsResult.Failed f -> {
                stats.countUpdate(D2Stats.UPDATE_ERROR, keyLabel);
                log.warn("{} update of {} on {} failed: {}", f.invalidResponse() ? "DHCP_DDNS_INVALID_RESPONSE" : "DHCP_DDNS_UPDATE_FAILED",
                        ncr.fqdn(), server.socketAddress(), f.reason());
            }
        }
        return r;
    }

    private static String keyDnsName(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
