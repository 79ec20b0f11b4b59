package org.braindyn.dyn;

import org.braindyn.dyn.synapses.Expon;
import org.braindyn.random.Philox;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Just-in-time (procedural) random connectivity: the targets and weights of presynaptic neuron {@code i} are
 * regenerated from {@code (seed, i)} whenever {@code i} is active, instead of being stored (BrainPy's
 * {@code bm.jitconn.event_mv_prob_homo/uniform/normal} and {@code EventJitFPHomoLinear}). Memory is O(1) in the number
 * of synapses, so networks whose connectivity would not fit in memory can run; each active neuron costs its fan-out
 * plus the random draws. Each presynaptic neuron connects to each postsynaptic one independently with probability
 * {@code prob} (geometric skips, as {@link org.braindyn.connect.FixedProb}); the stream is Philox4x32-10 keyed by the
 * seed with the neuron index in the counter, so the same seed gives the same network on any thread count; the weights
 * come from a separate stream, so the same seed gives the same topology whatever the weight law.
 * <pre>{@code
 * Comm c = JitComm.fixedProb(3200, 800, 0.02, 0.6, 42);          // 51,200 synapses, none stored
 * Projection e2i = Projection.full("E2I", E, 0, c, Expon.builder(800).tau(5).build(), SynOut.coba(0), I);
 * }</pre>
 * Not differentiable with respect to the activity (it is an event operator for simulation).
 */
public final class JitComm implements Comm {
    private enum Weights { HOMO, UNIFORM, NORMAL }

    private final int preNum, postNum;
    private final double prob, a, b;
    private final Weights kind;
    private final int k0, k1;
    private final double logq;

    private JitComm(int preNum, int postNum, double prob, Weights kind, double a, double b, long seed) {
        if (preNum < 0 || postNum < 0) throw new IllegalArgumentException("JitComm: sizes must be >= 0; got pre " + preNum + ", post " + postNum);
        if (!(prob >= 0 && prob <= 1)) throw new IllegalArgumentException("JitComm.prob: must be in [0, 1]; got " + prob);
        if (kind == Weights.UNIFORM && !(a <= b)) throw new IllegalArgumentException("JitComm: uniform weights need low <= high; got " + a + ", " + b);
        if (kind == Weights.NORMAL && !(b >= 0)) throw new IllegalArgumentException("JitComm: the weight standard deviation must be >= 0; got " + b);
        this.preNum = preNum;
        this.postNum = postNum;
        this.prob = prob;
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.k0 = (int) seed;
        this.k1 = (int) (seed >>> 32);
        this.logq = Math.log1p(-prob);
    }

    /** Homogeneous weight {@code weight} on every synapse. */
    public static JitComm fixedProb(int preNum, int postNum, double prob, double weight, long seed) {
        return new JitComm(preNum, postNum, prob, Weights.HOMO, weight, 0, seed);
    }

    /** Weights drawn uniformly from {@code [low, high)} per synapse (regenerated, never stored). */
    public static JitComm fixedProbUniform(int preNum, int postNum, double prob, double low, double high, long seed) {
        return new JitComm(preNum, postNum, prob, Weights.UNIFORM, low, high, seed);
    }

    /** Weights drawn from N(mean, std²) per synapse (regenerated, never stored). */
    public static JitComm fixedProbNormal(int preNum, int postNum, double prob, double mean, double std, long seed) {
        return new JitComm(preNum, postNum, prob, Weights.NORMAL, mean, std, seed);
    }

    /** Regenerates presynaptic neuron {@code i}'s row: calls {@code sink.accept(post, weight)} for each of its synapses, in order. */
    public void forEachSynapse(int i, SynapseSink sink) {
        if (i < 0 || i >= preNum) throw new IndexOutOfBoundsException("JitComm: presynaptic index " + i + " outside 0 … " + (preNum - 1));
        row(i, new Draws(k0, k1, TOPOLOGY), kind == Weights.HOMO ? null : new Draws(k0, k1, WEIGHTS), sink, null, 0, 0);
    }

