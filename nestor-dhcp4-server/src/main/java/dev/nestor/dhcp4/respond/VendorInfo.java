package dev.nestor.dhcp4.respond;

import dev.nestor.codec.option.VendorOption;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.wire.WireFormatException;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The vendor enterprise numbers a client names in options 124 (V-I vendor class) and 125 (V-I vendor info). */
final class VendorInfo {
    private VendorInfo() {}

    static Set<Long> enterprisesOf(Dhcp4Packet query) {
        Set<Long> out = new LinkedHashSet<>();
        Optional<Bytes> vivso = query.option(OptionCodes4.VIVSO);
        if (vivso.isPresent()) {
            try {
                for (VendorOption v : VendorOption.decode125(vivso.get())) out.add(v.enterpriseId());
            } catch (WireFormatException e) {
                // a malformed vendor option only costs the client its vendor sub-options
            }
        }
        Optional<Bytes> vivco = query.option(OptionCodes4.VIVCO);
        if (vivco.isPresent()) {
            // RFC 3925: enterprise-number (4), data-len (1), data; repeated
            Bytes b = vivco.get();
            int i = 0;
            while (i + 5 <= b.length()) {
                long ent = ((long) b.get(i) << 24) | (b.get(i + 1) << 16) | (b.get(i + 2) << 8) | b.get(i + 3);
                out.add(ent);
                i += 5 + b.get(i + 4);
            }
        }
        return out;
    }
}
