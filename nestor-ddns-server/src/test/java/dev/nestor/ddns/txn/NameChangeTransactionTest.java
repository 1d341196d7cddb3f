package dev.nestor.ddns.txn;

import dev.nestor.common.stats.StatsRegistry;
import dev.nestor.ddns.D2Stats;
import dev.nestor.ddns.config.DdnsDomain;
import dev.nestor.ddns.config.DnsServerSpec;
import dev.nestor.ddns.dns.DnsClient;
import dev.nestor.ddns.dns.DnsResult;
import dev.nestor.ddns.dns.TsigKeys;
import dev.nestor.ddns.ncr.ChangeType;
import dev.nestor.ddns.ncr.ConflictResolutionMode;
import dev.nestor.ddns.ncr.Dhcid;
import dev.nestor.ddns.ncr.NameChangeRequest;
import dev.nestor.ddns.txn.NameChangeTransaction.State;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state machine's paths with a scripted DNS server (answers given in advance, updates recorded). The same
 * paths against a real BIND are in nestor-daemon-ddns's DdnsBindTest.
 */
class NameChangeTransactionTest {
    /** Answers from a script, records what was sent and where. */
    static final class ScriptedDns implements DnsClient {
        final Deque<DnsResult> script = new ArrayDeque<>();
        final List<Message> sent = new ArrayList<>();
        final List<InetSocketAddress> to = new ArrayList<>();

        ScriptedDns answer(DnsResult... results) {
            script.addAll(List.of(results));
            return this;
        }

        @Override
        public DnsResult send(Message update, InetSocketAddress server, TSIG key, Duration timeout) {
            sent.add(update);
            to.add(server);
            return script.removeFirst();
        }
    }

    private static final DnsResult NOERROR = new DnsResult.Answered(Rcode.NOERROR);
    private static final DnsResult TIMEOUT = new DnsResult.TimedOut();
    private static final DnsServerSpec S1 = new DnsServerSpec(InetAddress.ofLiteral("192.0.2.53"), 53, "", "");
    private static final DnsServerSpec S2 = new DnsServerSpec(InetAddress.ofLiteral("192.0.2.54"), 53, "", "");
    private static final DdnsDomain FWD = new DdnsDomain("example.org.", "", List.of(S1, S2), "");
    private static final DdnsDomain REV = new DdnsDomain("2.0.192.in-addr.arpa.", "", List.of(S1), "");

    private final D2Stats stats = new D2Stats(new StatsRegistry());

    private static NameChangeRequest ncr(ChangeType type, ConflictResolutionMode mode) {
        return new NameChangeRequest(type, true, true, "host.example.org", InetAddress.ofLiteral("192.0.2.10"),
                Dhcid.fromHex("0001013B8A"), 0, 3600, mode);
    }

    private NameChangeTransaction txn(NameChangeRequest n, ScriptedDns dns) {
        return new NameChangeTransaction(n, FWD, REV, new TxnContext(dns, TsigKeys.none(), Duration.ofMillis(100), stats, 3));
    }

    private static List<Record> section(Message m, int section) {
        return m.getSection(section);
    }

