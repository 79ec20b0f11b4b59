package org.braindyn.bench;

import java.util.concurrent.TimeUnit;
import org.braindyn.cli.Workloads;
import org.braindyn.tensor.Tensor;
import org.openjdk.jmh.annotations.*;

/**
 * The CSR event-sum step of a 4,000-neuron network (fan-out 80, 2% of rows active), BrainDyn's primitive against
 * a plain Java loop doing the same additions into a reused array.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class EventSumBench {
    Workloads.EventSum w;
    int i;

    @Setup public void setup() { w = new Workloads.EventSum(4000, 4000, 80, 0.02, 64, 7); }

    @Benchmark public Tensor braindyn() { return w.braindyn(i++ & 63); }
    @Benchmark public float[] plainLoop() { return w.plain(i++ & 63); }
}
