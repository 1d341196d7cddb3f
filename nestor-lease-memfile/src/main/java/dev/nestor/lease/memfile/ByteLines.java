package dev.nestor.lease.memfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a stream as ranges of a byte buffer, with {@link java.io.BufferedReader#readLine}'s rules: a line
 * ends at '\n', '\r' or "\r\n", and a last line without a terminator counts. No object per line: the current line
 * is {@code buffer()[start(), end())}, valid until the next {@link #next}. Not thread-safe.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int len;
    private boolean eof;
    /** The previous line ended with '\r': a '\n' right after it belongs to that terminator. */
    private boolean skipLf;
    private int start;
    private int end;
    /** Bytes still to read from the stream before this reader's range ends. */
    private long remaining;

    /** Lines of the next {@code limit} bytes of {@code in} (Long.MAX_VALUE: to its end). */
    ByteLines(InputStream in, int bufferSize, long limit) {
        this.in = in;
        this.buf = new byte[bufferSize];
        this.remaining = limit;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        if (skipLf) {
            if (pos == len) fill();
            if (pos < len && buf[pos] == '\n') pos++;
            skipLf = false;
        }
        int i = pos;
        while (true) {
            while (i < len && buf[i] != '\n' && buf[i] != '\r') i++;
            if (i < len || eof) break;
            int scanned = i - pos;
            fill();
            i = pos + scanned;
        }
        if (i == len && pos == len) return false; // end of stream, nothing after the last terminator
        start = pos;
        end = i;
        if (i < len) {
            skipLf = buf[i] == '\r';
            pos = i + 1;
        } else {
            pos = i;
        }
        return true;
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    boolean isEmpty() {
        return start == end;
    }

    /** The current line as ISO-8859-1 text (every byte kept), as the general parsers take it. */
    String text() {
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** Reads more: moves the unread part to the front, grows the buffer if it is full of one line. */
    private void fill() throws IOException {
        if (eof) return;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
        if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
        int r = remaining <= 0 ? -1 : in.read(buf, len, (int) Math.min(buf.length - len, remaining));
        if (r < 0) {
            eof = true;
        } else {
            len += r;
            remaining -= r;
        }
    }
}
