package dev.nestor.hooks.bundled.runscript;

import dev.nestor.codec.net.Ipv6;
import dev.nestor.codec.option.Options;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.IaNa;
import dev.nestor.codec.v6.IaPd;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.hooks.bundled.KeaText;
import dev.nestor.hooks.v4.Envelope4;
import dev.nestor.hooks.v4.SubnetInfo4;
import dev.nestor.hooks.v6.Envelope6;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.Lease6;
import dev.nestor.lease.LeaseState;
import dev.nestor.lease.LeaseType6;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The environment variables Kea's run_script exports, with Kea's names and value formats (run_script.cc). */
final class ScriptEnv {
    private final Map<String, String> vars = new LinkedHashMap<>();

    Map<String, String> vars() { return Map.copyOf(vars); }

    ScriptEnv put(String name, String value) {
        vars.put(name, value == null ? "" : value);
        return this;
    }

    ScriptEnv put(String name, long value) { return put(name, Long.toString(value)); }

    ScriptEnv bool(String name, boolean value) { return put(name, value ? "true" : "false"); }

    private void hw(String prefix, HwAddress hw) {
        put(prefix, hw == null ? "" : KeaText.hexColon(hw.bytes()));
        put(prefix + "_TYPE", hw == null ? "" : Integer.toString(hw.htype()));
    }

    /** Where the query came from; {@code local} null: unknown (all empty). */
    private void envelope(String p, String local, int localPort, String remote, int remotePort, int ifindex, String ifname) {
        boolean known = local != null;
        put(p + "_LOCAL_ADDR", local);
        put(p + "_LOCAL_PORT", known ? Integer.toString(localPort) : "");
        put(p + "_REMOTE_ADDR", remote);
        put(p + "_REMOTE_PORT", known ? Integer.toString(remotePort) : "");
        put(p + "_IFACE_INDEX", known ? Integer.toString(ifindex) : "");
        put(p + "_IFACE_NAME", ifname);
    }

    /** QUERY4_*: the query and where it came from ({@code env} null when unknown). */
    ScriptEnv query4(String p, Dhcp4Packet q, Envelope4 env) {
        put(p + "_TYPE", q.messageType() == null ? "UNKNOWN" : q.messageType().keaName());
        put(p + "_TXID", q.xid() & 0xFFFFFFFFL);
        if (env == null) envelope(p, null, 0, null, 0, 0, null);
        else envelope(p, Ipv4.toString(env.destinationAddress()), 67, Ipv4.toString(env.sourceAddress()), env.sourcePort(),
                env.interfaceIndex(), env.interfaceName());
        put(p + "_HOPS", q.hops());
        put(p + "_SECS", q.secs());
        put(p + "_FLAGS", q.flags());
        put(p + "_CIADDR", Ipv4.toString(q.ciaddr()));
        put(p + "_SIADDR", Ipv4.toString(q.siaddr()));
        put(p + "_YIADDR", Ipv4.toString(q.yiaddr()));
        put(p + "_GIADDR", Ipv4.toString(q.giaddr()));
        bool(p + "_RELAYED", q.giaddr() != 0);
        hw(p + "_HWADDR", q.hwAddress());
        hw(p + "_LOCAL_HWADDR", null);
        hw(p + "_REMOTE_HWADDR", null);
        Optional<Bytes> rai = q.option(OptionCodes4.RELAY_AGENT_INFO);
        if (rai.isPresent()) {
            put(p + "_OPTION_82", KeaText.hexString(rai.get().toArray()));
            Optional<Options> subs = q.relayAgentInfo();
            for (int code : new int[] {OptionCodes4.RAI_CIRCUIT_ID, OptionCodes4.RAI_REMOTE_ID}) {
                subs.flatMap(o -> o.get(code)).ifPresent(v -> put(p + "_OPTION_82_SUB_OPTION_" + code, KeaText.hexString(v.toArray())));
            }
        }
        return this;
    }

    ScriptEnv subnet4(String p, SubnetInfo4 s) {
        put(p + "_ID", s == null ? "" : Long.toString(s.id()));
        put(p + "_NAME", s == null ? "" : s.prefix().toString());
        put(p + "_PREFIX", s == null ? "" : Ipv4.toString(s.prefix().network()));
        put(p + "_PREFIX_LEN", s == null ? "" : Integer.toString(s.prefix().length()));
        return this;
    }

