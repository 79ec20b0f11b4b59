package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.cli.Workloads;
import org.braindyn.jit.Allocations;
import org.braindyn.jit.Jit;
import org.braindyn.jit.JitFunction;
import org.braindyn.jit.Loops;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * A tour of the compiler: a jitted LIF population step and its graph and fused kernel, the step inside a compiled
 * 10,000-step loop against the eager loop (time and allocation), and BPTT through a compiled loop checked against
 * the eager gradient. Writes {@code jit_lif.npz} (the compiled loop's spike counts per step).
 */
public final class JitTour implements Example {
    @Override public String name() { return "jit"; }

    @Override public String description() { return "the compiler: a LIF step traced, fused into one generated kernel, run in a compiled loop; BPTT through it"; }

    @Override public void run(PrintStream log, Path out, RunOptions options) throws Exception {
        java.nio.file.Files.createDirectories(out);
        int n = 4000, steps = 10_000;
        // 1. one step, traced and compiled
        Workloads.LifStep lif = new Workloads.LifStep(n);
        JitFunction step = Jit.jit(a -> new Tensor[] {lif.step(a[0])});
        Tensor t0 = BM.scalar(0.1, DType.F32);
        long c0 = System.nanoTime();
        String explained = step.explain(t0);
        log.printf("A LIF step of %,d neurons, traced and compiled in %.0f ms:%n", n, (System.nanoTime() - c0) / 1e6);
        for (String line : explained.split("\n")) if (line.contains("fused kernel") || line.startsWith("{ lambda")) log.println("  " + line.trim());
        // 2. the whole loop compiled, against the eager loop
        Workloads.LifStep eager = new Workloads.LifStep(n), looped = new Workloads.LifStep(n);
        Function<Tensor[], Tensor[]> body = x -> new Tensor[] {looped.step(x[0]).astype(DType.I32).sum()};
        Tensor ts = BM.arange(steps).astype(DType.F32).mul(0.1f);
        Tensor[] start = {looped.v.value(), looped.spike.value(), looped.tLast.value(), looped.input.value()};
        Loops.forLoop(body, ts.get("0:2000"));                // compile and warm up once; the loop below reuses the compiled body
        looped.v.set(start[0]); looped.spike.set(start[1]); looped.tLast.set(start[2]); looped.input.set(start[3]);
        long l0 = System.nanoTime();
        Tensor[] counts = new Tensor[1];
        long bytes = Allocations.supported() ? Allocations.measure(() -> counts[0] = Loops.forLoop(body, ts)[0]) : -1;
        if (bytes < 0) counts[0] = Loops.forLoop(body, ts)[0];   // this JVM cannot count allocations: reported as -1
        double loopS = (System.nanoTime() - l0) / 1e9;
        long e0 = System.nanoTime();
        int eagerSpikes = 0;
        for (int s = 0; s < steps / 10; s++) eagerSpikes += (int) eager.step(ts.get(Index.at(s))).astype(DType.I32).sum().item();
        double eagerS = (System.nanoTime() - e0) / 1e9 * 10;
        log.printf("10,000 steps: compiled loop %.3f s (%.1f µs/step, %,d bytes allocated in all, including the results); "
                + "eager about %.2f s (%.1fx)%n", loopS, loopS * 1e6 / steps, bytes, eagerS, eagerS / loopS);
        log.printf("  spikes: %,d in the compiled loop (%,d in the first 1,000 steps, eager: %,d)%n",
                (long) counts[0].sum().item(), (long) counts[0].get("0:1000").sum().item(), eagerSpikes);
        org.braindyn.io.Npz.write(out.resolve("jit_lif.npz"), Map.of("spikes_per_step", counts[0], "ts", ts));
        // 3. BPTT through a compiled loop
        TrainVar w = new TrainVar(BM.array(new double[] {0.9, -0.3, 0.2, 0.8}).reshape(2, 2), "W");
        Variable h = new Variable(BM.zeros(2).astype(DType.F64), "h");
        Tensor xs = BM.linspace(-1, 1, 200).reshape(100, 2);
        Function<Tensor[], Tensor[]> rnn = x -> { h.update(BM.tanh(BM.matmul(w.value(), h.value()).add(x[0]))); return new Tensor[] {h.value()}; };
        Tensor gCompiled = Autodiff.grad(a -> { h.update(BM.zeros(2).astype(DType.F64)); return Loops.forLoop(rnn, xs)[0].square().sum(); })
                .gradVars(w).apply().varGrads().get(w);
        Tensor gEager = Autodiff.grad(a -> {
            h.update(BM.zeros(2).astype(DType.F64));
            Tensor acc = BM.scalar(0, DType.F64);
            for (int s = 0; s < 100; s++) acc = acc.add(rnn.apply(new Tensor[] {xs.get(Index.at(s))})[0].square().sum());
            return acc;
        }).gradVars(w).apply().varGrads().get(w);
        log.printf("BPTT through a compiled 100-step RNN loop: dL/dW = %s%n  eager tape gives %s (max difference %.1e)%n",
                java.util.Arrays.toString(gCompiled.toDoubleArray()), java.util.Arrays.toString(gEager.toDoubleArray()), BM.abs(gCompiled.sub(gEager)).max().item());
        log.println("  wrote " + out.resolve("jit_lif.npz"));
    }
}