    /**
     * Row {@code i} regenerated with the streams {@code d} and {@code wd} (reset here): each synapse goes to
     * {@code sink}, or, with {@code sink} null, adds {@code x·w} (float32) at {@code out[base + post]} — the event-sum
     * path, which allocates nothing.
     */
    private void row(int i, Draws d, Draws wd, SynapseSink sink, float[] out, int base, float x) {
        if (prob == 0) return;
        d.reset(i);
        if (wd != null) wd.reset(i);
        int j = -1;
        while (true) {
            if (prob >= 1) j++;
            else {
                double skip = Math.floor(Math.log(d.next()) / logq);
                if (skip >= postNum) return;
                j += 1 + (int) skip;
            }
            if (j >= postNum) return;
            double w = switch (kind) {
                case HOMO -> a;
                case UNIFORM -> a + (b - a) * wd.next();
                case NORMAL -> a + b * Math.sqrt(-2 * Math.log(wd.next())) * Math.cos(2 * Math.PI * wd.next());
            };
            if (sink != null) sink.accept(j, w);
            else out[base + j] += (float) (x * w);
        }
    }

    /** Receives one regenerated synapse. */
    @FunctionalInterface
    public interface SynapseSink { void accept(int post, double weight); }

    /**
     * {@code activity} is {@code (pre,)} or {@code (batch, pre)}, bool or numeric; returns {@code activity @ W} in
     * float32. One {@link BM#hostCall host call}: eagerly it runs on the activity's elements, in compiled loops every
     * step into one planned buffer, regenerating only the rows of the active neurons and allocating nothing.
     */
    @Override public Tensor apply(Tensor activity) {
        int rank = activity.ndim();
        if ((rank != 1 && rank != 2) || activity.dim(-1) != preNum)
            throw new IllegalArgumentException("JitComm: activity must be (" + preNum + ",) or (batch, " + preNum + "); got " + activity.shape());
        int batch = rank == 1 ? 1 : activity.dim(0);
        Tensor x = activity.dtype() == DType.BOOL ? activity : activity.astype(DType.F32);
        org.braindyn.tensor.Shape shape = rank == 1 ? org.braindyn.tensor.Shape.of(postNum) : org.braindyn.tensor.Shape.of(batch, postNum);
        Draws d = new Draws(k0, k1, TOPOLOGY), wd = kind == Weights.HOMO ? null : new Draws(k0, k1, WEIGHTS);
        return BM.hostCall("JitComm.fixedProb", DType.F32, shape, (in, io, out, oo) -> {
            float[] r = (float[]) out;
            java.util.Arrays.fill(r, oo, oo + batch * postNum, 0f);
            for (int q = 0; q < batch; q++) {
                int base = oo + q * postNum, xo = io[0] + q * preNum;
                if (in[0] instanceof boolean[] spikes) {
                    for (int i = 0; i < preNum; i++) if (spikes[xo + i]) row(i, d, wd, null, r, base, 1f);
                } else {
                    float[] v = (float[]) in[0];
                    for (int i = 0; i < preNum; i++) if (v[xo + i] != 0) row(i, d, wd, null, r, base, v[xo + i]);
                }
            }
        }, x);
    }

    /** The weights as a dense {@code (pre, post)} float32 matrix (for checks and small networks). */
    public Tensor toDense() {
        float[] w = new float[preNum * postNum];
        for (int i = 0; i < preNum; i++) {
            int base = i * postNum;
            forEachSynapse(i, (j, v) -> w[base + j] += (float) v);
        }
        return BM.array(w, preNum, postNum);
    }

    private static final int TOPOLOGY = 0x6A17C0AA, WEIGHTS = 0x3C6EF372;

    /** A per-neuron Philox stream: counter (i, block, stream, 0), four uniforms in (0, 1) per block; topology and weights use separate streams. */
    private static final class Draws {
        private final int k0, k1, stream;
        private final int[] words = new int[4];
        private int i, block, used = 4;

        Draws(int k0, int k1, int stream) { this.k0 = k0; this.k1 = k1; this.stream = stream; }

        /** Restarts the stream of neuron {@code i}. */
        void reset(int i) {
            this.i = i;
            block = 0;
            used = 4;
        }

        double next() {
            if (used == 4) {
                Philox.block(k0, k1, i, block++, stream, 0, words);
                used = 0;
            }
            return ((words[used++] & 0xFFFFFFFFL) + 0.5) * 0x1p-32;
        }
    }
}
