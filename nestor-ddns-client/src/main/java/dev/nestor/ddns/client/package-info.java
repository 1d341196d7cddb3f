/**
 * The DHCP servers' side of dynamic DNS: Kea's {@code ddns-*} name policy and the NameChangeRequests to the DDNS
 * daemon. Shared by nestor-dhcp4 and nestor-dhcp6; the wire format lives in nestor-ddns-proto.
 */
package dev.nestor.ddns.client;
