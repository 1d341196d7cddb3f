package dev.nestor.dhcp4.respond;

import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.Options;
import dev.nestor.codec.option.RawOption;
import dev.nestor.codec.option.SubOptions;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.config.model.ClientClassDef;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.SubnetParams4;
import dev.nestor.dhcp4.pipeline.Exchange4;
import dev.nestor.lease.Lease4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds OFFER, ACK and NAK packets, in Kea's order of steps: message type and server identifier, lease times,
 * configured options (requested ones, always-send ones and the basic set), echoed client id and relay agent
 * information, then the fixed fields (siaddr, sname, file). The client's name (option 81 or 12) is the pipeline's
 * client-name stage's (dev.nestor.dhcp4.ddns.ClientNames4).
 */
public final class ResponseBuilder4 {
    private static final long INFINITE = 0xFFFFFFFFL;
    /** Options Kea sends whenever they are configured, requested or not. */
    private static final int[] BASIC = {OptionCodes4.ROUTERS, OptionCodes4.DNS_SERVERS, OptionCodes4.DOMAIN_NAME};
    /** Options the server itself owns; option-data for them is not copied blindly. */
    private static final Set<Integer> SERVER_OWNED = Set.of(OptionCodes4.MESSAGE_TYPE, OptionCodes4.SERVER_ID,
            OptionCodes4.LEASE_TIME, OptionCodes4.RENEWAL_TIME, OptionCodes4.REBINDING_TIME, OptionCodes4.OVERLOAD,
            OptionCodes4.CLIENT_ID, OptionCodes4.RELAY_AGENT_INFO, OptionCodes4.REQUESTED_ADDRESS,
            OptionCodes4.PARAMETER_REQUEST_LIST, OptionCodes4.MAX_MESSAGE_SIZE, OptionCodes4.VIVSO, OptionCodes4.END,
            OptionCodes4.PAD);

    /** OFFER or ACK for a lease. */
    public Dhcp4Packet lease(Exchange4 ex, MessageType4 type, Lease4 lease) {
        Dhcp4Packet reply = base(ex, type).withYiaddr(lease.address());
        Options opts = reply.options();
        long valid = lease.validLifetime();
        opts = opts.with(OptionCodes4.LEASE_TIME, u32(valid));
        opts = teeTimes(opts, ex.subnet().params(), valid);
        opts = configured(ex, opts, true);
        opts = echoes(ex, opts);
        return fixedFields(ex, reply.withOptions(opts));
    }

    /** ACK to an INFORM: options only, no lease. */
    public Dhcp4Packet inform(Exchange4 ex) {
        Dhcp4Packet reply = base(ex, MessageType4.ACK).withCiaddr(ex.query().ciaddr());
        Options opts = configured(ex, reply.options(), ex.subnet() != null);
        opts = echoes(ex, opts);
        return fixedFields(ex, reply.withOptions(opts));
    }

    /** NAK: message type, server identifier, and the echoes (RFC 2131 table 3). */
    public Dhcp4Packet nak(Exchange4 ex) {
        Dhcp4Packet reply = base(ex, MessageType4.NAK);
        if (ex.query().giaddr() != 0) reply = reply.withFlags(reply.flags() | Dhcp4Packet.FLAG_BROADCAST);
        return reply.withOptions(echoes(ex, reply.options()));
    }

    private Dhcp4Packet base(Exchange4 ex, MessageType4 type) {
        Dhcp4Packet reply = Dhcp4Packet.replyTo(ex.query()).withMessageType(type);
        return reply.withOption(OptionCodes4.SERVER_ID, Bytes.of(Ipv4.toBytes(ex.serverId())));
    }

    private static Options teeTimes(Options opts, SubnetParams4 p, long valid) {
        if (valid >= INFINITE) return opts;
        Long t1 = p.renewTimer();
        Long t2 = p.rebindTimer();
        if (p.calculateTeeTimes()) {
            if (t2 == null) t2 = Math.round(valid * p.t2Percent());
            if (t1 == null) t1 = Math.round(valid * p.t1Percent());
        }
        boolean sendT2 = t2 != null && t2 > 0 && t2 < valid;
        if (sendT2) opts = opts.with(OptionCodes4.REBINDING_TIME, u32(t2));
        if (t1 != null && t1 > 0 && t1 < (sendT2 ? t2 : valid)) opts = opts.with(OptionCodes4.RENEWAL_TIME, u32(t1));
        return opts;
    }

