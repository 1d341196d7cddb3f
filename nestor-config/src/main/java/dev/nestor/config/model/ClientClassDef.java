package dev.nestor.config.model;

import dev.nestor.codec.option.OptionDefinition;

import java.util.List;
import java.util.Objects;

/**
 * A client class definition from {@code client-classes}, in config order (order matters: a class test may only
 * refer to classes defined before it). The test expression is kept as source text; the classify module compiles it.
 *
 * @param test                  expression source, "" when the class has no test (assigned by hooks/reservations)
 * @param onlyInAdditionalList  "only-in-additional-list" (older "only-if-required"): evaluated late, only when a
 *                              scope lists the class in evaluate-additional-classes
 * @param optionDefs            class-local option definitions (Kea allows them for vendor spaces in classes)
 * @param nextServer            null when not set
 * @param serverHostname        null when not set
 * @param bootFileName          null when not set
 * @param validLifetime         null when the class sets no valid-lifetime
 * @param offerLifetime         null when not set
 * @param preferredLifetime     DHCPv6 only: null when the class sets no preferred-lifetime
 */
public record ClientClassDef(String name, String test, boolean onlyInAdditionalList, List<OptionData> options,
                             List<OptionDefinition> optionDefs, Integer nextServer, String serverHostname,
                             String bootFileName, Lifetime validLifetime, Long offerLifetime,
                             Lifetime preferredLifetime, String path) {
    public ClientClassDef {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) throw new IllegalArgumentException("client class name must not be empty");
        test = test == null ? "" : test;
        options = List.copyOf(options);
        optionDefs = List.copyOf(optionDefs);
        path = path == null ? "" : path;
    }

    /** A class without a preferred lifetime (every DHCPv4 class). */
    public ClientClassDef(String name, String test, boolean onlyInAdditionalList, List<OptionData> options,
                          List<OptionDefinition> optionDefs, Integer nextServer, String serverHostname,
                          String bootFileName, Lifetime validLifetime, Long offerLifetime, String path) {
        this(name, test, onlyInAdditionalList, options, optionDefs, nextServer, serverHostname, bootFileName,
                validLifetime, offerLifetime, null, path);
    }
}
