package dev.nestor.hooks.bundled;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;

import java.util.HexFormat;

/** Kea's text forms of identifiers and durations, as its hook libraries print them. */
public final class KeaText {
    private KeaText() {}

    /** {@return "aa:bb:cc" (lower case), or "" for no bytes} */
    public static String hexColon(byte[] b) {
        return b == null ? "" : HexFormat.ofDelimiter(":").formatHex(b);
    }

    public static String hexColon(Bytes b) { return b == null ? "" : hexColon(b.toArray()); }

    /** {@return Kea's HWAddr::toText(): "hwtype=1 08:00:2b:02:3f:4e"} */
    public static String hwAddress(HwAddress hw) {
        return hw == null ? "" : "hwtype=" + hw.htype() + " " + hexColon(hw.bytes());
    }

    /** {@return Kea's Option::toHexString(): "0x" and upper-case hex} */
    public static String hexString(byte[] b) {
        return "0x" + HexFormat.of().withUpperCase().formatHex(b);
    }

    /** {@return whether every byte is printable ASCII (Kea's str::isPrintable)} */
    public static boolean printable(byte[] b) {
        if (b == null || b.length == 0) return false;
        for (byte x : b) if (x < 0x20 || x > 0x7e) return false;
        return true;
    }

    /** {@return Kea's LegalLogMgr::genDurationString: "1 days 2 hrs 3 mins 4 secs", "infinite duration"} */
    public static String duration(long seconds) {
        if (seconds == 0xFFFFFFFFL) return "infinite duration";
        long secs = seconds % 60, rest = seconds / 60;
        long mins = rest % 60;
        rest /= 60;
        long hours = rest % 24, days = rest / 24;
        return (days > 0 ? days + " days " : "") + hours + " hrs " + mins + " mins " + secs + " secs";
    }
}
