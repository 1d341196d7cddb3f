package dev.nestor.control.http;

import java.util.Objects;

/** An extra response header from Kea's {@code http-headers} list ({@code {"name": ..., "value": ...}}). */
public record HttpHeader(String name, String value) {
    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) throw new IllegalArgumentException("empty header name");
    }
}
