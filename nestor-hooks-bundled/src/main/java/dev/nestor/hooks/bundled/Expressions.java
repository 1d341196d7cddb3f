package dev.nestor.hooks.bundled;

import dev.nestor.classify.expr.Evaluator;
import dev.nestor.classify.expr.Expr;
import dev.nestor.classify.expr.ExprUniverse;
import dev.nestor.classify.expr.ExpressionException;
import dev.nestor.classify.expr.ExpressionParser;
import dev.nestor.classify.expr.Family;
import dev.nestor.classify.expr.PacketView;
import dev.nestor.classify.expr.Pkt4Field;
import dev.nestor.classify.expr.Pkt6Field;
import dev.nestor.classify.expr.PktField;
import dev.nestor.classify.expr.Relay6Field;
import dev.nestor.codec.option.OptionDefinition;
import dev.nestor.codec.option.OptionDefinitions;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v6.Dhcp6Packet;
import dev.nestor.codec.v6.Dhcp6RelayMessage;
import dev.nestor.codec.v6.RelayChain;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.Ipv4;
import dev.nestor.common.wire.WireFormatException;
import dev.nestor.hooks.v4.Envelope4;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Kea's expressions ({@code identifier-expression}, flex_option actions, legal_log formats) parsed against the
 * server's option definitions and evaluated on a DHCPv4 or DHCPv6 packet as hooks see it.
 */
public final class Expressions {
    private final ExprUniverse universe;

    public Expressions(OptionDefinitions defs, boolean v6) {
        String space = v6 ? "dhcp6" : "dhcp4";
        universe = new ExprUniverse() {
            @Override public Family family() { return v6 ? Family.V6 : Family.V4; }

            @Override public OptionalInt optionCodeByName(String name) {
                return defs.byName(space, name).map(OptionDefinition::code).map(OptionalInt::of).orElse(OptionalInt.empty());
            }

            // classes are evaluated at run time: any name may be tested
            @Override public boolean isKnownClass(String name) { return true; }
        };
    }

    /** @throws IllegalArgumentException with the parser's message when {@code text} is not a string expression */
    public Expr.StringExpr parseString(String what, String text) {
        try {
            return ExpressionParser.parseString(text, universe);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(what + " '" + text + "': " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException with the parser's message when {@code text} is not a boolean expression */
    public Expr.BoolExpr parseBoolean(String what, String text) {
        try {
            return ExpressionParser.parse(text, universe);
        } catch (ExpressionException e) {
            throw new IllegalArgumentException(what + " '" + text + "': " + e.getMessage(), e);
        }
    }

    /** {@return the value's bytes; empty on an evaluation error, as Kea treats a failed expression} */
    public static byte[] bytes(Expr e, PacketView p) {
        try {
            return Evaluator.evaluateBytes(e, p);
        } catch (ExpressionException ex) {
            return new byte[0];
        }
    }

    /** {@return the boolean value; false on an evaluation error} */
    public static boolean bool(Expr e, PacketView p) {
        try {
            return Evaluator.evaluateBoolean(e, p);
        } catch (ExpressionException ex) {
            return false;
        }
    }

    /** A DHCPv4 packet as expressions see it; {@code envelope} may be null (pkt.* fields are then empty). */
    public static PacketView view4(Dhcp4Packet p, Envelope4 envelope, Set<String> classes) {
        Set<String> cls = classes == null ? Set.of() : Set.copyOf(classes);
        return new PacketView() {
            @Override public Family family() { return Family.V4; }

            @Override public Optional<byte[]> option(int code) { return p.option(code).map(Bytes::toArray); }

            @Override public byte[] pkt4Field(Pkt4Field field) {
                return switch (field) {
                    case MAC -> p.hwAddress().bytes();
                    case HLEN -> PacketView.uint32(p.hlen());
                    case HTYPE -> PacketView.uint32(p.htype());
                    case CIADDR -> Ipv4.toBytes(p.ciaddr());
                    case GIADDR -> Ipv4.toBytes(p.giaddr());
                    case YIADDR -> Ipv4.toBytes(p.yiaddr());
                    case SIADDR -> Ipv4.toBytes(p.siaddr());
                    case MSGTYPE -> PacketView.uint32(p.messageType() == null ? 0 : p.messageType().code());
                    case TRANSID -> PacketView.uint32(p.xid() & 0xFFFFFFFFL);
                };
            }

            @Override public byte[] pktField(PktField field) {
                if (envelope == null) return new byte[0];
                return switch (field) {
                    case IFACE -> envelope.interfaceName().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    case SRC -> Ipv4.toBytes(envelope.sourceAddress());
                    case DST -> Ipv4.toBytes(envelope.destinationAddress());
                    case LEN -> new byte[0];
                };
            }

            @Override public boolean memberOf(String className) { return cls.contains(className); }
        };
    }

    /** A DHCPv6 packet (possibly relay-wrapped) as expressions see it. */
    public static PacketView view6(Dhcp6Packet packet, Set<String> classes) {
        Set<String> cls = classes == null ? Set.of() : Set.copyOf(classes);
        RelayChain chain;
        try {
            chain = RelayChain.unwrap(packet);
        } catch (WireFormatException e) {
            throw new IllegalArgumentException("unreadable relay chain: " + e.getMessage(), e);
        }
        return new PacketView() {
            @Override public Family family() { return Family.V6; }

            @Override public Optional<byte[]> option(int code) { return chain.client().option(code).map(Bytes::toArray); }

            @Override public byte[] pkt4Field(Pkt4Field field) { return new byte[0]; }

            @Override public byte[] pktField(PktField field) { return new byte[0]; }

            @Override public boolean memberOf(String className) { return cls.contains(className); }

            @Override public int relay6Count() { return chain.relays().size(); }

            @Override public Optional<byte[]> relay6Option(int level, int code) {
                if (level < 0 || level >= chain.relays().size()) return Optional.empty();
                return chain.relays().get(level).option(code).map(Bytes::toArray);
            }

            @Override public Optional<byte[]> relay6Address(int level, Relay6Field field) {
                if (level < 0 || level >= chain.relays().size()) return Optional.empty();
                Dhcp6RelayMessage r = chain.relays().get(level);
                return Optional.of((field == Relay6Field.PEERADDR ? r.peerAddress() : r.linkAddress()).toArray());
            }

            @Override public Optional<byte[]> pkt6Field(Pkt6Field field) {
                return Optional.of(switch (field) {
                    case MSGTYPE -> PacketView.uint32(chain.client().type().code());
                    case TRANSID -> PacketView.uint32(chain.client().transactionId());
                });
            }
        };
    }

}
