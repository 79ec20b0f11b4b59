package org.braindyn.cli;

import java.util.Locale;
import java.util.function.Function;
import org.braindyn.jit.Allocations;
import org.braindyn.jit.Jit;
import org.braindyn.jit.JitFunction;
import org.braindyn.jit.Loops;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * {@code ./braindyn bench lif-step}: one LIF population step eager, compiled (inside a compiled loop, and as a
 * jitted call) and hand-written, with the compile time, the steady-state allocation and the kernel count.
 */
final class LifBench {
    private LifBench() {}

    static void run(int n, int steps, int repeats, boolean json) {
        Workloads.LifStep eager = new Workloads.LifStep(n), loopLif = new Workloads.LifStep(n), callLif = new Workloads.LifStep(n),
                hand = new Workloads.LifStep(n);
        Tensor t0 = BM.scalar(1.0, DType.F32);
        // trace + compile, cold: the first compilation in this JVM
        JitFunction step = Jit.jit(a -> new Tensor[] {callLif.step(a[0])});
        long c0 = System.nanoTime();
        int kernels = step.fusedKernels(t0);
        double compileMs = (System.nanoTime() - c0) / 1e6;
        double eagerS = BenchCommand.medianSeconds(i -> eager.step(BM.scalar(0.1f * i, DType.F32)), repeats);
        double callS = BenchCommand.medianSeconds(i -> step.call(t0), repeats);
        double handS = BenchCommand.medianSeconds(i -> hand.handwritten(0.1f * i), repeats);
        Function<Tensor[], Tensor[]> body = x -> { loopLif.step(x[0]); return new Tensor[0]; };
        Tensor ts = BM.arange(steps).astype(DType.F32).mul(0.1f), ts2 = BM.arange(2 * steps).astype(DType.F32).mul(0.1f);
        double loopS = BenchCommand.medianSeconds(i -> Loops.forLoop(body, ts), Math.max(3, repeats / 2)) / steps;
        double allocPerStep = -1;   // -1: this JVM cannot count allocations
        if (Allocations.supported()) {
            long a1 = Allocations.measure(() -> Loops.forLoop(body, ts)), a2 = Allocations.measure(() -> Loops.forLoop(body, ts2));
            allocPerStep = Math.max(0, a2 - a1) / (double) steps;
        }
        if (json) System.out.printf(Locale.ROOT, "{\"neurons\":%d,\"loop_steps\":%d,\"compiled_ns_per_step\":%.0f,\"jit_call_ns_per_step\":%.0f,"
                        + "\"eager_ns_per_step\":%.0f,\"handwritten_ns_per_step\":%.0f,\"compile_ms\":%.1f,\"alloc_bytes_per_step\":%.2f,"
                        + "\"fused_kernels\":%d,\"speedup_vs_eager\":%.1f,\"ratio_vs_handwritten\":%.2f,\"threads\":1}%n",
                n, steps, loopS * 1e9, callS * 1e9, eagerS * 1e9, handS * 1e9, compileMs, allocPerStep, kernels, eagerS / loopS, loopS / handS);
        else {
            System.out.printf(Locale.ROOT, "LIF step, %,d neurons, float32, 1 thread%n", n);
            System.out.printf(Locale.ROOT, "  compiled loop (%,d steps): %10.0f ns/step  (%.1fx eager, %.2fx hand-written)%n", steps, loopS * 1e9, eagerS / loopS, loopS / handS);
            System.out.printf(Locale.ROOT, "  jitted call per step:      %10.0f ns/step%n", callS * 1e9);
            System.out.printf(Locale.ROOT, "  eager:                     %10.0f ns/step%n", eagerS * 1e9);
            System.out.printf(Locale.ROOT, "  hand-written Java loop:    %10.0f ns/step%n", handS * 1e9);
            System.out.printf(Locale.ROOT, "  trace + compile (cold):    %10.1f ms, %d fused kernel(s); steady-state allocation %.2f bytes/step%n", compileMs, kernels, allocPerStep);
        }
    }
}
