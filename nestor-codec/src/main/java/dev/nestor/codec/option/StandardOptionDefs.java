package dev.nestor.codec.option;

import static dev.nestor.codec.option.OptionDataType.BINARY;
import static dev.nestor.codec.option.OptionDataType.BOOLEAN;
import static dev.nestor.codec.option.OptionDataType.EMPTY;
import static dev.nestor.codec.option.OptionDataType.FQDN;
import static dev.nestor.codec.option.OptionDataType.INT32;
import static dev.nestor.codec.option.OptionDataType.IPV4_ADDRESS;
import static dev.nestor.codec.option.OptionDataType.IPV6_ADDRESS;
import static dev.nestor.codec.option.OptionDataType.PSID;
import static dev.nestor.codec.option.OptionDataType.RECORD;
import static dev.nestor.codec.option.OptionDataType.STRING;
import static dev.nestor.codec.option.OptionDataType.TUPLE;
import static dev.nestor.codec.option.OptionDataType.UINT16;
import static dev.nestor.codec.option.OptionDataType.UINT32;
import static dev.nestor.codec.option.OptionDataType.UINT8;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard DHCPv4 option definition table, transcribed row by row from Kea 3.0's
 * {@code src/lib/dhcp/std_option_defs.h} and {@code docsis3_option_defs.h}: same names, codes, types, array flags,
 * record fields and encapsulated spaces. Kea's {@code internal} type (options 121 and 162) has no config type;
 * 121 is listed as binary and 162 as the record the ARM documents, and {@link OptionValueCodec} gives both
 * their special text formats.
 */
final class StandardOptionDefs {
    static final String DHCP4 = OptionDefinition.DHCP4;
    static final String AGENT = "dhcp-agent-options-space";
    static final String VENDOR_ENCAPSULATED = "vendor-encapsulated-options-space";
    static final String CABLELABS = "cablelabs-client-conf";
    static final String DOCSIS_V4 = "vendor-4491";

    private StandardOptionDefs() {}

