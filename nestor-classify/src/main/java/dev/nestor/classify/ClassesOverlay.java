package dev.nestor.classify;

import dev.nestor.classify.expr.Family;
import dev.nestor.classify.expr.PacketView;
import dev.nestor.classify.expr.Pkt4Field;
import dev.nestor.classify.expr.Pkt6Field;
import dev.nestor.classify.expr.PktField;
import dev.nestor.classify.expr.Relay6Field;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** A packet view whose class membership is the classifier's working set (everything else is forwarded). */
final class ClassesOverlay implements PacketView {
    private final PacketView packet;
    private final Set<String> classes;

    ClassesOverlay(PacketView packet, Set<String> classes) {
        this.packet = packet;
        this.classes = classes;
    }

    @Override
    public boolean memberOf(String className) {
        return classes.contains(className);
    }

    @Override
    public Family family() {
        return packet.family();
    }

    @Override
    public Optional<byte[]> option(int code) {
        return packet.option(code);
    }

    @Override
    public Optional<byte[]> subOption(int parentCode, byte[] parentPayload, int code) {
        return packet.subOption(parentCode, parentPayload, code);
    }

    @Override
    public byte[] optionText(int code, byte[] payload) {
        return packet.optionText(code, payload);
    }

    @Override
    public Optional<byte[]> relay4SubOption(int code) {
        return packet.relay4SubOption(code);
    }

    @Override
    public OptionalLong vendorEnterprise() {
        return packet.vendorEnterprise();
    }

    @Override
    public Optional<byte[]> vendorSubOption(long enterprise, int code) {
        return packet.vendorSubOption(enterprise, code);
    }

    @Override
    public OptionalLong vendorClassEnterprise() {
        return packet.vendorClassEnterprise();
    }

    @Override
    public List<byte[]> vendorClassData() {
        return packet.vendorClassData();
    }

    @Override
    public byte[] pkt4Field(Pkt4Field field) {
        return packet.pkt4Field(field);
    }

    @Override
    public byte[] pktField(PktField field) {
        return packet.pktField(field);
    }

    @Override
    public int relay6Count() {
        return packet.relay6Count();
    }

    @Override
    public Optional<byte[]> relay6Option(int level, int code) {
        return packet.relay6Option(level, code);
    }

    @Override
    public Optional<byte[]> relay6Address(int level, Relay6Field field) {
        return packet.relay6Address(level, field);
    }

    @Override
    public Optional<byte[]> pkt6Field(Pkt6Field field) {
        return packet.pkt6Field(field);
    }
}
