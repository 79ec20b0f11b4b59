package org.braindyn.bench;

import java.util.concurrent.TimeUnit;
import org.braindyn.cli.Workloads;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;
import org.openjdk.jmh.annotations.*;

/**
 * Single-thread float32 matmul. GFLOP/s = 2·m·k·n / (µs per op · 1000). Run with {@code bench/run-jmh.sh MatmulBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatmulBench {
    @Param({"256x784x100", "512x512x512"})
    public String size;

    Tensor a, b;

    @Setup public void setup() {
        Config.setParallelKernels(false);
        String[] p = size.split("x");
        Tensor[] ab = Workloads.matmulOperands(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), 1);
        a = ab[0];
        b = ab[1];
    }

    @Benchmark public Tensor matmul() { return BM.matmul(a, b); }
}
