/**
 * IPv6 address and prefix values for the DHCPv6 code: an address is a 16-byte {@link dev.nestor.common.Bytes}
 * ({@link dev.nestor.codec.net.Ipv6}), a prefix an {@link dev.nestor.codec.net.Ipv6Prefix}. Kept here, not in
 * nestor-common, until the lead decides to move them next to {@code Ipv4}.
 */
package dev.nestor.codec.net;
