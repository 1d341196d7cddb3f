package dev.nestor.ddns.client;

import dev.nestor.config.model.DdnsParams;

import java.util.Objects;

/**
 * The DDNS behaviour that applies to one client: the effective {@code ddns-*} parameters of its subnet (or pool),
 * its {@code hostname-char-set}/{@code hostname-char-replacement}, and whether the DHCP server talks to a DDNS daemon
 * at all ({@code dhcp-ddns.enable-updates}). Kea's {@code DdnsParams}.
 *
 * @param params             the scope's effective ddns-* values
 * @param charSet            regular expression of the characters to replace in client names; "" = no sanitising
 * @param charReplacement    what replaces each match ("" = drop it)
 * @param connectivity       true when {@code dhcp-ddns} has {@code enable-updates}
 */
public record DdnsScope(DdnsParams params, String charSet, String charReplacement, boolean connectivity) {
    public DdnsScope {
        Objects.requireNonNull(params, "params");
        charSet = charSet == null ? "" : charSet;
        charReplacement = charReplacement == null ? "" : charReplacement;
    }

    /** Kea's {@code getEnableUpdates()}: connected to a DDNS daemon and {@code ddns-send-updates} is true. */
    public boolean enableUpdates() {
        return connectivity && params.sendUpdates();
    }

    public ReplaceClientName replaceClientName() {
        return ReplaceClientName.fromKeaName(params.replaceClientName());
    }
}
