package dev.nestor.classify.expr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A hand-built packet for expression tests: plain maps, no codec. */
public final class TestPacket implements PacketView {
    private final Family family;
    private final Map<Integer, byte[]> options = new HashMap<>();
    private final Map<Pkt4Field, byte[]> fields = new EnumMap<>(Pkt4Field.class);
    private final Map<PktField, byte[]> meta = new EnumMap<>(PktField.class);
    private final Map<Pkt6Field, byte[]> fields6 = new EnumMap<>(Pkt6Field.class);
    private final Set<String> classes = new HashSet<>();
    private final List<Map<Integer, byte[]>> relayOptions = new ArrayList<>();
    private final List<byte[][]> relayAddresses = new ArrayList<>();

    private TestPacket(Family family) {
        this.family = family;
    }

    /** A DHCPDISCOVER from 01:02:03:04:05:06 with xid 0x11223344 arriving on eth0. */
    public static TestPacket v4() {
        TestPacket p = new TestPacket(Family.V4);
        p.fields.put(Pkt4Field.MAC, new byte[] {1, 2, 3, 4, 5, 6});
        p.fields.put(Pkt4Field.HLEN, PacketView.uint32(6));
        p.fields.put(Pkt4Field.HTYPE, PacketView.uint32(1));
        p.fields.put(Pkt4Field.CIADDR, new byte[] {(byte) 192, 0, 2, 1});
        p.fields.put(Pkt4Field.GIADDR, new byte[] {(byte) 192, 0, 2, (byte) 254});
        p.fields.put(Pkt4Field.YIADDR, new byte[4]);
        p.fields.put(Pkt4Field.SIADDR, new byte[] {(byte) 192, 0, 2, 10});
        p.fields.put(Pkt4Field.MSGTYPE, PacketView.uint32(1));
        p.fields.put(Pkt4Field.TRANSID, PacketView.uint32(0x11223344L));
        p.meta.put(PktField.IFACE, "eth0".getBytes(StandardCharsets.UTF_8));
        p.meta.put(PktField.SRC, new byte[] {(byte) 192, 0, 2, (byte) 254});
        p.meta.put(PktField.DST, new byte[] {(byte) 192, 0, 2, 10});
        p.meta.put(PktField.LEN, PacketView.uint32(300));
        return p;
    }

    /** A DHCPv6 SOLICIT (xid 0x00abcdef) on eth1 from fe80::1 to ff02::1:2, without relays. */
    public static TestPacket v6() {
        TestPacket p = new TestPacket(Family.V6);
        p.fields6.put(Pkt6Field.MSGTYPE, PacketView.uint32(1));
        p.fields6.put(Pkt6Field.TRANSID, PacketView.uint32(0xabcdef));
        p.meta.put(PktField.IFACE, "eth1".getBytes(StandardCharsets.UTF_8));
        p.meta.put(PktField.SRC, IpText.parse("fe80::1"));
        p.meta.put(PktField.DST, IpText.parse("ff02::1:2"));
        p.meta.put(PktField.LEN, PacketView.uint32(120));
        return p;
    }

    public TestPacket with(int code, byte[] payload) {
        options.put(code, payload.clone());
        return this;
    }

    public TestPacket with(int code, String payload) {
        return with(code, payload.getBytes(StandardCharsets.UTF_8));
    }

    public TestPacket field(Pkt4Field f, byte[] value) {
        fields.put(f, value.clone());
        return this;
    }

    public TestPacket inClass(String name) {
        classes.add(name);
        return this;
    }

    /** Adds a relay encapsulation (appended = further from the server). */
    public TestPacket relay(String linkAddr, String peerAddr, Map<Integer, byte[]> opts) {
        relayOptions.add(Map.copyOf(opts));
        relayAddresses.add(new byte[][] {IpText.parse(peerAddr), IpText.parse(linkAddr)});
        return this;
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public Optional<byte[]> option(int code) {
        return Optional.ofNullable(options.get(code)).map(byte[]::clone);
    }

    @Override
    public byte[] pkt4Field(Pkt4Field field) {
        return fields.get(field).clone();
    }

    @Override
    public byte[] pktField(PktField field) {
        return meta.get(field).clone();
    }

    @Override
    public boolean memberOf(String className) {
        return classes.contains(className);
    }

    @Override
    public int relay6Count() {
        return relayOptions.size();
    }

    @Override
    public Optional<byte[]> relay6Option(int level, int code) {
        return Optional.ofNullable(relayOptions.get(level).get(code));
    }

    @Override
    public Optional<byte[]> relay6Address(int level, Relay6Field field) {
        return Optional.of(relayAddresses.get(level)[field == Relay6Field.PEERADDR ? 0 : 1]);
    }

    @Override
    public Optional<byte[]> pkt6Field(Pkt6Field field) {
        return Optional.ofNullable(fields6.get(field));
    }
}