    /** The fields both families' leases export. */
    private void lease(String p, String address, long cltt, String hostname, HwAddress hw, LeaseState state, long subnetId, long valid) {
        put(p + "_ADDRESS", address);
        put(p + "_CLTT", cltt);
        put(p + "_HOSTNAME", hostname);
        hw(p + "_HWADDR", hw);
        put(p + "_STATE", state(state));
        put(p + "_SUBNET_ID", subnetId);
        put(p + "_VALID_LIFETIME", valid);
    }

    ScriptEnv lease4(String p, Lease4 l) {
        lease(p, Ipv4.toString(l.address()), l.cltt(), l.hostname(), l.hwAddress(), l.state(), l.subnetId(), l.validLifetime());
        put(p + "_CLIENT_ID", l.clientId() == null ? "" : l.clientId().toHexColon());
        return this;
    }

    /** {@code <p>_SIZE} and {@code <p>_AT<i>_*} for each lease. */
    <L> ScriptEnv leases(String p, List<L> leases, BiConsumer<String, L> each) {
        put(p + "_SIZE", leases.size());
        for (int i = 0; i < leases.size(); i++) each.accept(p + "_AT" + i, leases.get(i));
        return this;
    }

    ScriptEnv leases4(String p, List<Lease4> leases) { return leases(p, leases, this::lease4); }

    /** QUERY6_*: the client's message inside the relay layers, and where it came from. */
    ScriptEnv query6(String p, Dhcp6Packet packet, Envelope6 env) {
        Dhcp6Message q = client(packet);
        put(p + "_TYPE", q == null ? "" : q.type().name());
        put(p + "_TXID", q == null ? "" : Integer.toString(q.transactionId()));
        if (env == null) envelope(p, null, 0, null, 0, 0, null);
        else envelope(p, Ipv6.toString(env.destinationAddress()), 547, Ipv6.toString(env.sourceAddress()), env.sourcePort(),
                env.interfaceIndex(), env.interfaceName());
        hw(p + "_REMOTE_HWADDR", null);
        put(p + "_PROTO", 0); // UDP
        put(p + "_CLIENT_ID", q == null ? "" : q.clientId().map(Bytes::toHexColon).orElse(""));
        return this;
    }

    ScriptEnv lease6(String p, Lease6 l) {
        lease(p, l.addressText(), l.cltt(), l.hostname(), l.hwAddress(), l.state(), l.subnetId(), l.validLifetime());
        put(p + "_DUID", l.duid().toHexColon());
        put(p + "_IAID", l.iaid());
        put(p + "_PREFERRED_LIFETIME", l.preferredLifetime());
        put(p + "_PREFIX_LEN", l.prefixLength());
        put(p + "_TYPE", l.type() == LeaseType6.PD ? "IA_PD" : "IA_NA");
        return this;
    }

    ScriptEnv leases6(String p, List<Lease6> leases) { return leases(p, leases, this::lease6); }

    /** PKT6_IA_*: the query's IA holding the lease (by IAID and type). */
    ScriptEnv ia6(String p, Dhcp6Packet packet, Lease6 lease) {
        Dhcp6Message q = client(packet);
        long t1 = -1, t2 = -1;
        try {
            if (q != null && lease.type() == LeaseType6.PD) {
                for (IaPd ia : q.iaPd()) if (ia.iaid() == lease.iaid()) { t1 = ia.t1(); t2 = ia.t2(); }
            } else if (q != null) {
                for (IaNa ia : q.iaNa()) if (ia.iaid() == lease.iaid()) { t1 = ia.t1(); t2 = ia.t2(); }
            }
        } catch (WireFormatException e) {
            t1 = -1;
        }
        boolean found = t1 >= 0;
        put(p + "_IAID", found ? Long.toString(lease.iaid()) : "");
        put(p + "_IA_TYPE", found ? (lease.type() == LeaseType6.PD ? "25" : "3") : "");
        put(p + "_IA_T1", found ? Long.toString(t1) : "");
        put(p + "_IA_T2", found ? Long.toString(t2) : "");
        return this;
    }

    private static Dhcp6Message client(Dhcp6Packet p) {
        try {
            return p == null ? null : RelayChain.unwrap(p).client();
        } catch (WireFormatException e) {
            return null;
        }
    }

    /** Kea's Lease::basicStatesToText. */
    static String state(LeaseState s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
