package dev.nestor.lease.memfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte line reader splits exactly as BufferedReader.readLine, which the reader used before. */
class ByteLinesTest {

    private static List<String> lines(byte[] data, int bufferSize, long limit) throws Exception {
        ByteLines in = new ByteLines(new ByteArrayInputStream(data), bufferSize, limit);
        List<String> out = new ArrayList<>();
        while (in.next()) out.add(in.text());
        return out;
    }

    private static List<String> reference(byte[] data) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.ISO_8859_1));
        List<String> out = new ArrayList<>();
        for (String l; (l = r.readLine()) != null; ) out.add(l);
        return out;
    }

    @Test
    void terminatorsAsReadLine() throws Exception {
        byte[] data = "a,b\r\nc\rd\n\ne\r\r\nlast".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(lines(data, 4, Long.MAX_VALUE)).containsExactly("a,b", "c", "d", "", "e", "", "last")
                .isEqualTo(reference(data));
    }

    @Test
    void randomTextWithTinyAndLargeBuffersMatchesReadLine() throws Exception {
        Random rnd = new Random(7);
        byte[] alphabet = "ab,\r\n\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[rnd.nextInt(300)];
            for (int i = 0; i < data.length; i++) data[i] = alphabet[rnd.nextInt(alphabet.length)];
            List<String> expected = reference(data);
            assertThat(lines(data, 1 + rnd.nextInt(8), Long.MAX_VALUE)).isEqualTo(expected);
            assertThat(lines(data, 1 << 16, Long.MAX_VALUE)).isEqualTo(expected);
        }
    }

    @Test
    void stopsAtTheLimit() throws Exception {
        byte[] data = "one\ntwo\nthree\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(lines(data, 3, 8)).containsExactly("one", "two");
    }
}
