package dev.nestor.control.unix;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

/**
 * Accumulates request bytes and says when they hold one complete JSON document, like Kea's {@code JSONFeed}: a
 * client may send its command in any number of pieces and keep the connection open for the answer. Jackson's
 * non-blocking parser finds the end of the document without a framing protocol.
 */
final class RequestReader {
    /** What the bytes fed so far amount to. */
    sealed interface State {
        record NeedMore() implements State {
        }

        record Complete(JsonNode document) implements State {
        }

        record Malformed(String message) implements State {
        }

        record TooLarge(int limit) implements State {
        }

        /** End of input before a complete document; {@code bytes} is 0 when nothing but whitespace came. */
        record Incomplete(int bytes) implements State {
        }
    }

    private static final State NEED_MORE = new State.NeedMore();

    private final ObjectMapper mapper;
    private final int maxBytes;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private byte[] data = new byte[4096];
    private int length;
    private int depth;
    private boolean started;

    RequestReader(ObjectMapper mapper, int maxBytes) throws IOException {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
        this.parser = mapper.getFactory().createNonBlockingByteArrayParser();
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /** Feeds the next chunk. */
    State feed(byte[] chunk, int off, int len) {
        if ((long) length + len > maxBytes) return new State.TooLarge(maxBytes);
        if (length + len > data.length) data = Arrays.copyOf(data, Math.max(length + len, Math.min(data.length * 2, maxBytes)));
        System.arraycopy(chunk, off, data, length, len);
        length += len;
        try {
            feeder.feedInput(data, length - len, length);
        } catch (IOException e) {
            return malformed(e);
        }
        return pump();
    }

    /** The peer finished sending (EOF or half-close). */
    State endOfInput() {
        feeder.endOfInput();
        State s = pump();
        // errors seen only now are about the missing rest ("unexpected end-of-input"); real syntax errors
        // were already reported while feeding
        if (s instanceof State.NeedMore || s instanceof State.Malformed) return new State.Incomplete(isBlank() ? 0 : length);
        return s;
    }

    /** {@return bytes received so far} */
    int received() {
        return length;
    }

    private State pump() {
        try {
            JsonToken t;
            while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
                started = true;
                if (t.isStructStart()) depth++;
                else if (t.isStructEnd()) depth--;
                if (depth == 0) return complete();
            }
            return NEED_MORE;
        } catch (IOException e) {
            return malformed(e);
        }
    }

    private State complete() {
        try {
            // the token stream proved the document complete; build the tree from the bytes (trailing data ignored)
            return new State.Complete(mapper.readTree(data, 0, length));
        } catch (IOException e) {
            return malformed(e);
        }
    }

    private boolean isBlank() {
        if (started) return false;
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
        }
        return true;
    }

    private static State malformed(IOException e) {
        String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new State.Malformed("invalid JSON: " + msg);
    }
}
