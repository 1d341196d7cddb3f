package dev.nestor.codec.option;

import static dev.nestor.codec.option.OptionDataType.BINARY;
import static dev.nestor.codec.option.OptionDataType.EMPTY;
import static dev.nestor.codec.option.OptionDataType.FQDN;
import static dev.nestor.codec.option.OptionDataType.INT32;
import static dev.nestor.codec.option.OptionDataType.IPV4_ADDRESS;
import static dev.nestor.codec.option.OptionDataType.IPV6_ADDRESS;
import static dev.nestor.codec.option.OptionDataType.IPV6_PREFIX;
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
 * The standard DHCPv6 option definition table, transcribed from Kea 3.0's {@code src/lib/dhcp/std_option_defs.h}
 * (STANDARD_V6, ISC_V6, MAPE/MAPT/LW_V6, V4V6_RULE/BIND, V6_NTP_SERVER) and {@code docsis3_option_defs.h}
 * (DOCSIS3_V6). Kea registers the ISC and DOCSIS tables as vendor options, which configurations address as spaces
 * {@code vendor-2495} and {@code vendor-4491}; they are listed under those names. Kea's {@code internal} type
 * (v6-dnr, 144) is given the record shape the ARM documents, and {@link OptionValueCodec} its text notation.
 * pd-exclude is ipv6-prefix as in the code (the ARM table says binary).
 */
final class StandardOptionDefs6 {
    static final String DHCP6 = OptionDefinition.DHCP6;
    static final String ISC_V6 = "vendor-2495";
    static final String DOCSIS_V6 = "vendor-4491";
    static final String MAPE = "s46-cont-mape-options";
    static final String MAPT = "s46-cont-mapt-options";
    static final String LW = "s46-cont-lw-options";
    static final String RULE = "s46-rule-options";
    static final String BIND = "s46-v4v6bind-options";
    static final String NTP = "v6-ntp-server-suboptions";
    static final String RSOO = "rsoo-opts";

    private StandardOptionDefs6() {}

