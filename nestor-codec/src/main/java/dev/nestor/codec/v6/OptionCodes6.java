package dev.nestor.codec.v6;

/** DHCPv6 option codes (IANA "Option Codes" registry; the ones Kea 3.0 knows, plus a few structural ones). */
public final class OptionCodes6 {
    private OptionCodes6() {}

    public static final int CLIENTID = 1;
    public static final int SERVERID = 2;
    public static final int IA_NA = 3;
    public static final int IA_TA = 4;
    public static final int IAADDR = 5;
    public static final int ORO = 6;
    public static final int PREFERENCE = 7;
    public static final int ELAPSED_TIME = 8;
    public static final int RELAY_MSG = 9;
    public static final int AUTH = 11;
    public static final int UNICAST = 12;
    public static final int STATUS_CODE = 13;
    public static final int RAPID_COMMIT = 14;
    public static final int USER_CLASS = 15;
    public static final int VENDOR_CLASS = 16;
    public static final int VENDOR_OPTS = 17;
    public static final int INTERFACE_ID = 18;
    public static final int RECONF_MSG = 19;
    public static final int RECONF_ACCEPT = 20;
    public static final int SIP_SERVERS_DNS = 21;
    public static final int SIP_SERVERS_ADDR = 22;
    public static final int DNS_SERVERS = 23;
    public static final int DOMAIN_SEARCH = 24;
    public static final int IA_PD = 25;
    public static final int IAPREFIX = 26;
    public static final int NIS_SERVERS = 27;
    public static final int NISP_SERVERS = 28;
    public static final int NIS_DOMAIN_NAME = 29;
    public static final int NISP_DOMAIN_NAME = 30;
    public static final int SNTP_SERVERS = 31;
    public static final int INFORMATION_REFRESH_TIME = 32;
    public static final int BCMCS_SERVER_D = 33;
    public static final int BCMCS_SERVER_A = 34;
    public static final int GEOCONF_CIVIC = 36;
    public static final int REMOTE_ID = 37;
    public static final int SUBSCRIBER_ID = 38;
    public static final int CLIENT_FQDN = 39;
    public static final int PANA_AGENT = 40;
    public static final int NEW_POSIX_TIMEZONE = 41;
    public static final int NEW_TZDB_TIMEZONE = 42;
    public static final int ERO = 43;
    public static final int LQ_QUERY = 44;
    public static final int CLIENT_DATA = 45;
    public static final int CLT_TIME = 46;
    public static final int LQ_RELAY_DATA = 47;
    public static final int LQ_CLIENT_LINK = 48;
    public static final int V6_LOST = 51;
    public static final int CAPWAP_AC_V6 = 52;
    public static final int RELAY_ID = 53;
    public static final int NTP_SERVER = 56;
    public static final int V6_ACCESS_DOMAIN = 57;
    public static final int SIP_UA_CS_LIST = 58;
    public static final int BOOTFILE_URL = 59;
    public static final int BOOTFILE_PARAM = 60;
    public static final int CLIENT_ARCH_TYPE = 61;
    public static final int NII = 62;
    public static final int AFTR_NAME = 64;
    public static final int ERP_LOCAL_DOMAIN_NAME = 65;
    public static final int RSOO = 66;
    public static final int PD_EXCLUDE = 67;
    public static final int RDNSS_SELECTION = 74;
    public static final int CLIENT_LINKLAYER_ADDR = 79;
    public static final int LINK_ADDRESS = 80;
    public static final int SOL_MAX_RT = 82;
    public static final int INF_MAX_RT = 83;
    public static final int DHCPV4_MSG = 87;
    public static final int DHCP4O6_SERVER_ADDR = 88;
    public static final int S46_RULE = 89;
    public static final int S46_BR = 90;
    public static final int S46_DMR = 91;
    public static final int S46_V4V6BIND = 92;
    public static final int S46_PORTPARAMS = 93;
    public static final int S46_CONT_MAPE = 94;
    public static final int S46_CONT_MAPT = 95;
    public static final int S46_CONT_LW = 96;
    public static final int V6_CAPTIVE_PORTAL = 103;
    public static final int RELAY_SOURCE_PORT = 135;
    public static final int V6_SZTP_REDIRECT = 136;
    public static final int IPV6_ADDRESS_ANDSF = 143;
    public static final int V6_DNR = 144;
    public static final int ADDR_REG_ENABLE = 148;

    // NTP_SERVER (56) sub-options, RFC 5908
    public static final int NTP_SUBOPTION_SRV_ADDR = 1;
    public static final int NTP_SUBOPTION_MC_ADDR = 2;
    public static final int NTP_SUBOPTION_SRV_FQDN = 3;

    /** Relay nesting limit (RFC 8415 section 7.6, HOP_COUNT_LIMIT). */
    public static final int HOP_COUNT_LIMIT = 32;
}
