/**
 * Nestor's hook API: write a {@link dev.nestor.hooks.HookLibrary}, attach {@link dev.nestor.hooks.Callout}s to
 * {@link dev.nestor.hooks.HookPoint}s and answer a {@link dev.nestor.hooks.NextStep}, as with Kea's hooks but
 * typed. Events of the DHCPv4 points are in {@code dev.nestor.hooks.v4}, of the DHCPv6 points in
 * {@code dev.nestor.hooks.v6}. This package and those two are the whole contract between a plugin and the server.
 */
package dev.nestor.hooks;
