package dev.nestor.hooks.bundled.flexoption;

import dev.nestor.codec.option.Options;
import dev.nestor.codec.option.SubOptions;
import dev.nestor.codec.option.VendorOption;
import dev.nestor.codec.v6.OptionList6;
import dev.nestor.codec.v6.Options6Codec;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sub-options of one container option, decoded from its payload and encoded back after an edit. Four wire
 * shapes: DHCPv4 (1-byte code and length), DHCPv6 (2-byte code and length), and the vendor containers, where the
 * sub-options follow an enterprise number: option 125 (DHCPv4, one block per enterprise) and option 17 (DHCPv6).
 */
sealed interface Container {
    boolean has(int code);

    Container with(int code, Bytes data);

    Container without(int code);

    boolean isEmpty();

    /** {@return the container's payload, kept even when it holds no sub-option} */
    Bytes encode();

    /**
     * {@return the payload once an emptied container is taken away (Kea's {@code container-remove}); empty when
     * nothing of the option is left} Only option 125 keeps something: the other enterprises' blocks.
     */
    default Optional<Bytes> encodeDroppingEmpty() { return isEmpty() ? Optional.empty() : Optional.of(encode()); }

    /**
     * The sub-options of an existing container; empty when the payload does not parse or holds another vendor
     * (Kea: "vendor id mismatch", the entry does nothing).
     *
     * @param vendorId the enterprise number for 125/17 containers, 0 for plain ones
     */
    static Optional<Container> open(boolean v6, long vendorId, Bytes payload) {
        try {
            if (vendorId == 0) {
                return Optional.of(v6 ? new Plain6(Options6Codec.decode(payload)) : new Plain4(SubOptions.decode(payload)));
            }
            if (v6) {
                if (payload.length() < 4) return Optional.empty();
                long ent = ByteBuffer.wrap(payload.toArray(), 0, 4).getInt() & 0xFFFFFFFFL;
                if (ent != vendorId) return Optional.empty();
                return Optional.of(new Vendor6(vendorId, Options6Codec.decode(Bytes.of(payload.toArray(), 4, payload.length() - 4))));
            }
            List<VendorOption> blocks = VendorOption.decode125(payload);
            for (VendorOption b : blocks) if (b.enterpriseId() == vendorId) return Optional.of(new Vendor4(vendorId, b.subOptions(), blocks));
            return Optional.empty();
        } catch (WireFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@return a new, empty container} */
    static Container create(boolean v6, long vendorId) {
        if (vendorId == 0) return v6 ? new Plain6(OptionList6.empty()) : new Plain4(Options.empty());
        return v6 ? new Vendor6(vendorId, OptionList6.empty()) : new Vendor4(vendorId, Options.empty(), List.of());
    }

    record Plain4(Options subs) implements Container {
        @Override public boolean has(int code) { return subs.contains(code); }

        @Override public Container with(int code, Bytes data) { return new Plain4(subs.with(code, data)); }

        @Override public Container without(int code) { return new Plain4(subs.without(code)); }

        @Override public boolean isEmpty() { return subs.isEmpty(); }

        @Override public Bytes encode() { return SubOptions.encode(subs); }
    }

    record Plain6(OptionList6 subs) implements Container {
        @Override public boolean has(int code) { return subs.contains(code); }

        @Override public Container with(int code, Bytes data) { return new Plain6(subs.with(code, data)); }

        @Override public Container without(int code) { return new Plain6(subs.without(code)); }

        @Override public boolean isEmpty() { return subs.isEmpty(); }

        @Override public Bytes encode() { return Options6Codec.encode(subs); }
    }

    record Vendor6(long enterprise, OptionList6 subs) implements Container {
        @Override public boolean has(int code) { return subs.contains(code); }

        @Override public Container with(int code, Bytes data) { return new Vendor6(enterprise, subs.with(code, data)); }

        @Override public Container without(int code) { return new Vendor6(enterprise, subs.without(code)); }

        @Override public boolean isEmpty() { return subs.isEmpty(); }

        @Override public Bytes encode() {
            byte[] body = Options6Codec.encode(subs).toArray();
            return Bytes.of(ByteBuffer.allocate(4 + body.length).putInt((int) enterprise).put(body).array());
        }
    }

    /** One enterprise block of option 125; the other blocks ride along unchanged. */
    record Vendor4(long enterprise, Options subs, List<VendorOption> blocks) implements Container {
        public Vendor4 {
            blocks = List.copyOf(blocks);
        }

        @Override public boolean has(int code) { return subs.contains(code); }

        @Override public Container with(int code, Bytes data) { return new Vendor4(enterprise, subs.with(code, data), blocks); }

        @Override public Container without(int code) { return new Vendor4(enterprise, subs.without(code), blocks); }

        @Override public boolean isEmpty() { return subs.isEmpty(); }

        @Override public Bytes encode() { return VendorOption.encode125(replaced(false)); }

        @Override public Optional<Bytes> encodeDroppingEmpty() {
            List<VendorOption> out = replaced(true);
            return out.isEmpty() ? Optional.empty() : Optional.of(VendorOption.encode125(out));
        }

        /** The blocks with this enterprise's block replaced in place (or appended); without it when empty and asked. */
        private List<VendorOption> replaced(boolean dropEmpty) {
            List<VendorOption> out = new ArrayList<>();
            boolean placed = false;
            for (VendorOption b : blocks) {
                if (b.enterpriseId() != enterprise) {
                    out.add(b);
                } else if (!placed) {
                    placed = true;
                    if (!(dropEmpty && subs.isEmpty())) out.add(new VendorOption(enterprise, subs));
                }
            }
            if (!placed && !(dropEmpty && subs.isEmpty())) out.add(new VendorOption(enterprise, subs));
            return out;
        }
    }
}