    static List<OptionDefinition> all() {
        List<OptionDefinition> l = new ArrayList<>(200);
        // dhcp4 (std_option_defs.h STANDARD_V4_OPTION_DEFINITIONS, plus 43 from LAST_RESORT_V4)
        v4(l, "subnet-mask", 1, IPV4_ADDRESS, false);
        v4(l, "time-offset", 2, INT32, false);
        v4(l, "routers", 3, IPV4_ADDRESS, true);
        v4(l, "time-servers", 4, IPV4_ADDRESS, true);
        v4(l, "name-servers", 5, IPV4_ADDRESS, true);
        v4(l, "domain-name-servers", 6, IPV4_ADDRESS, true);
        v4(l, "log-servers", 7, IPV4_ADDRESS, true);
        v4(l, "cookie-servers", 8, IPV4_ADDRESS, true);
        v4(l, "lpr-servers", 9, IPV4_ADDRESS, true);
        v4(l, "impress-servers", 10, IPV4_ADDRESS, true);
        v4(l, "resource-location-servers", 11, IPV4_ADDRESS, true);
        v4(l, "host-name", 12, STRING, false);
        v4(l, "boot-size", 13, UINT16, false);
        v4(l, "merit-dump", 14, STRING, false);
        v4(l, "domain-name", 15, STRING, false);
        v4(l, "swap-server", 16, IPV4_ADDRESS, false);
        v4(l, "root-path", 17, STRING, false);
        v4(l, "extensions-path", 18, STRING, false);
        v4(l, "ip-forwarding", 19, BOOLEAN, false);
        v4(l, "non-local-source-routing", 20, BOOLEAN, false);
        v4(l, "policy-filter", 21, IPV4_ADDRESS, true);
        v4(l, "max-dgram-reassembly", 22, UINT16, false);
        v4(l, "default-ip-ttl", 23, UINT8, false);
        v4(l, "path-mtu-aging-timeout", 24, UINT32, false);
        v4(l, "path-mtu-plateau-table", 25, UINT16, true);
        v4(l, "interface-mtu", 26, UINT16, false);
        v4(l, "all-subnets-local", 27, BOOLEAN, false);
        v4(l, "broadcast-address", 28, IPV4_ADDRESS, false);
        v4(l, "perform-mask-discovery", 29, BOOLEAN, false);
        v4(l, "mask-supplier", 30, BOOLEAN, false);
        v4(l, "router-discovery", 31, BOOLEAN, false);
        v4(l, "router-solicitation-address", 32, IPV4_ADDRESS, false);
        v4(l, "static-routes", 33, IPV4_ADDRESS, true);
        v4(l, "trailer-encapsulation", 34, BOOLEAN, false);
        v4(l, "arp-cache-timeout", 35, UINT32, false);
        v4(l, "ieee802-3-encapsulation", 36, BOOLEAN, false);
        v4(l, "default-tcp-ttl", 37, UINT8, false);
        v4(l, "tcp-keepalive-interval", 38, UINT32, false);
        v4(l, "tcp-keepalive-garbage", 39, BOOLEAN, false);
        v4(l, "nis-domain", 40, STRING, false);
        v4(l, "nis-servers", 41, IPV4_ADDRESS, true);
        v4(l, "ntp-servers", 42, IPV4_ADDRESS, true);
        l.add(new OptionDefinition("vendor-encapsulated-options", 43, DHCP4, EMPTY, false, List.of(), VENDOR_ENCAPSULATED));
        v4(l, "netbios-name-servers", 44, IPV4_ADDRESS, true);
        v4(l, "netbios-dd-server", 45, IPV4_ADDRESS, true);
        v4(l, "netbios-node-type", 46, UINT8, false);
        v4(l, "netbios-scope", 47, STRING, false);
        v4(l, "font-servers", 48, IPV4_ADDRESS, true);
        v4(l, "x-display-manager", 49, IPV4_ADDRESS, true);
        v4(l, "dhcp-requested-address", 50, IPV4_ADDRESS, false);
        v4(l, "dhcp-lease-time", 51, UINT32, false);
        v4(l, "dhcp-option-overload", 52, UINT8, false);
        v4(l, "dhcp-message-type", 53, UINT8, false);
        v4(l, "dhcp-server-identifier", 54, IPV4_ADDRESS, false);
        v4(l, "dhcp-parameter-request-list", 55, UINT8, true);
        v4(l, "dhcp-message", 56, STRING, false);
        v4(l, "dhcp-max-message-size", 57, UINT16, false);
        v4(l, "dhcp-renewal-time", 58, UINT32, false);
        v4(l, "dhcp-rebinding-time", 59, UINT32, false);
        v4(l, "vendor-class-identifier", 60, STRING, false);
        v4(l, "dhcp-client-identifier", 61, BINARY, false);
        v4(l, "nwip-domain-name", 62, STRING, false);
        v4(l, "nwip-suboptions", 63, BINARY, false);
        v4(l, "nisplus-domain-name", 64, STRING, false);
        v4(l, "nisplus-servers", 65, IPV4_ADDRESS, true);
        v4(l, "tftp-server-name", 66, STRING, false);
        v4(l, "boot-file-name", 67, STRING, false);
        v4(l, "mobile-ip-home-agent", 68, IPV4_ADDRESS, true);
        v4(l, "smtp-server", 69, IPV4_ADDRESS, true);
        v4(l, "pop-server", 70, IPV4_ADDRESS, true);
        v4(l, "nntp-server", 71, IPV4_ADDRESS, true);
        v4(l, "www-server", 72, IPV4_ADDRESS, true);
        v4(l, "finger-server", 73, IPV4_ADDRESS, true);
        v4(l, "irc-server", 74, IPV4_ADDRESS, true);
        v4(l, "streettalk-server", 75, IPV4_ADDRESS, true);
        v4(l, "streettalk-directory-assistance-server", 76, IPV4_ADDRESS, true);
        v4(l, "user-class", 77, BINARY, false);
        l.add(OptionDefinition.record("slp-directory-agent", 78, DHCP4, true, BOOLEAN, IPV4_ADDRESS));
        l.add(OptionDefinition.record("slp-service-scope", 79, DHCP4, false, BOOLEAN, STRING));
        l.add(OptionDefinition.record("fqdn", 81, DHCP4, false, UINT8, UINT8, UINT8, FQDN));
        l.add(new OptionDefinition("dhcp-agent-options", 82, DHCP4, EMPTY, false, List.of(), AGENT));
        v4(l, "nds-servers", 85, IPV4_ADDRESS, true);
        v4(l, "nds-tree-name", 86, STRING, false);
        v4(l, "nds-context", 87, STRING, false);
        v4(l, "bcms-controller-names", 88, FQDN, true);
        v4(l, "bcms-controller-address", 89, IPV4_ADDRESS, true);
        v4(l, "authenticate", 90, BINARY, false);
        v4(l, "client-last-transaction-time", 91, UINT32, false);
        v4(l, "associated-ip", 92, IPV4_ADDRESS, true);
        v4(l, "client-system", 93, UINT16, true);
        l.add(OptionDefinition.record("client-ndi", 94, DHCP4, false, UINT8, UINT8, UINT8));
        l.add(OptionDefinition.record("uuid-guid", 97, DHCP4, false, UINT8, BINARY));
        v4(l, "uap-servers", 98, STRING, false);
        v4(l, "geoconf-civic", 99, BINARY, false);
        v4(l, "pcode", 100, STRING, false);
        v4(l, "tcode", 101, STRING, false);
        v4(l, "v6-only-preferred", 108, UINT32, false);
        v4(l, "netinfo-server-address", 112, IPV4_ADDRESS, true);
        v4(l, "netinfo-server-tag", 113, STRING, false);
        v4(l, "v4-captive-portal", 114, STRING, false);
        v4(l, "auto-config", 116, UINT8, false);
        v4(l, "name-service-search", 117, UINT16, true);
        v4(l, "subnet-selection", 118, IPV4_ADDRESS, false);
        v4(l, "domain-search", 119, FQDN, true);
        v4(l, "classless-static-route", 121, BINARY, false); // Kea type "internal"
        l.add(new OptionDefinition("cablelabs-client-conf", 122, DHCP4, EMPTY, false, List.of(), CABLELABS));
        l.add(OptionDefinition.record("vivco-suboptions", 124, DHCP4, false, UINT32, BINARY));
        v4(l, "vivso-suboptions", 125, UINT32, false);
        v4(l, "pana-agent", 136, IPV4_ADDRESS, true);
        v4(l, "v4-lost", 137, FQDN, false);
        v4(l, "capwap-ac-v4", 138, IPV4_ADDRESS, true);
        v4(l, "sip-ua-cs-domains", 141, FQDN, true);
        v4(l, "v4-sztp-redirect", 143, TUPLE, true);
        l.add(OptionDefinition.record("rdnss-selection", 146, DHCP4, true, UINT8, IPV4_ADDRESS, IPV4_ADDRESS, FQDN));
        l.add(OptionDefinition.record("status-code", 151, DHCP4, false, UINT8, STRING));
        v4(l, "base-time", 152, UINT32, false);
        v4(l, "start-time-of-state", 153, UINT32, false);
        v4(l, "query-start-time", 154, UINT32, false);
        v4(l, "query-end-time", 155, UINT32, false);
        v4(l, "dhcp-state", 156, UINT8, false);
        v4(l, "data-source", 157, UINT8, false);
        l.add(OptionDefinition.record("v4-portparams", 159, DHCP4, false, UINT8, PSID));
        // Kea type "internal"; the ARM documents this record shape
        l.add(OptionDefinition.record("v4-dnr", 162, DHCP4, false, UINT16, UINT16, UINT8, FQDN, BINARY));
        l.add(OptionDefinition.record("option-6rd", 212, DHCP4, true, UINT8, UINT8, IPV6_ADDRESS, IPV4_ADDRESS));
        v4(l, "v4-access-domain", 213, FQDN, false);

        // dhcp-agent-options-space (option 82 sub-options)
        sub(l, AGENT, "circuit-id", 1, BINARY, false);
        sub(l, AGENT, "remote-id", 2, BINARY, false);
        sub(l, AGENT, "docsis-device-class", 4, UINT32, false);
        sub(l, AGENT, "link-selection", 5, IPV4_ADDRESS, false);
        sub(l, AGENT, "subscriber-id", 6, STRING, false);
        sub(l, AGENT, "radius", 7, BINARY, false);
        sub(l, AGENT, "auth", 8, BINARY, false);
        sub(l, AGENT, "vendor-specific-info", 9, BINARY, false);
        sub(l, AGENT, "relay-flags", 10, UINT8, false);
        sub(l, AGENT, "server-id-override", 11, IPV4_ADDRESS, false);
        sub(l, AGENT, "relay-id", 12, BINARY, false);
        sub(l, AGENT, "access-techno-type", 13, UINT16, false);
        sub(l, AGENT, "access-network-name", 14, STRING, false);
        sub(l, AGENT, "access-point-name", 15, STRING, false);
        sub(l, AGENT, "access-point-bssid", 16, BINARY, false);
        sub(l, AGENT, "operator-id", 17, UINT32, false);
        sub(l, AGENT, "operator-realm", 18, STRING, false);
        sub(l, AGENT, "relay-port", 19, UINT16, false);
        sub(l, AGENT, "virtual-subnet-select", 151, BINARY, false);
        sub(l, AGENT, "virtual-subnet-select-ctrl", 152, EMPTY, false);

        // cablelabs-client-conf (option 122, RFC 3495/3594/3634)
        sub(l, CABLELABS, "tsp-primary-server", 1, IPV4_ADDRESS, false);
        sub(l, CABLELABS, "tsp-secondary-server", 2, IPV4_ADDRESS, false);
        l.add(OptionDefinition.record("tsp-as-parameters", 4, CABLELABS, false, UINT32, UINT32, UINT32));
        l.add(OptionDefinition.record("tsp-ap-parameters", 5, CABLELABS, false, UINT32, UINT32, UINT32));
        sub(l, CABLELABS, "tsp-realm", 6, FQDN, false);
        sub(l, CABLELABS, "tsp-use-tgt", 7, BOOLEAN, false);
        sub(l, CABLELABS, "tsp-provisioning-timer", 8, UINT8, false);
        sub(l, CABLELABS, "tsp-sct", 9, UINT16, false);
        sub(l, CABLELABS, "kdc-server", 10, IPV4_ADDRESS, true);

        // vendor-4491: CableLabs DOCSIS 3 sub-options of option 125 (Kea's docsis3-v4 definitions)
        sub(l, DOCSIS_V4, "oro", 1, UINT8, true);
        sub(l, DOCSIS_V4, "tftp-servers", 2, IPV4_ADDRESS, true);
        return l;
    }

    /** Spaces that exist even when they hold no standard definition (sub-options are user-defined). */
    static List<String> emptySpaces() { return List.of(VENDOR_ENCAPSULATED); }

    private static void v4(List<OptionDefinition> l, String name, int code, OptionDataType type, boolean array) {
        sub(l, DHCP4, name, code, type, array);
    }

    private static void sub(List<OptionDefinition> l, String space, String name, int code, OptionDataType type, boolean array) {
        if (type == RECORD) throw new IllegalArgumentException("use OptionDefinition.record");
        l.add(new OptionDefinition(name, code, space, type, array, List.of(), ""));
    }
}
