package org.braindyn.cli;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/** Benchmark workloads shared by {@code ./braindyn bench} and the JMH benchmarks, with their plain-Java baselines. */
public final class Workloads {
    private Workloads() {}

    /** A CSR event-sum problem: {@code pre} rows with {@code fanOut} random targets among {@code post}, and spike patterns with {@code activeFraction} of rows active. */
    public static final class EventSum {
        public final Csr csr;
        public final Tensor weight = BM.scalar(0.5);
        public final Tensor[] patterns;
        public final int[] indptr, indices;
        public final boolean[][] spikes;
        public final float[] out;

        public EventSum(int pre, int post, int fanOut, double activeFraction, int nPatterns, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int[][] t = new int[pre][];
            for (int i = 0; i < pre; i++) t[i] = r.ints(fanOut, 0, post).toArray();
            csr = Csr.fromRows(post, t);
            indptr = csr.indptr().toIntArray();
            indices = csr.indices().toIntArray();
            spikes = new boolean[nPatterns][pre];
            patterns = new Tensor[nPatterns];
            int active = (int) Math.round(activeFraction * pre);
            for (int p = 0; p < nPatterns; p++) {
                for (int k = 0; k < active; k++) spikes[p][r.nextInt(pre)] = true;
                patterns[p] = Tensor.wrap(DType.BOOL, Shape.of(pre), spikes[p].clone());
            }
            out = new float[post];
        }

        /** One step through BrainDyn's primitive. */
        public Tensor braindyn(int pattern) { return BM.csrEventSum(csr, weight, patterns[pattern]); }

        /** The same additions as a plain Java loop into a reused array. */
        public float[] plain(int pattern) {
            float[] o = out;
            Arrays.fill(o, 0f);
            boolean[] s = spikes[pattern];
            for (int row = 0; row < s.length; row++) {
                if (!s[row]) continue;
                for (int k = indptr[row], e = indptr[row + 1]; k < e; k++) o[indices[k]] += 0.5f;
            }
            return o;
        }
    }

    /** Two random float32 operands for an m×k by k×n product. */
    public static Tensor[] matmulOperands(int m, int k, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[m * k], b = new float[k * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble(-1, 1);
        return new Tensor[] {BM.array(a, m, k), BM.array(b, k, n)};
    }

    /**
     * One step of a LIF population as a user writes it (exponential Euler, refractory mask, threshold, reset,
     * input cleared), its state in variables, plus the same arithmetic as a hand-written loop over float arrays:
     * the baselines of {@code ./braindyn bench lif-step}.
     */
    public static final class LifStep {
        public final int n;
        public final float vRest = -60f, vTh = -50f, vReset = -60f, tau = 20f, tauRef = 5f, r = 1f, dt = 0.1f;
        public final org.braindyn.state.Variable v, spike, tLast, input;
        public final Tensor iExt;
        final float[] hv, ht, hin, hext;
        final boolean[] hsp;

        public LifStep(int n) {
            this.n = n;
            float[] v0 = new float[n], ext = new float[n];
            for (int i = 0; i < n; i++) { v0[i] = -60f + 10f * (i % 97) / 97f; ext[i] = 10f + 10f * (i % 13) / 13f; }
            v = new org.braindyn.state.Variable(BM.array(v0), "V");
            spike = new org.braindyn.state.Variable(BM.zeros(Shape.of(n), DType.BOOL), "spike");
            tLast = new org.braindyn.state.Variable(BM.full(Shape.of(n), -1e7, DType.F32), "t_last_spike");
            input = new org.braindyn.state.Variable(BM.zeros(Shape.of(n), DType.F32), "input");
            iExt = BM.array(ext);
            hv = v0.clone(); ht = new float[n]; java.util.Arrays.fill(ht, -1e7f); hin = new float[n]; hext = ext; hsp = new boolean[n];
        }

        /** The step on tensors; {@code t} is a scalar time in ms. Returns the spikes. */
        public Tensor step(Tensor t) {
            Tensor vInf = input.value().add(iExt).mul(r).add(vRest);
            Tensor decay = BM.exp(BM.scalar(-dt / tau, DType.F32));
            Tensor vNew = vInf.add(v.value().sub(vInf).mul(decay));
            vNew = BM.where(t.sub(tLast.value()).le(tauRef), v.value(), vNew);
            Tensor sp = vNew.ge(vTh);
            v.update(BM.where(sp, BM.scalar(vReset, DType.F32), vNew));
            tLast.update(BM.where(sp, t.astype(DType.F32), tLast.value()));
            spike.update(sp);
            input.fill(0);
            return sp;
        }

        /** The same step written by hand over primitive arrays. */
        public void handwritten(float t) {
            float decay = (float) Math.exp(-dt / tau);
            float[] v = hv, tl = ht, in = hin, ext = hext;
            boolean[] sp = hsp;
            for (int i = 0; i < n; i++) {
                float vInf = (in[i] + ext[i]) * r + vRest;
                float vNew = vInf + (v[i] - vInf) * decay;
                if (t - tl[i] <= tauRef) vNew = v[i];
                boolean s = vNew >= vTh;
                v[i] = s ? vReset : vNew;
                if (s) tl[i] = t;
                sp[i] = s;
                in[i] = 0;
            }
        }

        /** Membrane potentials of the hand-written loop. */
        public float[] handwrittenV() { return hv.clone(); }
    }
}
