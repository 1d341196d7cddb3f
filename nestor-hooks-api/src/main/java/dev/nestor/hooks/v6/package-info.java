/**
 * Events of the DHCPv6 hook points. In every event, {@code query} is the packet as the server received it: a
 * RELAY-FORW chain when the query came through relays ({@code dev.nestor.codec.v6.RelayChain.unwrap(query)} gives
 * the client's message and the relay layers), the client's message otherwise; a callout that changes it returns a
 * packet of the same shape. {@code response} is the server's message to the client (never relay-wrapped: the
 * server adds the RELAY-REPL layers when it encodes the reply).
 */
package dev.nestor.hooks.v6;
