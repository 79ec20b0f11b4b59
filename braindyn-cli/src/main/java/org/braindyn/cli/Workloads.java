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
}