    @Test
    void addOfAnUnusedNameAddsForwardThenReplacesReverse() {
        ScriptedDns dns = new ScriptedDns().answer(NOERROR, NOERROR);
        NameChangeTransaction t = txn(ncr(ChangeType.ADD, ConflictResolutionMode.CHECK_WITH_DHCID), dns);
        assertThat(t.run().success()).isTrue();
        assertThat(t.trace()).containsExactly(new State.SelectingForwardServer(), new State.AddingForward(1),
                new State.SelectingReverseServer(), new State.ReplacingReverse(1),
                new State.Finished(new NameChangeTransaction.Outcome(true, true, true, "forward and reverse updated")));
        Message add = dns.sent.get(0);
        assertThat(add.getSection(Section.ZONE).getFirst().getName().toString()).isEqualTo("example.org.");
        Record prereq = section(add, Section.PREREQ).getFirst();
        assertThat(prereq.getDClass()).isEqualTo(DClass.NONE);
        assertThat(prereq.getType()).isEqualTo(Type.ANY);
        assertThat(section(add, Section.UPDATE)).extracting(Record::getType).containsExactly(Type.A, Type.DHCID);
        assertThat(section(add, Section.UPDATE).getFirst().getTTL()).isEqualTo(3600);
        Message rev = dns.sent.get(1);
        assertThat(rev.getSection(Section.ZONE).getFirst().getName().toString()).isEqualTo("2.0.192.in-addr.arpa.");
        assertThat(section(rev, Section.PREREQ)).isEmpty();
        assertThat(section(rev, Section.UPDATE)).extracting(Record::getType, Record::getDClass).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Type.PTR, DClass.ANY), org.assertj.core.groups.Tuple.tuple(Type.DHCID, DClass.ANY),
                org.assertj.core.groups.Tuple.tuple(Type.PTR, DClass.IN), org.assertj.core.groups.Tuple.tuple(Type.DHCID, DClass.IN));
        assertThat(section(rev, Section.UPDATE).get(2).rdataToString()).isEqualTo("host.example.org.");
    }

    @Test
    void nameInUseIsReplacedWhenTheDhcidIsOurs() {
        ScriptedDns dns = new ScriptedDns().answer(new DnsResult.Answered(Rcode.YXDOMAIN), NOERROR, NOERROR);
        NameChangeTransaction t = txn(ncr(ChangeType.ADD, ConflictResolutionMode.CHECK_WITH_DHCID), dns);
        assertThat(t.run().success()).isTrue();
        assertThat(t.trace()).contains(new State.ReplacingForward(1));
        Message replace = dns.sent.get(1);
        assertThat(section(replace, Section.PREREQ)).extracting(Record::getType, Record::getDClass).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Type.ANY, DClass.ANY), org.assertj.core.groups.Tuple.tuple(Type.DHCID, DClass.IN));
    }

    @Test
    void anotherClientsNameIsLeftAloneAndTheReverseIsNotTouched() {
        ScriptedDns dns = new ScriptedDns().answer(new DnsResult.Answered(Rcode.YXDOMAIN), new DnsResult.Answered(Rcode.NXRRSET));
        NameChangeTransaction.Outcome o = txn(ncr(ChangeType.ADD, ConflictResolutionMode.CHECK_WITH_DHCID), dns).run();
        assertThat(o.success()).isFalse();
        assertThat(o.reason()).contains("in use by another client");
        assertThat(o.reverseDone()).isFalse();
        assertThat(dns.sent).hasSize(2);
    }

    @Test
    void nameThatVanishedBetweenAddAndReplaceIsAddedAgain() {
        ScriptedDns dns = new ScriptedDns().answer(new DnsResult.Answered(Rcode.YXDOMAIN),
                new DnsResult.Answered(Rcode.NXDOMAIN), NOERROR, NOERROR);
        NameChangeTransaction t = txn(ncr(ChangeType.ADD, ConflictResolutionMode.CHECK_WITH_DHCID), dns);
        assertThat(t.run().success()).isTrue();
        assertThat(t.trace()).containsSubsequence(new State.AddingForward(1), new State.ReplacingForward(1), new State.AddingForward(1));
    }

    @Test
    void aSilentServerGetsThreeTriesThenTheNextServerIsUsed() {
        ScriptedDns dns = new ScriptedDns().answer(TIMEOUT, TIMEOUT, TIMEOUT, NOERROR, NOERROR);
        NameChangeTransaction t = txn(ncr(ChangeType.ADD, ConflictResolutionMode.CHECK_WITH_DHCID), dns);
        assertThat(t.run().success()).isTrue();
        assertThat(dns.to).extracting(InetSocketAddress::getAddress).containsExactly(S1.ipAddress(), S1.ipAddress(),
                S1.ipAddress(), S2.ipAddress(), S1.ipAddress());
        assertThat(stats.get(D2Stats.UPDATE_TIMEOUT)).isEqualTo(3);
        assertThat(stats.get(D2Stats.UPDATE_SENT)).isEqualTo(5);
        assertThat(stats.get(D2Stats.UPDATE_SUCCESS)).isEqualTo(2);
        assertThat(stats.get(D2Stats.UPDATE_UNSIGNED)).isEqualTo(5);
    }

    @Test
    void noServerLeftFailsTheTransaction() {
        ScriptedDns dns = new ScriptedDns().answer(TIMEOUT, TIMEOUT, TIMEOUT,
                new DnsResult.Failed("unreachable", false), new DnsResult.Failed("unreachable", false), new DnsResult.Failed("x", true));
        NameChangeTransaction.Outcome o = txn(ncr(ChangeType.ADD, ConflictResolutionMode.CHECK_WITH_DHCID), dns).run();
        assertThat(o.success()).isFalse();
        assertThat(o.reason()).contains("no forward DNS server");
        assertThat(stats.get(D2Stats.UPDATE_ERROR)).isEqualTo(3);
    }

    @Test
    void removalDeletesOurAddressThenTheRestThenTheReverse() {
        ScriptedDns dns = new ScriptedDns().answer(NOERROR, NOERROR, NOERROR);
        NameChangeTransaction t = txn(ncr(ChangeType.REMOVE, ConflictResolutionMode.CHECK_WITH_DHCID), dns);
        assertThat(t.run().success()).isTrue();
        assertThat(t.trace()).containsSubsequence(new State.RemovingForwardAddress(1), new State.RemovingForwardRemaining(1),
                new State.RemovingReverse(1));
        Record deleteA = section(dns.sent.get(0), Section.UPDATE).getFirst();
        assertThat(deleteA.getDClass()).isEqualTo(DClass.NONE);
        assertThat(deleteA.rdataToString()).isEqualTo("192.0.2.10");
        assertThat(section(dns.sent.get(1), Section.PREREQ)).extracting(Record::getType)
                .containsExactly(Type.DHCID, Type.A, Type.AAAA);
        Record revPrereq = section(dns.sent.get(2), Section.PREREQ).getFirst();
        assertThat(revPrereq.getType()).isEqualTo(Type.PTR);
        assertThat(revPrereq.rdataToString()).isEqualTo("host.example.org.");
    }

    @Test
    void modesWithoutChecksSendNoPrerequisitesAndWithoutDhcidNoDhcid() {
        ScriptedDns dns = new ScriptedDns().answer(NOERROR, NOERROR, NOERROR, NOERROR);
        assertThat(txn(ncr(ChangeType.ADD, ConflictResolutionMode.NO_CHECK_WITHOUT_DHCID), dns).run().success()).isTrue();
        assertThat(txn(ncr(ChangeType.REMOVE, ConflictResolutionMode.NO_CHECK_WITHOUT_DHCID), dns).run().success()).isTrue();
        for (Message m : dns.sent) {
            assertThat(section(m, Section.PREREQ)).isEmpty();
            assertThat(section(m, Section.UPDATE)).extracting(Record::getType).doesNotContain(Type.DHCID);
        }
        ScriptedDns exists = new ScriptedDns().answer(new DnsResult.Answered(Rcode.YXDOMAIN), NOERROR, NOERROR);
        assertThat(txn(ncr(ChangeType.ADD, ConflictResolutionMode.CHECK_EXISTS_WITH_DHCID), exists).run().success()).isTrue();
        Record anyDhcid = section(exists.sent.get(1), Section.PREREQ).getFirst();
        assertThat(anyDhcid.getType()).isEqualTo(Type.DHCID);
        assertThat(anyDhcid.getDClass()).isEqualTo(DClass.ANY);
    }

    @Test
    void refusedUpdatesEndTheTransactionWithoutTryingOtherServers() {
        ScriptedDns dns = new ScriptedDns().answer(new DnsResult.Answered(Rcode.REFUSED));
        NameChangeTransaction.Outcome o = txn(ncr(ChangeType.ADD, ConflictResolutionMode.CHECK_WITH_DHCID), dns).run();
        assertThat(o.success()).isFalse();
        assertThat(o.reason()).contains("REFUSED");
        assertThat(dns.sent).hasSize(1);
    }
}
