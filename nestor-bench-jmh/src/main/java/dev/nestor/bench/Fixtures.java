package dev.nestor.bench;

import dev.nestor.codec.v4.Dhcp4Codec;
import dev.nestor.codec.v4.Dhcp4Packet;
import dev.nestor.codec.v4.MessageType4;
import dev.nestor.codec.v4.OptionCodes4;
import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.config.ConfigText;
import dev.nestor.config.Dhcp4ConfigParser;
import dev.nestor.config.model.Dhcp4Config;

import java.nio.file.Path;

/** Configs and packets shared by the benchmarks: what perfdhcp sends, through a relay, to one big subnet. */
final class Fixtures {
    static final int RELAY = 0xC0000202; // 192.0.2.2

    private Fixtures() {}

    static Dhcp4Config config(String dhcp4Json) {
        try {
            return Dhcp4ConfigParser.parse(ConfigText.parse("{\"Dhcp4\": " + dhcp4Json + "}", Path.of(".")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bench/run subnet: 198.18.0.0/15, relayed by 192.0.2.2, plus {@code extraSubnets} others before it. */
    static String benchConfig(int extraSubnets, String classes) {
        StringBuilder s = new StringBuilder("{ \"valid-lifetime\": 36000, \"renew-timer\": 9000, \"rebind-timer\": 18000, ");
        if (!classes.isEmpty()) s.append("\"client-classes\": ").append(classes).append(", ");
        s.append("\"subnet4\": [");
        for (int i = 0; i < extraSubnets; i++) {
            s.append("{ \"id\": ").append(100 + i).append(", \"subnet\": \"10.").append(i / 256).append('.').append(i % 256)
                    .append(".0/24\", \"relay\": { \"ip-addresses\": [\"10.255.").append(i / 256).append('.').append(i % 256)
                    .append("\"] }, \"pools\": [ { \"pool\": \"10.").append(i / 256).append('.').append(i % 256)
                    .append(".10 - 10.").append(i / 256).append('.').append(i % 256).append(".200\" } ] }, ");
        }
        s.append("{ \"id\": 1, \"subnet\": \"198.18.0.0/15\", \"relay\": { \"ip-addresses\": [\"192.0.2.2\"] }, ")
                .append("\"pools\": [ { \"pool\": \"198.18.0.1 - 198.19.255.254\" } ] } ] }");
        return s.toString();
    }

    static HwAddress mac(int n) {
        return HwAddress.ethernet(new byte[] {0, 12, (byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n});
    }

    /** A relayed DISCOVER as perfdhcp sends it: client id, parameter request list, giaddr. */
    static Dhcp4Packet discover(int n) {
        HwAddress hw = mac(n);
        byte[] cid = new byte[7];
        cid[0] = 1;
        System.arraycopy(hw.bytes(), 0, cid, 1, 6);
        return Dhcp4Packet.newQuery(MessageType4.DISCOVER, n, hw)
                .withGiaddr(RELAY)
                .withHops(1)
                .withOption(OptionCodes4.CLIENT_ID, Bytes.of(cid))
                .withOption(OptionCodes4.PARAMETER_REQUEST_LIST, Bytes.of(new byte[] {1, 3, 6, 15, 28, 51, 58, 59}));
    }

    static byte[] discoverWire(int n) {
        return Dhcp4Codec.encode(discover(n));
    }
}
