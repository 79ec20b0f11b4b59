package org.braindyn.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.braindyn.cli.Workloads;
import org.braindyn.jit.Jit;
import org.braindyn.jit.JitFunction;
import org.braindyn.jit.Loops;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.openjdk.jmh.annotations.*;

/**
 * One step of a 4,000-neuron LIF population: eager, as a jitted call, inside a compiled 1,000-step loop (score
 * is per loop: divide by 1,000 for a step), and as a hand-written Java loop over float arrays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LifStepBench {
    @Param({"4000"}) int neurons;
    Workloads.LifStep eager, called, looped, hand;
    JitFunction step;
    Function<Tensor[], Tensor[]> body;
    Tensor t, ts;
    int i;

    @Setup public void setup() {
        eager = new Workloads.LifStep(neurons);
        called = new Workloads.LifStep(neurons);
        looped = new Workloads.LifStep(neurons);
        hand = new Workloads.LifStep(neurons);
        step = Jit.jit(a -> new Tensor[] {called.step(a[0])});
        body = x -> { looped.step(x[0]); return new Tensor[0]; };
        t = BM.scalar(1.0, DType.F32);
        ts = BM.arange(1000).astype(DType.F32).mul(0.1f);
    }

    @Benchmark public Tensor eagerStep() { return eager.step(t); }
    @Benchmark public Tensor[] jittedCall() { return step.call(t); }
    @Benchmark public Tensor[] compiledLoop1000() { return Loops.forLoop(body, ts); }
    @Benchmark public void handwritten() { hand.handwritten(0.1f * (i++ & 1023)); }
}
