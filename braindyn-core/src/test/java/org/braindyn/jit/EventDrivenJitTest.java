package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.SparseOps;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The event-driven synaptic primitives inside compiled loops, forwards and backwards. */
class EventDrivenJitTest {
    static Csr randomCsr(int rows, int cols, int fanOut, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] t = new int[rows][fanOut];
        for (int i = 0; i < rows; i++) for (int k = 0; k < fanOut; k++) t[i][k] = r.nextInt(cols);
        return Csr.fromRows(cols, t);
    }

    @Test
    void aSpikingNetworkWithEventSumsRunsCompiledExactlyAsEager() {
        int n = 300, steps = 200;
        Csr csr = randomCsr(n, n, 20, 5);
        Tensor drive = BM.full(Shape.of(steps, n), 0.6, DType.F32);
        class Net {
            final Variable v = new Variable(BM.linspace(0, 0.9, n).astype(DType.F32), "v");
            final Variable g = new Variable(BM.zeros(Shape.of(n), DType.F32), "g");
            Tensor step(Tensor in) {
                Tensor vNew = v.value().mul(0.9f).add(in).add(g.value());
                Tensor sp = vNew.ge(1f);
                v.update(BM.where(sp, BM.scalar(0, DType.F32), vNew));
                g.update(g.value().mul(0.8f).add(SparseOps.csrEventSum(csr, BM.scalar(0.05, DType.F32), sp)));
                return sp;
            }
        }
        Net eager = new Net(), compiled = new Net();
        Tensor[] e = new Tensor[steps];
        for (int t = 0; t < steps; t++) e[t] = eager.step(drive.get(Index.at(t)));
        Tensor ys = Loops.forLoop(x -> new Tensor[] {compiled.step(x[0])}, drive)[0];
        assertEquals(BM.stack(e), ys);
        assertEquals(eager.g.value(), compiled.g.value());
        assertTrue(ys.astype(DType.I32).sum().item() > 100, "the network is active");
    }

    /** A network whose spikes are a carried state: last step's spikes drive the synapses, then the neurons fire anew. */
    static final class SpikeCarry {
        final Variable v, g, s;
        final Csr csr;
        final boolean lateReader;
        SpikeCarry(int n, Csr csr, boolean lateReader) {
            this.csr = csr;
            this.lateReader = lateReader;
            v = new Variable(BM.linspace(0, 0.9, n).astype(DType.F32), "v");
            g = new Variable(BM.zeros(Shape.of(n), DType.F32), "g");
            s = new Variable(BM.zeros(Shape.of(n), DType.BOOL), "s");
        }
        Tensor[] step(Tensor in) {
            Tensor old = s.value();
            g.update(g.value().mul(0.8f).add(SparseOps.csrEventSum(csr, BM.scalar(0.05, DType.F32), old)));
            Tensor vNew = v.value().mul(0.9f).add(in).add(g.value());
            Tensor sp = vNew.ge(1f);
            v.update(BM.where(sp, BM.scalar(0, DType.F32), vNew));
            s.update(sp);
            if (!lateReader) return new Tensor[] {sp.astype(DType.I32)};
            // an event sum of last step's spikes whose weight depends on the new potentials: it runs after the neurons
            // update, so the spikes must not have been written over by then
            Tensor late = SparseOps.csrEventSum(csr, BM.max(vNew).mul(0.01f), old);
            return new Tensor[] {sp.astype(DType.I32), late};
        }
    }

    @Test
    void spikesReadOnlyByEarlierEventSumsAreWrittenInPlaceAndEqualEager() {
        int n = 300, steps = 200;
        Csr csr = randomCsr(n, n, 20, 5);
        Tensor drive = BM.full(Shape.of(steps, n), 0.6, DType.F32);
        for (boolean late : new boolean[] {false, true}) {
            SpikeCarry eager = new SpikeCarry(n, csr, late), compiled = new SpikeCarry(n, csr, late);
            Tensor[] e = new Tensor[steps], l = new Tensor[steps];
            for (int t = 0; t < steps; t++) {
                Tensor[] r = eager.step(drive.get(Index.at(t)));
                e[t] = r[0];
                if (late) l[t] = r[1];
            }
            String plan = Loops.explainForLoop(x -> compiled.step(x[0]), drive);
            Tensor[] out = Loops.forLoop(x -> compiled.step(x[0]), drive);
            Tensor ys = out[0];
            assertEquals(BM.stack(e), ys, "late reader " + late);
            if (late) assertEquals(BM.stack(l), out[1]);
            assertEquals(eager.s.value(), compiled.s.value());
            assertEquals(eager.v.value(), compiled.v.value());
            assertTrue(ys.sum().item() > 100, "the network is active");
            // v, g and the spikes in place; with the late reader the spikes go to their own buffer and are copied
            assertTrue(plan.lines().findFirst().orElseThrow().contains((late ? 2 : 3) + " of 3 carries updated in place"), plan);
        }
    }

    /** Records each step's true positions, from the booleans or from a list. */
    static final class Recorder implements Jit.EventSink {
        final java.util.List<java.util.List<Integer>> steps = new java.util.ArrayList<>();
        int lists;
        @Override public void accept(Object array, int offset, int size) {
            java.util.List<Integer> l = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) if (((boolean[]) array)[offset + i]) l.add(i);
            steps.add(l);
        }
        @Override public void acceptEvents(int[] rows, int count) {
            java.util.List<Integer> l = new java.util.ArrayList<>();
            for (int k = 0; k < count; k++) l.add(rows[k]);
            steps.add(l);
            lists++;
        }
    }

    @Test
    void spikesCompactedOnceAStepReachTheSinkAndTheNextEventSumsAlsoAfterTheStateIsChangedBetweenLoops() {
        int n = 300, steps = 60;
        Csr csr = randomCsr(n, n, 20, 7);
        Tensor drive = BM.full(Shape.of(steps, n), 0.6, DType.F32);
        SpikeCarry eager = new SpikeCarry(n, csr, false), compiled = new SpikeCarry(n, csr, false);
        Recorder re = new Recorder(), rc = new Recorder();
        boolean[] pattern = new boolean[n];
        for (int i = 3; i < n; i += 7) pattern[i] = true;
        Tensor other = Tensor.wrap(DType.BOOL, Shape.of(n), pattern);   // a spike pattern no step produces
        java.util.function.Function<Tensor[], Tensor[]> body = x -> {   // one body: the second loop reuses the compiled step
            Tensor[] y = compiled.step(x[0]);
            Jit.sink(compiled.s.value(), rc);
            return y;
        };
        for (int half = 0; half < 2; half++) {
            if (half == 1) { eager.s.set(other); compiled.s.set(other); }   // the next loop must not reuse the last list
            for (int t = 0; t < steps; t++) {
                eager.step(drive.get(Index.at(t)));
                Jit.sink(eager.s.value(), re);
            }
            Loops.forLoop(body, drive);
        }
        assertEquals(re.steps, rc.steps);
        assertEquals(eager.g.value(), compiled.g.value());
        assertEquals(eager.v.value(), compiled.v.value());
        assertEquals(2 * steps, rc.lists, "every compiled step handed its spike list over");
        assertEquals(0, re.lists);
    }

    @Test
    void bpttThroughACsrMatvecEqualsTheEagerGradient() {
        int n = 40, steps = 30;
        Csr csr = randomCsr(n, n, 6, 9);
        SplittableRandom r = new SplittableRandom(2);
        double[] d = new double[csr.nnz()];
        for (int k = 0; k < d.length; k++) d[k] = 0.3 * (2 * r.nextDouble() - 1);
        TrainVar w = new TrainVar(BM.array(d), "w");
        Variable h = new Variable(BM.zeros(n).astype(DType.F64), "h");
        Tensor xs = BM.linspace(-1, 1, steps * n).reshape(steps, n);
        java.util.function.Function<Tensor[], Tensor[]> body = x -> {
            h.update(BM.tanh(SparseOps.csrMatvec(csr, w.value(), h.value(), false).add(x[0])));
            return new Tensor[] {h.value()};
        };
        Tensor gc = Autodiff.grad(a -> {
            h.update(BM.zeros(n).astype(DType.F64));
            return Loops.forLoop(body, xs)[0].square().sum();
        }).gradVars(w).apply().varGrads().get(w);
        Tensor ge = Autodiff.grad(a -> {
            h.update(BM.zeros(n).astype(DType.F64));
            Tensor acc = BM.scalar(0, DType.F64);
            for (int t = 0; t < steps; t++) acc = acc.add(body.apply(new Tensor[] {xs.get(Index.at(t))})[0].square().sum());
            return acc;
        }).gradVars(w).apply().varGrads().get(w);
        assertTrue(BM.allclose(ge, gc, 1e-10, 1e-12), "compiled " + gc + " eager " + ge);
    }
}
