package dev.nestor.dhcp6.respond;

import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Option6;
import dev.nestor.codec.v6.OptionCodes6;
import dev.nestor.codec.v6.OptionList6;
import dev.nestor.codec.v6.Oro;
import dev.nestor.codec.v6.VendorClass6;
import dev.nestor.codec.v6.VendorOpts;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.config.model.OptionData;
import dev.nestor.dhcp6.pipeline.Exchange6;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * VENDOR_CLASS (16) and VENDOR_OPTS (17) in replies, in the two steps of Kea's Dhcpv6Srv. First, when the client
 * asks for the option (ORO) or it is always-send, every configured {@code vendor-class} and an empty
 * {@code vendor-opts} per configured enterprise (its data is the enterprise number) go in, one per enterprise.
 * Then, with a subnet selected, each enterprise the reply carries or the client names in its own options 16 and 17
 * gets the sub-options of space {@code vendor-<enterprise>} that are always-send, plus for CableLabs (4491) those
 * the client lists in its DOCSIS ORO sub-option (1); never-send ones are left out, and an enterprise with nothing
 * to send gets no option.
 */
final class VendorOptions6 {
    /** CableLabs' enterprise number, and the sub-option in which a DOCSIS client lists what it wants. */
    static final long CABLE_LABS = 4491;
    static final int DOCSIS_ORO = 1;

    private VendorOptions6() {}

    /** Kea's appendRequestedOptions special cases: {@code requested} holds the ORO and the always-send codes. */
    static Dhcp6Message containers(Dhcp6Message reply, OptionChain6 chain, Set<Integer> requested) {
        List<OptionData> configured = chain.everyIn("dhcp6");
        if (wanted(OptionCodes6.VENDOR_CLASS, requested, configured)) {
            Set<Long> present = new HashSet<>();
            for (Bytes b : reply.options().all(OptionCodes6.VENDOR_CLASS)) enterprise(b).ifPresent(present::add);
            for (OptionData od : configured) {
                if (od.code() != OptionCodes6.VENDOR_CLASS) continue;
                Optional<Long> e = enterprise(od.data());
                if (e.isPresent() && present.add(e.get())) reply = reply.withOptions(reply.options().plus(od.code(), od.data()));
            }
        }
        if (wanted(OptionCodes6.VENDOR_OPTS, requested, configured)) {
            Set<Long> present = new HashSet<>();
            for (Bytes b : reply.options().all(OptionCodes6.VENDOR_OPTS)) enterprise(b).ifPresent(present::add);
            for (OptionData od : configured) {
                if (od.code() != OptionCodes6.VENDOR_OPTS) continue;
                Optional<Long> e = enterprise(od.data());
                // a fresh container: the sub-options come from the vendor space in the next step
                if (e.isPresent() && present.add(e.get())) reply = reply.plusOption(new VendorOpts(e.get(), OptionList6.empty()));
            }
        }
        return reply;
    }

    /** Kea's appendRequestedVendorOptions: the sub-options of each enterprise in play. */
    static Dhcp6Message subOptions(Dhcp6Message reply, Exchange6 ex, OptionChain6 chain) {
        if (ex.subnet() == null) return reply;
        Map<Long, VendorOpts> inReply = new LinkedHashMap<>();
        for (Bytes b : reply.options().all(OptionCodes6.VENDOR_OPTS)) {
            try {
                VendorOpts v = VendorOpts.decode(b);
                inReply.putIfAbsent(v.enterpriseId(), v);
            } catch (WireFormatException e) {
                // not ours to fix: a configured option is left as it is
            }
        }
        Set<Long> enterprises = new LinkedHashSet<>(inReply.keySet());
        Map<Long, VendorOpts> fromClient = new LinkedHashMap<>();
        try {
            for (VendorOpts v : ex.query().vendorOpts()) {
                fromClient.putIfAbsent(v.enterpriseId(), v);
                enterprises.add(v.enterpriseId());
            }
        } catch (WireFormatException e) {
            // a malformed vendor option only costs the client its vendor sub-options
        }
        try {
            for (VendorClass6 v : ex.query().vendorClasses()) enterprises.add(v.enterpriseId());
        } catch (WireFormatException e) {
            // as above
        }
        for (long enterprise : enterprises) {
            List<Option6> subs = subOptionsFor(enterprise, chain, fromClient.get(enterprise), inReply.get(enterprise));
            if (subs.isEmpty()) continue;
            VendorOpts existing = inReply.get(enterprise);
            List<Option6> all = new ArrayList<>(existing == null ? List.of() : existing.options().list());
            all.addAll(subs);
            VendorOpts filled = new VendorOpts(enterprise, OptionList6.of(all));
            reply = existing == null ? reply.plusOption(filled) : replaceVendor(reply, enterprise, filled);
        }
        return reply;
    }

    /** The sub-options to add for one enterprise, in the order requested (DOCSIS ORO first, then always-send). */
    private static List<Option6> subOptionsFor(long enterprise, OptionChain6 chain, VendorOpts fromClient, VendorOpts present) {
        String space = "vendor-" + enterprise;
        List<OptionData> configured = chain.everyIn(space);
        Set<Integer> requested = new LinkedHashSet<>();
        if (enterprise == CABLE_LABS && fromClient != null) {
            Optional<Bytes> oro = fromClient.options().first(DOCSIS_ORO);
            if (oro.isPresent()) {
                try {
                    requested.addAll(Oro.decode(oro.get()).codes());
                } catch (WireFormatException e) {
                    // an odd-length DOCSIS ORO asks for nothing
                }
            }
        }
        Set<Integer> cancelled = new HashSet<>();
        for (OptionData od : configured) {
            if (od.alwaysSend()) requested.add(od.code());
            if (od.neverSend()) cancelled.add(od.code());
        }
        List<Option6> out = new ArrayList<>();
        for (int code : requested) {
            if (cancelled.contains(code) || (present != null && present.options().contains(code))) continue;
            chain.find(space, code).ifPresent(od -> out.add(new Option6(code, od.data())));
        }
        return out;
    }

    private static boolean wanted(int code, Set<Integer> requested, List<OptionData> configured) {
        if (!requested.contains(code)) return false;
        for (OptionData od : configured) if (od.code() == code && od.neverSend()) return false;
        return true;
    }

    private static Dhcp6Message replaceVendor(Dhcp6Message reply, long enterprise, VendorOpts filled) {
        List<Option6> out = new ArrayList<>();
        boolean done = false;
        for (Option6 o : reply.options().list()) {
            if (!done && o.code() == OptionCodes6.VENDOR_OPTS && enterprise(o.data()).orElse(-1L) == enterprise) {
                out.add(filled.toOption());
                done = true;
            } else {
                out.add(o);
            }
        }
        return reply.withOptions(OptionList6.of(out));
    }

    /** The enterprise number that opens a vendor-class or vendor-opts payload. */
    private static Optional<Long> enterprise(Bytes payload) {
        if (payload.length() < 4) return Optional.empty();
        return Optional.of((long) payload.get(0) << 24 | (long) payload.get(1) << 16 | payload.get(2) << 8 | payload.get(3));
    }
}
