package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nestor.common.Bytes;
import dev.nestor.common.net.HwAddress;
import dev.nestor.lease.Lease4;
import dev.nestor.lease.LeaseState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level row parser returns what the general parser returns, or declines the row. */
class FastRows4Test {
    private final FastRows4 fast = new FastRows4();
    private final LeaseFileSchema schema = LeaseFileSchema.of(LeaseCsv4.CODEC, LeaseCsv4.HEADER);

    private LeaseRowCodec.Row<Lease4> fastParse(String row) {
        byte[] b = ("xx" + row + "yy").getBytes(StandardCharsets.ISO_8859_1);
        return fast.parse(b, 2, b.length - 2);
    }

    private LeaseRowCodec.Row<Lease4> generalParse(String row) {
        try {
            return LeaseCsv4.CODEC.parse(schema.values(row, LeaseCsv4.CODEC.defaults()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Test
    void rowsWrittenByTheCodecParseToTheSameLease() {
        Random rnd = new Random(3);
        for (int i = 0; i < 2000; i++) {
            byte[] mac = new byte[1 + rnd.nextInt(20)];
            rnd.nextBytes(mac);
            byte[] cid = new byte[1 + rnd.nextInt(30)];
            rnd.nextBytes(cid);
            long valid = rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(0x1_0000_0000L);
            Lease4 lease = new Lease4(rnd.nextInt(), rnd.nextBoolean() ? new HwAddress(HwAddress.HTYPE_ETHERNET, mac) : null,
                    rnd.nextBoolean() ? Bytes.of(cid) : null, valid, rnd.nextLong(1L << 40), rnd.nextLong(0x1_0000_0000L),
                    rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextBoolean() ? "host-" + i + ".example.org." : "",
                    LeaseState.of(rnd.nextInt(4)), rnd.nextBoolean() ? "{ \"a\": " + i + " }" : null,
                    rnd.nextLong(0x1_0000_0000L));
            String row = LeaseCsv4.format(lease);
            assertThat(fastParse(row)).as(row).isNotNull().isEqualTo(generalParse(row))
                    .isEqualTo(new LeaseRowCodec.Row<>(lease, valid == 0));
        }
    }

    @Test
    void anyOtherFormIsLeftToTheGeneralParser() {
        for (String row : List.of(
                "192.0.2.10,00:11:22:33:44:55,,3600,1700003600,1,1,1,laptop&#x2cwith.example.org.,0,,0",
                "192.0.2.10,00:11:22:33:44:55,,3600,1700003600,1,true,0,,0,,0",
                "192.0.2.10,00:11:22:33:44:55,,3600, 1700003600,1,0,0,,0,,0",
                "192.0.2.10,0011.2233.4455,,3600,1700003600,1,0,0,,0,,0",
                "192.0.2.10,00:11:22:33:44:55,,3600,1700003600,1,0,0,h\u00e9,0,,0",
                "192.0.2.10,00:11:22:33:44:55,,3600,1700003600,1,0,0,,7,,0",
                "192.0.2.10,00:11:22:33:44:55,,3600,100,1,0,0,,0,,0",
                "192.0.2.256,00:11:22:33:44:55,,3600,1700003600,1,0,0,,0,,0",
                "192.0.2.10,00:11:22:33:44:55,,3600,1700003600,1,0,0,,0,,0,extra",
                "192.0.2.10,00:11:22:33:44:55,,3600,1700003600,1,0,0,,0,",
                "this row is garbage")) {
            assertThat(fastParse(row)).as(row).isNull();
        }
        assertThat(fastParse("0.0.0.0,,,3600,1700003600,1,0,0,,0,,0")).isEqualTo(generalParse("0.0.0.0,,,3600,1700003600,1,0,0,,0,,0"));
    }
}
