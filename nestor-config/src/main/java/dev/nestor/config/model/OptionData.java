package dev.nestor.config.model;

import dev.nestor.common.Bytes;

import java.util.List;
import java.util.Objects;

/**
 * One {@code option-data} entry, already encoded to its wire payload (without code and length) at parse time.
 *
 * @param name           the definition's name, or "" when the option has no definition (hex data given by code)
 * @param clientClasses  Kea 3.0 option-level class guard: the option is used only when the client is in one of
 *                       these classes; empty = no guard
 * @param path           JSON path of the entry in the config, for messages
 */
public record OptionData(int code, String space, String name, Bytes data, boolean alwaysSend, boolean neverSend,
                         List<String> clientClasses, String path) {
    public OptionData {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(data, "data");
        name = name == null ? "" : name;
        clientClasses = List.copyOf(clientClasses);
        path = path == null ? "" : path;
    }
}
