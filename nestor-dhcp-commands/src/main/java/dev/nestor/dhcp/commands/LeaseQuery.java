package dev.nestor.dhcp.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;

import java.util.List;

/**
 * The arguments of lease4-get / lease6-get / lease4-del / lease6-del (and of each lease6-bulk-apply deletion), as
 * Kea's {@code LeaseCmdsImpl::getParameters} checks them, with its texts: either an address, or a subnet-id with an
 * identifier (hw-address, duid or client-id; for DHCPv6 also an IAID). The protocol's command set decodes the
 * identifier and looks the lease up.
 *
 * @param address        the {@code ip-address} as given (already checked to be of the protocol's family), or null
 * @param leaseType      "IA_NA", "IA_PD" or "V4" (Kea's numbers 0, 2, 3 normalised), "IA_NA" when not given
 * @param subnetId       with an identifier
 * @param iaid           DHCPv6 only; 0 when not given
 * @param identifierType "hw-address", "duid" or "client-id", or null with an address
 * @param identifier     the identifier text, or null with an address
 * @param updateDdns     {@code update-ddns}
 */
public record LeaseQuery(String address, String leaseType, long subnetId, long iaid, String identifierType,
                         String identifier, boolean updateDdns) {
    private static final List<String> TYPES = List.of("IA_NA", "0", "IA_PD", "2", "V4", "3");

    public boolean byAddress() {
        return address != null;
    }

    /** Parses the arguments of a DHCPv{@code version} lease command. */
    public static LeaseQuery of(JsonNode p, int version) throws KeaError {
        if (p == null || !p.isObject()) throw KeaError.error("Parameters missing or are not a map.");
        boolean ddns = false;
        if (p.has("update-ddns")) {
            if (!p.get("update-ddns").isBoolean()) throw KeaError.error("'update-ddns' is not a boolean");
            ddns = p.get("update-ddns").booleanValue();
        }
        String type = "IA_NA";
        if (p.has("type")) {
            String t = p.get("type").asText();
            int at = TYPES.indexOf(t);
            if (at < 0) throw KeaError.error("Invalid lease type specified: " + t + ", only supported values are: IA_NA, IA_PD and V4");
            type = TYPES.get(at - at % 2);
        }
        JsonNode ip = p.get("ip-address");
        if (ip != null) {
            if (!ip.isTextual()) throw KeaError.error("'ip-address' is not a string.");
            String t = ip.textValue();
            boolean v4 = Ipv4.isValid(t);
            boolean v6 = !v4 && LeaseSupport.isIpv6(t);
            if (!v4 && !v6) throw KeaError.error("Failed to convert string to address '" + t + "': Invalid argument");
            if (v4 != (version == 4)) throw KeaError.error("Invalid IPv" + version + " address specified: " + t);
            return new LeaseQuery(t, type, 0, 0, null, null, ddns);
        }
        JsonNode sid = p.get("subnet-id");
        if (sid == null) throw KeaError.error("Mandatory 'subnet-id' parameter missing.");
        if (!sid.isIntegralNumber()) throw KeaError.error("'subnet-id' parameter is not integer.");
        if (!sid.canConvertToLong() || sid.longValue() < 0 || sid.longValue() > 0xFFFFFFFFL) {
            throw KeaError.error("'subnet-id' parameter is not a 32 bit unsigned integer.");
        }
        long iaid = 0;
        JsonNode ia = p.get("iaid");
        if (ia != null) {
            if (version == 4) throw KeaError.error("'iaid' parameter is specific to DHCPv6.");
            if (!ia.isIntegralNumber()) throw KeaError.error("'iaid' parameter is not integer.");
            if (!ia.canConvertToLong() || ia.longValue() < 0 || ia.longValue() > 0xFFFFFFFFL) {
                throw KeaError.error("'iaid' parameter is not a 32 bit unsigned integer.");
            }
            iaid = ia.longValue();
        }
        JsonNode idType = p.get("identifier-type");
        JsonNode ident = p.get("identifier");
        if (idType == null || !idType.isTextual()) {
            throw KeaError.error("No 'ip-address' provided and 'identifier-type' is either missing or not a string.");
        }
        if (ident == null || !ident.isTextual()) {
            throw KeaError.error("No 'ip-address' provided and 'identifier' is either missing or not a string.");
        }
        String t = idType.textValue();
        if (!t.equals("hw-address") && !t.equals("duid") && !t.equals("client-id")) {
            throw KeaError.error("Incorrect identifier type: " + t + ", the only supported values are: hw-address, duid, client-id");
        }
        return new LeaseQuery(null, type, sid.longValue(), iaid, t, ident.textValue(), ddns);
    }

    /**
     * Kea's {@code IdentifierType::fromText} (DUID: 3 to 130 octets, client identifier: 2 to 255): formatted hex,
     * with its texts.
     */
    public static Bytes identifier(String text, int min, int max) throws KeaError {
        Bytes b;
        try {
            b = KeaHex.formatted(text);
        } catch (IllegalArgumentException e) {
            throw KeaError.error(e.getMessage());
        }
        if (b.length() < min) throw KeaError.error("identifier is too short (" + b.length() + "), at least " + min + " is required");
        if (b.length() > max) throw KeaError.error("identifier is too large (" + b.length() + "), at most " + max + " is required");
        return b;
    }
}
