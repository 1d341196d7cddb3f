/**
 * The DHCPv6 wire codec (RFC 8415): {@link dev.nestor.codec.v6.Dhcp6Codec} turns bytes into a sealed
 * {@link dev.nestor.codec.v6.Dhcp6Packet} (client/server {@link dev.nestor.codec.v6.Dhcp6Message} or
 * {@link dev.nestor.codec.v6.Dhcp6RelayMessage}) and back; {@link dev.nestor.codec.v6.RelayChain} peels relay
 * layers and wraps replies. Options are an ordered {@link dev.nestor.codec.v6.OptionList6} that keeps duplicates;
 * typed records (IaNa, IaPd, IaAddress, IaPrefix, StatusOption, ...) decode and encode single options on demand.
 *
 * <p>Representation choices: IPv6 addresses are {@link dev.nestor.common.Bytes} of exactly 16 bytes everywhere
 * (helpers in {@link dev.nestor.codec.net.Ipv6}); 32-bit unsigned fields (IAID, T1, T2, lifetimes, enterprise
 * numbers) are {@code long}; 16-bit and 8-bit fields are {@code int}. Every structural problem is one
 * {@link dev.nestor.common.wire.WireFormatException} with a byte offset.
 */
package dev.nestor.codec.v6;
