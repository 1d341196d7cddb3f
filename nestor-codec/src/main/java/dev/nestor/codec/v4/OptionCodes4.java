package dev.nestor.codec.v4;

/** Frequently used DHCPv4 option codes (RFC 2132 and later) and relay agent (option 82) sub-option codes. */
public final class OptionCodes4 {
    private OptionCodes4() {}

    public static final int PAD = 0;
    public static final int SUBNET_MASK = 1;
    public static final int TIME_OFFSET = 2;
    public static final int ROUTERS = 3;
    public static final int DNS_SERVERS = 6;
    public static final int HOST_NAME = 12;
    public static final int DOMAIN_NAME = 15;
    public static final int INTERFACE_MTU = 26;
    public static final int BROADCAST_ADDRESS = 28;
    public static final int NTP_SERVERS = 42;
    public static final int VENDOR_ENCAPSULATED = 43;
    public static final int REQUESTED_ADDRESS = 50;
    public static final int LEASE_TIME = 51;
    public static final int OVERLOAD = 52;
    public static final int MESSAGE_TYPE = 53;
    public static final int SERVER_ID = 54;
    public static final int PARAMETER_REQUEST_LIST = 55;
    public static final int MESSAGE = 56;
    public static final int MAX_MESSAGE_SIZE = 57;
    public static final int RENEWAL_TIME = 58;
    public static final int REBINDING_TIME = 59;
    public static final int VENDOR_CLASS_ID = 60;
    public static final int CLIENT_ID = 61;
    public static final int TFTP_SERVER_NAME = 66;
    public static final int BOOTFILE_NAME = 67;
    public static final int USER_CLASS = 77;
    public static final int CLIENT_FQDN = 81;
    public static final int RELAY_AGENT_INFO = 82;
    public static final int CLIENT_SYSTEM = 93;
    public static final int CLIENT_NDI = 94;
    public static final int UUID_GUID = 97;
    public static final int SUBNET_SELECTION = 118;
    public static final int DOMAIN_SEARCH = 119;
    public static final int CLASSLESS_STATIC_ROUTE = 121;
    public static final int VIVCO = 124;
    public static final int VIVSO = 125;
    public static final int V4_PORTPARAMS = 159;
    public static final int END = 255;

    // option 82 sub-options (RFC 3046, 3527, 3993, 4030, 5010, 5107, 6925, 8357)
    public static final int RAI_CIRCUIT_ID = 1;
    public static final int RAI_REMOTE_ID = 2;
    public static final int RAI_LINK_SELECTION = 5;
    public static final int RAI_SUBSCRIBER_ID = 6;
    public static final int RAI_RADIUS = 7;
    public static final int RAI_AUTH = 8;
    public static final int RAI_VSI = 9;
    public static final int RAI_RELAY_FLAGS = 10;
    public static final int RAI_SERVER_ID_OVERRIDE = 11;
    public static final int RAI_RELAY_ID = 12;
    public static final int RAI_ACCESS_TECHNO_TYPE = 13;
    public static final int RAI_ACCESS_NETWORK_NAME = 14;
    public static final int RAI_ACCESS_POINT_NAME = 15;
    public static final int RAI_ACCESS_POINT_BSSID = 16;
    public static final int RAI_OPERATOR_ID = 17;
    public static final int RAI_OPERATOR_REALM = 18;
    public static final int RAI_RELAY_PORT = 19;
}
