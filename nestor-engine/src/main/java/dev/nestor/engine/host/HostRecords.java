package dev.nestor.engine.host;

import dev.nestor.codec.net.Ipv6Prefix;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.option.OptionValueCodec;
import dev.nestor.codec.option.OptionValueException;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.config.model.OptionData;
import dev.nestor.config.model.Reservation4;
import dev.nestor.config.model.Reservation6;
import dev.nestor.lease.host.Host;
import dev.nestor.lease.host.HostIdentifierType;
import dev.nestor.lease.host.HostOption;
import dev.nestor.lease.host.Ipv6Reservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns hosts read from a host database into the reservations the engine works with. An option row's payload
 * ({@code value}) is used as it is; a row with only text ({@code formatted_value}, as someone may write by hand) is
 * encoded with the server's option definitions, as Kea does when it reads it. A row that cannot be turned into an
 * option is left out and logged, never failing the lookup.
 */
public final class HostRecords {
    private static final Logger log = LoggerFactory.getLogger(HostRecords.class);
    /** The {@code path} of reservations from a database, where config reservations name their JSON path. */
    public static final String PATH = "hosts-database";

    private HostRecords() {}

    /** The DHCPv4 part of a host as a reservation (the host must have a DHCPv4 subnet id). */
    public static Reservation4 toReservation4(Host h, OptionDefinitions defs) {
        Bytes id = h.identifier();
        HwAddress hw = h.identifierType() == HostIdentifierType.HW_ADDRESS
                ? new HwAddress(HwAddress.HTYPE_ETHERNET, id.toArray()) : null;
        return new Reservation4(hw, pick(h, HostIdentifierType.CLIENT_ID), pick(h, HostIdentifierType.CIRCUIT_ID),
                pick(h, HostIdentifierType.DUID), pick(h, HostIdentifierType.FLEX_ID), h.ipv4Address(), h.hostname(),
                h.dhcp4ClientClasses(), options(h.options4(), defs, false), h.nextServer(), h.serverHostname(),
                h.bootFileName(), h.ipv4SubnetId() == null ? 0 : h.ipv4SubnetId(), PATH);
    }

    /**
     * The DHCPv6 part of a host as a reservation; empty for identifier types DHCPv6 has no reservations for
     * (client-id, circuit-id).
     */
    public static Optional<Reservation6> toReservation6(Host h, OptionDefinitions defs) {
        Bytes id = h.identifier();
        HwAddress hw = null;
        Bytes duid = null;
        Bytes flex = null;
        switch (h.identifierType()) {
            case HW_ADDRESS -> hw = new HwAddress(HwAddress.HTYPE_ETHERNET, id.toArray());
            case DUID -> duid = id;
            case FLEX_ID -> flex = id;
            default -> {
                return Optional.empty();
            }
        }
        List<Bytes> addresses = new ArrayList<>();
        List<Reservation6.PrefixReservation> prefixes = new ArrayList<>();
        for (Ipv6Reservation r : h.ipv6Reservations()) {
            if (r.type() == Ipv6Reservation.Type.NA) addresses.add(r.address());
            else prefixes.add(new Reservation6.PrefixReservation(new Ipv6Prefix(r.address(), r.prefixLength()), null));
        }
        return Optional.of(new Reservation6(hw, duid, flex, addresses, prefixes, h.hostname(), h.dhcp6ClientClasses(),
                options(h.options6(), defs, true), h.ipv6SubnetId() == null ? 0 : h.ipv6SubnetId(), PATH));
    }

    private static Bytes pick(Host h, HostIdentifierType type) {
        return h.identifierType() == type ? h.identifier() : null;
    }

    static List<OptionData> options(List<HostOption> rows, OptionDefinitions defs, boolean v6) {
        List<OptionData> out = new ArrayList<>(rows.size());
        for (HostOption o : rows) {
            Optional<OptionDefinition> def = defs.byCode(o.space(), o.code());
            Bytes data;
            if (o.value() != null) {
                data = o.value();
            } else if (o.formattedValue() == null) {
                data = Bytes.EMPTY;
            } else if (def.isPresent()) {
                try {
                    data = Bytes.of(v6 ? OptionValueCodec.fromCsv6(def.get(), o.formattedValue())
                            : OptionValueCodec.fromCsv(def.get(), o.formattedValue()));
                } catch (OptionValueException | IllegalArgumentException e) {
                    log.warn("host option {}.{} '{}' from the hosts database does not match its definition, left out: {}",
                            o.space(), o.code(), o.formattedValue(), e.getMessage());
                    continue;
                }
            } else {
                log.warn("host option {}.{} from the hosts database has only text and no definition, left out",
                        o.space(), o.code());
                continue;
            }
            out.add(new OptionData(o.code(), o.space(), def.map(OptionDefinition::name).orElse(""), data,
                    o.persistent(), o.cancelled(), List.of(), PATH));
        }
        return out;
    }
}
