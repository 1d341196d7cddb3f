package dev.nestor.config.parse;

import dev.nestor.codec.option.OptionDefinition;

import java.util.Map;
import java.util.Set;

/**
 * What differs between the {@code Dhcp4} and {@code Dhcp6} configuration languages where the parsing logic is
 * otherwise the same: names, option code ranges, keyword tables. The shared parsers take one of the two
 * constants; everything else they do is common to both daemons.
 *
 * @param root             the daemon's top-level map, "Dhcp4" or "Dhcp6"
 * @param optionSpace      the default option space, "dhcp4" or "dhcp6"
 * @param foreignSpace     the other family's standard space, which this daemon refuses in option-def/option-data
 * @param maxOptionCode    255 (one-byte codes) or 65535 (two-byte codes)
 * @param spaceAliases     alternative names Kea accepts for standard spaces
 * @param protectedSpaces  standard spaces whose definitions option-def may not override (vendor spaces may be)
 * @param builtInClasses   classes Kea defines itself
 */
record Dialect(String root, String optionSpace, String foreignSpace, int maxOptionCode,
               Map<String, String> spaceAliases, Set<String> protectedSpaces, Set<String> builtInClasses,
               Keywords.Table global, Keywords.Table clientClass, Keywords.Table interfaces,
               Keywords.Table compatibility) {

    static final Dialect V4 = new Dialect("Dhcp4", OptionDefinition.DHCP4, OptionDefinition.DHCP6, 255,
            Map.of("docsis3-v4", "vendor-4491"), Set.of(OptionDefinition.DHCP4, "dhcp-agent-options-space"),
            Set.of("ALL", "KNOWN", "UNKNOWN", "BOOTP"), Keywords.GLOBAL, Keywords.CLIENT_CLASS,
            Keywords.INTERFACES, Keywords.COMPATIBILITY);

    static final Dialect V6 = new Dialect("Dhcp6", OptionDefinition.DHCP6, OptionDefinition.DHCP4, 65535,
            Map.of("docsis3-v6", "vendor-4491"),
            Set.of(OptionDefinition.DHCP6, "s46-cont-mape-options", "s46-cont-mapt-options", "s46-cont-lw-options",
                    "s46-rule-options", "s46-v4v6bind-options", "4o6"),
            Set.of("ALL", "KNOWN", "UNKNOWN"), Keywords.GLOBAL6, Keywords.CLIENT_CLASS6, Keywords.INTERFACES6,
            Keywords.COMPATIBILITY6);

    boolean isV6() { return this == V6; }

    /** The subnet list keyword, "subnet4" or "subnet6". */
    String subnetsKey() { return isV6() ? "subnet6" : "subnet4"; }

    /** "IPv4" or "IPv6", for messages. */
    String family() { return isV6() ? "IPv6" : "IPv4"; }
}
