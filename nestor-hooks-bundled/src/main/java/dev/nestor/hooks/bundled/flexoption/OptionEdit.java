package dev.nestor.hooks.bundled.flexoption;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v6.Dhcp6Message;
import dev.nestor.codec.v6.Option6;
import dev.nestor.codec.v6.OptionList6;
import dev.nestor.common.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few operations flex_option performs on a packet's top-level options, so one processing loop serves both
 * families. A DHCPv6 packet is the client message (relay layers are peeled off and put back by the caller).
 */
interface OptionEdit<P> {
    /** {@return the first instance's payload} */
    Optional<Bytes> get(P p, int code);

    default boolean has(P p, int code) { return get(p, code).isPresent(); }

    /** {@return the packet with exactly one instance of {@code code}, holding {@code data} (Kea: delete all, add one)} */
    P set(P p, int code, Bytes data);

    /** {@return the packet with the first instance of {@code code} replaced in place, the others kept} */
    P replaceFirst(P p, int code, Bytes data);

    /** {@return the packet without any instance of {@code code}} */
    P remove(P p, int code);

    OptionEdit<Dhcp4Packet> V4 = new OptionEdit<>() {
        @Override public Optional<Bytes> get(Dhcp4Packet p, int code) { return p.option(code); }

        @Override public Dhcp4Packet set(Dhcp4Packet p, int code, Bytes data) { return p.withOption(code, data); }

        // a DHCPv4 packet holds one instance per code (split instances are joined at decode)
        @Override public Dhcp4Packet replaceFirst(Dhcp4Packet p, int code, Bytes data) { return p.withOption(code, data); }

        @Override public Dhcp4Packet remove(Dhcp4Packet p, int code) { return p.withoutOption(code); }
    };

    OptionEdit<Dhcp6Message> V6 = new OptionEdit<>() {
        @Override public Optional<Bytes> get(Dhcp6Message p, int code) { return p.option(code); }

        @Override public Dhcp6Message set(Dhcp6Message p, int code, Bytes data) { return p.withOption(code, data); }

        @Override public Dhcp6Message replaceFirst(Dhcp6Message p, int code, Bytes data) {
            // several vendor-opts (17) may be present, one per enterprise: only the first is the container
            List<Option6> out = new ArrayList<>(p.options().size());
            boolean done = false;
            for (Option6 o : p.options().list()) {
                if (!done && o.code() == code) {
                    out.add(new Option6(code, data));
                    done = true;
                } else {
                    out.add(o);
                }
            }
            if (!done) out.add(new Option6(code, data));
            return p.withOptions(OptionList6.of(out));
        }

        @Override public Dhcp6Message remove(Dhcp6Message p, int code) { return p.withoutOption(code); }
    };
}
