package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What host_cmds does differently for DHCPv4 and DHCPv6 reservations: the identifiers they may use, where their
 * addresses are, how Kea shows them ({@code Host::toElement4} / {@code toElement6}) and the checks Kea's
 * {@code CfgHosts::add4} / {@code add6} and {@code checkHost4} / {@code checkHost6} make.
 *
 * @param <C> the parsed config type
 */
public interface HostFamily<C> {
    /** The identifier keywords of this protocol's reservations, in the order a reservation map is searched. */
    List<String> identifiers();

    /** The reserved addresses of a reservation map, canonical text (invalid or zero ones left out). */
    List<String> addresses(JsonNode reservation);

    /** The reserved prefixes of a reservation map, canonical {@code address/length} text; empty for DHCPv4. */
    List<String> prefixes(JsonNode reservation);

    /** The canonical text of an address argument of this protocol, or null when the text is not one. */
    String address(String text);

    /** How host_cmds shows a reservation: Kea's {@code Host::toElement4} / {@code toElement6} plus "subnet-id". */
    ObjectNode toJson(HostView host);

    /**
     * Kea's checkHost4 / checkHost6 for reservation-add without a subnet-id: the error naming the subnet the
     * reservation's addresses (or prefixes) belong to, or null when it has none and goes global.
     */
    KeaError missingSubnet(C config, List<String> addresses, List<String> prefixes);

    /**
     * With {@code ip-reservations-unique}, Kea's "already reserved" error when one of the new reservation's
     * addresses (or prefixes) is reserved by another host of the same subnet; null when none is.
     */
    KeaError reservedAddress(List<HostView> sameSubnet, HostView.Id id, List<String> addresses, List<String> prefixes,
                             long subnetId);
}
