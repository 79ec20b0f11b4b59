package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The compiler's promise on the model it exists for: one step of a LIF population (exponential-Euler
 * integration, refractory mask, threshold, reset, input cleared) is one fused kernel, a compiled loop of it
 * equals the eager loop bit for bit, and its steady state allocates nothing per step.
 */
class LifStepTest {
    /** A LIF population with its state in variables; {@code step(t, i)} is written as a user would. */
    static final class Lif {
        final int n;
        final float vRest = -60f, vTh = -50f, vReset = -60f, tau = 20f, tauRef = 5f, r = 1f, dt = 0.1f;
        final Variable v, spike, tLast, input;

        Lif(int n) {
            this.n = n;
            float[] v0 = new float[n];
            for (int i = 0; i < n; i++) v0[i] = -60f + 10f * (i % 97) / 97f;
            v = new Variable(BM.array(v0), "V");
            spike = new Variable(BM.zeros(Shape.of(n), DType.BOOL), "spike");
            tLast = new Variable(BM.full(Shape.of(n), -1e7, DType.F32), "t_last_spike");
            input = new Variable(BM.zeros(Shape.of(n), DType.F32), "input");
        }

        Tensor step(Tensor t, Tensor iExt) {
            Tensor total = input.value().add(iExt);
            Tensor vInf = total.mul(r).add(vRest);
            Tensor decay = BM.exp(BM.array(new float[] {-dt / tau}));
            Tensor vNew = vInf.add(v.value().sub(vInf).mul(decay));
            Tensor refractory = t.sub(tLast.value()).le(tauRef);
            vNew = BM.where(refractory, v.value(), vNew);
            Tensor sp = vNew.ge(vTh);
            v.update(BM.where(sp, BM.array(new float[] {vReset}).reshape(), vNew));
            tLast.update(BM.where(sp, t.reshape().astype(DType.F32), tLast.value()));
            spike.update(sp);
            input.fill(0);
            return sp;
        }
    }

    @Test
    void oneLifStepIsExactlyOneFusedKernel() {
        Lif lif = new Lif(1000);
        JitFunction step = Jit.jit(a -> new Tensor[] {lif.step(a[0], a[1])});
        Tensor t = BM.array(new float[] {1f}).reshape(), i = BM.full(Shape.of(1000), 12, DType.F32);
        assertEquals(1, step.fusedKernels(t, i), step.explain(t, i));
    }

    @Test
    void theGeneratedKernelEqualsTheReferenceInterpreterStepAfterStep() {
        Lif a = new Lif(700), b = new Lif(700);
        JitFunction compiled = Jit.jit(x -> new Tensor[] {a.step(x[0], x[1])});
        JitFunction interpreted = Jit.jit(x -> new Tensor[] {b.step(x[0], x[1])}).interpret(true);
        Tensor i = BM.full(Shape.of(700), 20, DType.F32);
        for (int s = 0; s < 200; s++) {
            Tensor t = BM.scalar(0.1f * s, DType.F32);
            assertEquals(interpreted.call1(t, i), compiled.call1(t, i), "step " + s);
        }
        assertEquals(b.v.value(), a.v.value());
        assertEquals(b.tLast.value(), a.tLast.value());
    }

    @Test
    void aCompiledLoopEqualsTheEagerLoopBitForBit() {
        int n = 500, steps = 300;
        Tensor ts = BM.arange(steps).astype(DType.F32).mul(0.1f);
        Tensor cur = BM.full(Shape.of(steps, n), 20, DType.F32);
        Lif eager = new Lif(n), compiled = new Lif(n);
        Tensor[] spikesEager = new Tensor[steps];
        for (int s = 0; s < steps; s++) spikesEager[s] = eager.step(ts.get(org.braindyn.tensor.Index.at(s)), cur.get(org.braindyn.tensor.Index.at(s)));
        Tensor[] ys = Loops.forLoop(x -> new Tensor[] {compiled.step(x[0], x[1])}, ts, cur);
        assertEquals(BM.stack(spikesEager), ys[0]);
        assertEquals(eager.v.value(), compiled.v.value());
        assertEquals(eager.tLast.value(), compiled.tLast.value());
        assertTrue(ys[0].astype(DType.I32).sum().item() > n, "the population fires");
    }

    @Test
    void aThousandStepLoopAllocatesNothingPerStepInSteadyState() {
        int n = 4000;
        Lif lif = new Lif(n);
        Function<Tensor[], Tensor[]> body = x -> { lif.step(x[0], x[1]); return new Tensor[0]; };
        Tensor ts1 = BM.arange(1000).astype(DType.F32).mul(0.1f), ts2 = BM.arange(2000).astype(DType.F32).mul(0.1f);
        Tensor i1 = BM.full(Shape.of(1000, n), 12, DType.F32), i2 = BM.full(Shape.of(2000, n), 12, DType.F32);
        // Steady state: once HotSpot has compiled the generated kernels (their SIMD loop allocates while it still
        // runs interpreted), 1,000 more steps allocate nothing. How soon that happens depends on the JIT's queue.
        long perThousand = Long.MAX_VALUE, a1 = 0;
        for (int attempt = 0; attempt < 40 && perThousand >= 64 * 1024; attempt++) {
            a1 = allocated(() -> Loops.forLoop(body, ts1, i1));
            long a2 = allocated(() -> Loops.forLoop(body, ts2, i2));
            perThousand = a2 - a1;
        }
        assertTrue(perThousand < 64 * 1024, "1,000 more steps allocated " + perThousand + " bytes; expected < 64 KB (whole 1,000-step call: " + a1 + ")");
    }

    static long allocated(Runnable r) { return Allocations.measure(r); }
}
