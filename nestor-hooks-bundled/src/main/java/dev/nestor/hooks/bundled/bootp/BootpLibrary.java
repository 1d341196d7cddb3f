package dev.nestor.hooks.bundled.bootp;

import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.hooks.CalloutResult;
import dev.nestor.hooks.HookApi;
import dev.nestor.hooks.HookContext;
import dev.nestor.hooks.HookLibrary;
import dev.nestor.hooks.HookPoint;

import java.util.List;

/**
 * {@code libdhcp_bootp.so}: BOOTP clients (RFC 951 with RFC 1497 vendor extensions). A BOOTREQUEST without a DHCP
 * message type is put in class {@code BOOTP} by the server; this library turns it into a DHCPREQUEST
 * (pkt4_receive), so the server allocates an address with an infinite lifetime, and strips the DHCP-specific
 * options from the answer (pkt4_send), which the encoder pads to the BOOTP minimum of 300 bytes. No parameters.
 */
public final class BootpLibrary implements HookLibrary {
    /** Kea's DHCP_SPECIFIC_OPTIONS: requested address, lease time, overload, message type, server id, PRL, message,
     * max size, T1, T2, client id. */
    static final List<Integer> DHCP_SPECIFIC = List.of(50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 61);

    @Override public int apiVersion() { return HookApi.VERSION; }

    @Override public boolean multiThreadingCompatible() { return true; }

    @Override
    public void load(HookContext ctx) {
        ctx.registerCallout(HookPoint.PKT4_RECEIVE, e -> {
            Dhcp4Packet q = e.query();
            if (q.messageType() != null || q.op() != Dhcp4Packet.BOOTREQUEST) return CalloutResult.proceed();
            ctx.logger().debug("BOOTP query from {}", q.hwAddress());
            return CalloutResult.proceed(e.withQuery(q.withMessageType(MessageType4.REQUEST)).withClass("BOOTP"));
        });
        ctx.registerCallout(HookPoint.PKT4_SEND, e -> {
            if (!e.classes().contains("BOOTP")) return CalloutResult.proceed();
            Dhcp4Packet r = e.response();
            for (int code : DHCP_SPECIFIC) r = r.withoutOption(code);
            return CalloutResult.proceed(e.withResponse(r));
        });
    }
}
