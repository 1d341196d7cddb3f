package dev.nestor.codec.v6;

/**
 * A DHCPv6 message as on the wire (RFC 8415 sections 8 and 9): either a client/server message or a relay
 * message. Immutable and transport-free; the source address, interface and port belong in an envelope.
 */
public sealed interface Dhcp6Packet permits Dhcp6Message, Dhcp6RelayMessage {
    MessageType6 type();

    OptionList6 options();
}