    /** Requested (PRL), always-send and basic options from the option chain, plus the subnet mask. */
    private static Options configured(Exchange4 ex, Options opts, boolean withSubnet) {
        OptionChain4 chain = new OptionChain4(ex);
        Set<Integer> codes = new LinkedHashSet<>();
        if (withSubnet && ex.subnet() != null) codes.add(OptionCodes4.SUBNET_MASK);
        for (int c : BASIC) codes.add(c);
        codes.addAll(ex.query().parameterRequestList());
        for (OptionData od : chain.allIn("dhcp4")) {
            if (od.alwaysSend() || encapsulatesAlwaysSend(ex, chain, od.code())) codes.add(od.code());
        }
        for (int code : codes) {
            if (SERVER_OWNED.contains(code) || opts.contains(code)) continue;
            Optional<OptionData> od = chain.find("dhcp4", code);
            if (od.isPresent() && od.get().neverSend()) continue;
            Bytes payload = od.map(OptionData::data).orElse(null);
            payload = withEncapsulated(ex, chain, code, payload);
            if (payload == null && code == OptionCodes4.SUBNET_MASK && ex.subnet() != null) {
                payload = Bytes.of(Ipv4.toBytes(ex.subnet().prefix().netmask()));
            }
            if (payload != null) opts = opts.with(code, payload);
        }
        // a configured server identifier (option 54 in option-data) overrides the interface address
        Optional<OptionData> sid = chain.find("dhcp4", OptionCodes4.SERVER_ID);
        if (sid.isPresent() && sid.get().data().length() == 4) opts = opts.with(OptionCodes4.SERVER_ID, sid.get().data());
        return vendorOptions(ex, chain, opts);
    }

    /**
     * Appends the sub-options of an encapsulated space (e.g. option 43's vendor-encapsulated-options-space). A
     * client class may redefine the option with its own space (Kea's vendor-specific example does so for 43).
     */
    private static Bytes withEncapsulated(Exchange4 ex, OptionChain4 chain, int code, Bytes payload) {
        String space = encapsulatedSpace(ex, code);
        if (space.isEmpty()) return payload;
        List<OptionData> subs = chain.allIn(space);
        if (subs.isEmpty()) return payload;
        List<RawOption> raw = new ArrayList<>();
        for (OptionData s : subs) if (!s.neverSend()) raw.add(new RawOption(s.code(), s.data()));
        byte[] head = payload == null ? new byte[0] : payload.toArray();
        byte[] tail = SubOptions.encode(Options.of(raw)).toArray();
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return Bytes.of(all);
    }

    /** The space option {@code code} encapsulates for this client: a class definition first, then the config's. */
    private static String encapsulatedSpace(Exchange4 ex, int code) {
        for (ClientClassDef c : ex.runtime().config().clientClasses()) {
            if (!ex.classes().contains(c.name())) continue;
            for (OptionDefinition d : c.optionDefs()) {
                if (d.code() == code && d.space().equals("dhcp4") && d.encapsulate() != null) return d.encapsulate();
            }
        }
        Optional<OptionDefinition> def = ex.runtime().config().optionDefinitions().byCode("dhcp4", code);
        return def.map(OptionDefinition::encapsulate).filter(e -> e != null).orElse("");
    }

    /** Codes whose encapsulated sub-options include an always-send one: the parent goes out unrequested. */
    private static boolean encapsulatesAlwaysSend(Exchange4 ex, OptionChain4 chain, int code) {
        String space = encapsulatedSpace(ex, code);
        if (space.isEmpty()) return false;
        for (OptionData od : chain.allIn(space)) if (od.alwaysSend()) return true;
        return false;
    }

