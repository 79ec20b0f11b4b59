package org.braindyn.bench;

import java.util.concurrent.TimeUnit;
import org.braindyn.cli.Workloads;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;
import org.openjdk.jmh.annotations.*;

/**
 * Eager elementwise throughput on 2^20 float32 elements, single thread, and (with {@code -prof gc}) the bytes
 * allocated per op ({@code gc.alloc.rate.norm}): an eager op allocates exactly its output.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ElementwiseBench {
    @Param({"1048576"})
    public int n;

    Tensor x, y, small;

    @Setup public void setup() {
        Config.setParallelKernels(false);
        Tensor[] ab = Workloads.matmulOperands(1, n, 1, 3);
        x = ab[0].reshape(-1);
        y = ab[1].reshape(-1);
        small = x.get("0:4000");
    }

    @Benchmark public Tensor add() { return x.add(y); }
    @Benchmark public Tensor mulScalar() { return x.mul(2.0); }
    @Benchmark public Tensor exp() { return x.exp(); }
    @Benchmark public Tensor tanh() { return x.tanh(); }
    @Benchmark public Tensor sum() { return x.sum(); }
    /** Dispatch overhead: a 4,000-element add (a neuron group's update size). */
    @Benchmark public Tensor addSmall() { return small.add(small); }
}