    static List<OptionDefinition> all() {
        List<OptionDefinition> l = new ArrayList<>(110);
        // dhcp6 (STANDARD_V6_OPTION_DEFINITIONS, in Kea's order)
        v6(l, "clientid", 1, BINARY, false);
        v6(l, "serverid", 2, BINARY, false);
        rec(l, "ia-na", 3, DHCP6, false, "", UINT32, UINT32, UINT32);
        v6(l, "ia-ta", 4, UINT32, false);
        rec(l, "iaaddr", 5, DHCP6, false, "", IPV6_ADDRESS, UINT32, UINT32);
        v6(l, "oro", 6, UINT16, true);
        v6(l, "preference", 7, UINT8, false);
        v6(l, "elapsed-time", 8, UINT16, false);
        v6(l, "relay-msg", 9, BINARY, false);
        v6(l, "auth", 11, BINARY, false);
        v6(l, "unicast", 12, IPV6_ADDRESS, false);
        rec(l, "status-code", 13, DHCP6, false, "", UINT16, STRING);
        v6(l, "rapid-commit", 14, EMPTY, false);
        v6(l, "user-class", 15, BINARY, false);
        rec(l, "vendor-class", 16, DHCP6, false, "", UINT32, BINARY);
        v6(l, "vendor-opts", 17, UINT32, false);
        v6(l, "interface-id", 18, BINARY, false);
        v6(l, "reconf-msg", 19, UINT8, false);
        v6(l, "reconf-accept", 20, EMPTY, false);
        v6(l, "sip-server-dns", 21, FQDN, true);
        v6(l, "sip-server-addr", 22, IPV6_ADDRESS, true);
        v6(l, "dns-servers", 23, IPV6_ADDRESS, true);
        v6(l, "domain-search", 24, FQDN, true);
        rec(l, "ia-pd", 25, DHCP6, false, "", UINT32, UINT32, UINT32);
        rec(l, "iaprefix", 26, DHCP6, false, "", UINT32, UINT32, UINT8, IPV6_ADDRESS);
        v6(l, "nis-servers", 27, IPV6_ADDRESS, true);
        v6(l, "nisp-servers", 28, IPV6_ADDRESS, true);
        v6(l, "nis-domain-name", 29, FQDN, true);
        v6(l, "nisp-domain-name", 30, FQDN, true);
        v6(l, "sntp-servers", 31, IPV6_ADDRESS, true);
        v6(l, "information-refresh-time", 32, UINT32, false);
        v6(l, "bcmcs-server-dns", 33, FQDN, true);
        v6(l, "bcmcs-server-addr", 34, IPV6_ADDRESS, true);
        rec(l, "geoconf-civic", 36, DHCP6, false, "", UINT8, UINT16, BINARY);
        rec(l, "remote-id", 37, DHCP6, false, "", UINT32, BINARY);
        v6(l, "subscriber-id", 38, BINARY, false);
        rec(l, "client-fqdn", 39, DHCP6, false, "", UINT8, FQDN);
        v6(l, "pana-agent", 40, IPV6_ADDRESS, true);
        v6(l, "new-posix-timezone", 41, STRING, false);
        v6(l, "new-tzdb-timezone", 42, STRING, false);
        v6(l, "ero", 43, UINT16, true);
        rec(l, "lq-query", 44, DHCP6, false, DHCP6, UINT8, IPV6_ADDRESS);
        l.add(new OptionDefinition("client-data", 45, DHCP6, EMPTY, false, List.of(), DHCP6));
        v6(l, "clt-time", 46, UINT32, false);
        rec(l, "lq-relay-data", 47, DHCP6, false, "", IPV6_ADDRESS, BINARY);
        v6(l, "lq-client-link", 48, IPV6_ADDRESS, true);
        v6(l, "v6-lost", 51, FQDN, false);
        v6(l, "capwap-ac-v6", 52, IPV6_ADDRESS, true);
        v6(l, "relay-id", 53, BINARY, false);
        l.add(new OptionDefinition("ntp-server", 56, DHCP6, EMPTY, false, List.of(), NTP));
        v6(l, "v6-access-domain", 57, FQDN, false);
        v6(l, "sip-ua-cs-list", 58, FQDN, true);
        v6(l, "bootfile-url", 59, STRING, false);
        v6(l, "bootfile-param", 60, TUPLE, true);
        v6(l, "client-arch-type", 61, UINT16, true);
        rec(l, "nii", 62, DHCP6, false, "", UINT8, UINT8, UINT8);
        v6(l, "aftr-name", 64, FQDN, false);
        v6(l, "erp-local-domain-name", 65, FQDN, false);
        l.add(new OptionDefinition("rsoo", 66, DHCP6, EMPTY, false, List.of(), RSOO));
        v6(l, "pd-exclude", 67, IPV6_PREFIX, false);
        rec(l, "rdnss-selection", 74, DHCP6, true, "", IPV6_ADDRESS, UINT8, FQDN);
        v6(l, "client-linklayer-addr", 79, BINARY, false);
        v6(l, "link-address", 80, IPV6_ADDRESS, false);
        v6(l, "solmax-rt", 82, UINT32, false);
        v6(l, "inf-max-rt", 83, UINT32, false);
        v6(l, "dhcpv4-message", 87, BINARY, false);
        v6(l, "dhcp4o6-server-addr", 88, IPV6_ADDRESS, true);
        v6(l, "v6-captive-portal", 103, STRING, false);
        v6(l, "relay-source-port", 135, UINT16, false);
        v6(l, "v6-sztp-redirect", 136, TUPLE, true);
        v6(l, "ipv6-address-andsf", 143, IPV6_ADDRESS, true);
        l.add(new OptionDefinition("s46-cont-mape", 94, DHCP6, EMPTY, false, List.of(), MAPE));
        l.add(new OptionDefinition("s46-cont-mapt", 95, DHCP6, EMPTY, false, List.of(), MAPT));
        l.add(new OptionDefinition("s46-cont-lw", 96, DHCP6, EMPTY, false, List.of(), LW));
        // Kea type "internal"; the ARM documents this record shape
        rec(l, "v6-dnr", 144, DHCP6, false, "", UINT16, UINT16, FQDN, BINARY);
        v6(l, "addr-reg-enable", 148, EMPTY, false);

        // vendor-2495: ISC's 4o6 inter-process options (ISC_V6_OPTION_DEFINITIONS)
        sub(l, ISC_V6, "4o6-interface", 60000, STRING, false);
        sub(l, ISC_V6, "4o6-source-address", 60001, IPV6_ADDRESS, false);
        sub(l, ISC_V6, "4o6-source-port", 60002, UINT16, false);

        // Softwire46 containers (RFC 7598)
        sub(l, MAPE, "s46-br", 90, IPV6_ADDRESS, false);
        rec(l, "s46-rule", 89, MAPE, false, RULE, UINT8, UINT8, UINT8, IPV4_ADDRESS, IPV6_PREFIX);
        rec(l, "s46-rule", 89, MAPT, false, RULE, UINT8, UINT8, UINT8, IPV4_ADDRESS, IPV6_PREFIX);
        sub(l, MAPT, "s46-dmr", 91, IPV6_PREFIX, false);
        sub(l, LW, "s46-br", 90, IPV6_ADDRESS, false);
        rec(l, "s46-v4v6bind", 92, LW, false, BIND, IPV4_ADDRESS, IPV6_PREFIX);
        rec(l, "s46-portparams", 93, RULE, false, "", UINT8, PSID);
        rec(l, "s46-portparams", 93, BIND, false, "", UINT8, PSID);

        // v6-ntp-server-suboptions (RFC 5908)
        sub(l, NTP, "ntp-server-address", 1, IPV6_ADDRESS, false);
        sub(l, NTP, "ntp-server-multicast", 2, IPV6_ADDRESS, false);
        sub(l, NTP, "ntp-server-fqdn", 3, FQDN, false);

        // vendor-4491: CableLabs DOCSIS 3 sub-options of vendor-opts (DOCSIS3_V6_OPTION_DEFINITIONS)
        sub(l, DOCSIS_V6, "oro", 1, UINT16, true);
        sub(l, DOCSIS_V6, "device-type", 2, STRING, false);
        sub(l, DOCSIS_V6, "vendor-type", 10, STRING, false);
        sub(l, DOCSIS_V6, "tftp-servers", 32, IPV6_ADDRESS, true);
        sub(l, DOCSIS_V6, "time-servers", 37, IPV6_ADDRESS, true);
        sub(l, DOCSIS_V6, "config-file", 33, STRING, false);
        sub(l, DOCSIS_V6, "syslog-servers", 34, IPV6_ADDRESS, true);
        sub(l, DOCSIS_V6, "device-id", 36, BINARY, false);
        sub(l, DOCSIS_V6, "time-offset", 38, INT32, false);
        sub(l, DOCSIS_V6, "cmts-cm-mac", 1026, BINARY, false);
        return l;
    }

    /** Spaces that exist even when they hold no standard definition. */
    static List<String> emptySpaces() { return List.of(RSOO); }

    private static void v6(List<OptionDefinition> l, String name, int code, OptionDataType type, boolean array) {
        sub(l, DHCP6, name, code, type, array);
    }

    private static void sub(List<OptionDefinition> l, String space, String name, int code, OptionDataType type, boolean array) {
        if (type == RECORD) throw new IllegalArgumentException("use rec()");
        l.add(new OptionDefinition(name, code, space, type, array, List.of(), ""));
    }

    private static void rec(List<OptionDefinition> l, String name, int code, String space, boolean array, String encapsulate,
                            OptionDataType... fields) {
        l.add(new OptionDefinition(name, code, space, RECORD, array, List.of(fields), encapsulate));
    }
}
