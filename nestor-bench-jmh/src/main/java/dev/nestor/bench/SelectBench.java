package dev.nestor.bench;

import dev.nestor.config.model.Subnet4;
import dev.nestor.engine.select.SubnetSelection;
import dev.nestor.engine.select.SubnetSelector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Subnet selection for a relayed query, with the matching subnet after {@code subnets - 1} others. */
@State(Scope.Thread)
public class SelectBench {
    @Param({"1", "1000"})
    public int subnets;

    private SubnetSelection selection;
    private SubnetSelector selector;

    @Setup
    public void setup() {
        selection = new SubnetSelection(Fixtures.config(Fixtures.benchConfig(subnets - 1, "")));
        selector = new SubnetSelector(0, Fixtures.RELAY, 0, Fixtures.RELAY, false, "eth0", List.of(0xC0000201), Set.of("ALL"));
    }

    @Benchmark
    public Optional<Subnet4> select() {
        return selection.select(selector);
    }
}
