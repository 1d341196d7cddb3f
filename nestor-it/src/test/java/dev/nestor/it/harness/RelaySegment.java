package dev.nestor.it.harness;

/**
 * A relay host between the server's network and a separate client network: {@code upIface} sits on the server
 * bridge with {@code upAddress}, {@code downIface} faces {@code client} with {@code downAddress} (the giaddr).
 */
public record RelaySegment(String netns, String upIface, String upAddress, String downIface, String downAddress, Host client) {}