    /**
     * Option 125: sub-options configured in a "vendor-N" space go to clients that name enterprise N in their
     * option 124 or 125, or, when configured with "vivso-suboptions" for N, to clients that ask for 125 or
     * whenever a sub-option is always-send (Kea's vivso example).
     */
    private static Options vendorOptions(Exchange4 ex, OptionChain4 chain, Options opts) {
        Set<Long> enterprises = new LinkedHashSet<>(VendorInfo.enterprisesOf(ex.query()));
        Optional<OptionData> vivso = chain.find("dhcp4", OptionCodes4.VIVSO);
        if (vivso.isPresent() && vivso.get().data().length() >= 4 && !vivso.get().neverSend()) {
            byte[] d = vivso.get().data().toArray();
            long configured = ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
            boolean wanted = vivso.get().alwaysSend() || ex.query().parameterRequestList().contains(OptionCodes4.VIVSO);
            for (OptionData od : chain.allIn("vendor-" + configured)) wanted |= od.alwaysSend();
            if (wanted) enterprises.add(configured);
        }
        if (enterprises.isEmpty()) return opts;
        List<dev.nestor.codec.option.VendorOption> out = new ArrayList<>();
        for (long enterprise : enterprises) {
            List<RawOption> subs = new ArrayList<>();
            for (OptionData od : chain.allIn("vendor-" + enterprise)) {
                if (!od.neverSend()) subs.add(new RawOption(od.code(), od.data()));
            }
            if (!subs.isEmpty()) out.add(new dev.nestor.codec.option.VendorOption(enterprise, Options.of(subs)));
        }
        if (out.isEmpty()) return opts;
        return opts.with(OptionCodes4.VIVSO, dev.nestor.codec.option.VendorOption.encode125(out));
    }

    /** RFC 6842 client-id echo and RFC 3046 relay agent information echo. */
    private static Options echoes(Exchange4 ex, Options opts) {
        Optional<Bytes> cid = ex.query().option(OptionCodes4.CLIENT_ID);
        if (cid.isPresent() && ex.runtime().config().globals().echoClientId()) opts = opts.with(OptionCodes4.CLIENT_ID, cid.get());
        Optional<Bytes> rai = ex.query().option(OptionCodes4.RELAY_AGENT_INFO);
        if (rai.isPresent()) opts = opts.with(OptionCodes4.RELAY_AGENT_INFO, rai.get());
        return opts;
    }

    /** siaddr, sname and file: reservation, then the first class that sets them, then the subnet. */
    private static Dhcp4Packet fixedFields(Exchange4 ex, Dhcp4Packet reply) {
        Integer next = null;
        String sname = "";
        String file = "";
        if (ex.reservation() != null) {
            next = ex.reservation().nextServer();
            sname = ex.reservation().serverHostname();
            file = ex.reservation().bootFileName();
        }
        for (ClientClassDef c : ex.runtime().config().clientClasses()) {
            if (!ex.classes().contains(c.name())) continue;
            if ((next == null || next == 0) && c.nextServer() != null) next = c.nextServer();
            if (sname.isEmpty() && c.serverHostname() != null) sname = c.serverHostname();
            if (file.isEmpty() && c.bootFileName() != null) file = c.bootFileName();
        }
        if (ex.subnet() != null) {
            SubnetParams4 p = ex.subnet().params();
            if (next == null || next == 0) next = p.nextServer();
            if (sname.isEmpty()) sname = p.serverHostname();
            if (file.isEmpty()) file = p.bootFileName();
        }
        if (next != null && next != 0) reply = reply.withSiaddr(next);
        if (!sname.isEmpty()) reply = reply.withSname(field(sname, Dhcp4Packet.SNAME_LEN));
        if (!file.isEmpty()) reply = reply.withFile(field(file, Dhcp4Packet.FILE_LEN));
        return reply;
    }

    private static Bytes field(String text, int size) {
        byte[] out = new byte[size];
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, out, 0, Math.min(b.length, size - 1));
        return Bytes.of(out);
    }

    static Bytes u32(long v) {
        return Bytes.of(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }
}
