package dev.nestor.codec.v6;

import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client/server message (RFC 8415 section 8): msg-type, a 24-bit transaction id and options. Every message type
 * except RELAY-FORW and RELAY-REPL uses this format (including unknown types, LEASEQUERY and DHCPV4-QUERY).
 *
 * <p>The typed accessors ({@link #iaNa()}, {@link #oro()}, ...) decode on demand and throw
 * {@link WireFormatException} when the option payload is malformed; the codec itself does not look inside options.
 */
public record Dhcp6Message(MessageType6 type, int transactionId, OptionList6 options) implements Dhcp6Packet {
    public Dhcp6Message {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(options, "options");
        if (type.isRelay()) throw new IllegalArgumentException(type + " is a relay message type: use Dhcp6RelayMessage");
        Wire6.u8("message type", type.code());
        if (transactionId < 0 || transactionId > 0xFFFFFF)
            throw new IllegalArgumentException("transaction id out of range 0..0xffffff: " + transactionId);
    }

    public static Dhcp6Message of(MessageType6 type, int transactionId, Option6Value... options) {
        return new Dhcp6Message(type, transactionId, OptionList6.of(options));
    }

    /** A message of {@code type} with the query's transaction id and no options yet. */
    public static Dhcp6Message replyTo(Dhcp6Message query, MessageType6 type) {
        return new Dhcp6Message(type, query.transactionId, OptionList6.empty());
    }

    /** Payload of the first instance of {@code code}. */
    public Optional<Bytes> option(int code) { return options.first(code); }

    public boolean hasOption(int code) { return options.contains(code); }

    /** CLIENTID (1): the client's DUID, as sent. */
    public Optional<Bytes> clientId() { return options.first(OptionCodes6.CLIENTID); }

    /** SERVERID (2): a server's DUID, as sent. */
    public Optional<Bytes> serverId() { return options.first(OptionCodes6.SERVERID); }

    /** Every IA_NA, in wire order. */
    public List<IaNa> iaNa() throws WireFormatException { return Wire6.decodeAll(options, IaNa.CODE, IaNa::decode); }

    /** Every IA_TA, in wire order. */
    public List<IaTa> iaTa() throws WireFormatException { return Wire6.decodeAll(options, IaTa.CODE, IaTa::decode); }

    /** Every IA_PD, in wire order. */
    public List<IaPd> iaPd() throws WireFormatException { return Wire6.decodeAll(options, IaPd.CODE, IaPd::decode); }

    /** The ORO; several ORO options are merged in order (Kea keeps the first; merging loses nothing). */
    public Optional<Oro> oro() throws WireFormatException {
        List<Bytes> all = options.all(Oro.CODE);
        if (all.isEmpty()) return Optional.empty();
        List<Integer> codes = new ArrayList<>();
        for (Bytes b : all) codes.addAll(Oro.decode(b).codes());
        return Optional.of(new Oro(codes));
    }

    /** Requested option codes (ORO), or an empty list. */
    public List<Integer> requestedOptions() throws WireFormatException {
        return oro().map(Oro::codes).orElse(List.of());
    }

    public Optional<ElapsedTime> elapsedTime() throws WireFormatException {
        Optional<Bytes> b = options.first(ElapsedTime.CODE);
        return b.isEmpty() ? Optional.empty() : Optional.of(ElapsedTime.decode(b.get()));
    }

    public boolean rapidCommit() { return options.contains(OptionCodes6.RAPID_COMMIT); }

    public Optional<ClientFqdn> clientFqdn() throws WireFormatException {
        Optional<Bytes> b = options.first(ClientFqdn.CODE);
        return b.isEmpty() ? Optional.empty() : Optional.of(ClientFqdn.decode(b.get()));
    }

    public Optional<StatusOption> status() throws WireFormatException { return StatusOption.in(options); }

    public List<VendorOpts> vendorOpts() throws WireFormatException {
        return Wire6.decodeAll(options, VendorOpts.CODE, VendorOpts::decode);
    }

    public List<VendorClass6> vendorClasses() throws WireFormatException {
        return Wire6.decodeAll(options, VendorClass6.CODE, VendorClass6::decode);
    }

    public Dhcp6Message withOptions(OptionList6 o) { return new Dhcp6Message(type, transactionId, o); }

    /** Sets the option (one instance, replacing any). */
    public Dhcp6Message withOption(Option6Value v) { return withOptions(options.with(v)); }

    public Dhcp6Message withOption(int code, Bytes data) { return withOptions(options.with(code, data)); }

    /** Appends another instance (for IA_NA, IA_PD, VENDOR_OPTS, ...). */
    public Dhcp6Message plusOption(Option6Value v) { return withOptions(options.plus(v)); }

    public Dhcp6Message withoutOption(int code) { return withOptions(options.without(code)); }

    public Dhcp6Message withType(MessageType6 t) { return new Dhcp6Message(t, transactionId, options); }

    public Dhcp6Message withTransactionId(int xid) { return new Dhcp6Message(type, xid, options); }

    @Override
    public String toString() {
        return "Dhcp6Message[" + type + " xid=0x" + Integer.toHexString(transactionId) + " " + options + "]";
    }
}
