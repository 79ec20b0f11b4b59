package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The SIMD loop of a fused kernel equals its scalar loop bit for bit, special values and the tail included. */
class VectorKernelTest {
    @Test
    void theSimdKernelEqualsTheScalarKernelBitForBit() {
        int n = 1003;                                          // not a multiple of the vector length: a scalar tail
        SplittableRandom r = new SplittableRandom(4);
        float[] x = new float[n], y = new float[n];
        boolean[] m = new boolean[n];
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, Float.MIN_VALUE, -1e-40f};
        for (int i = 0; i < n; i++) {
            x[i] = i % 17 == 0 ? specials[i % specials.length] : (float) (r.nextGaussian() * 10);
            y[i] = i % 13 == 0 ? specials[(i + 3) % specials.length] : (float) (r.nextGaussian() * 10);
            m[i] = r.nextBoolean();
        }
        Tensor tx = BM.array(x), ty = BM.array(y), tm = Tensor.wrap(DType.BOOL, org.braindyn.tensor.Shape.of(n), m);
        JitFunction f = Jit.jit(a -> {
            Tensor s = a[0].mul(a[1]).sub(a[0].div(a[1])).add(BM.maximum(a[0], a[1])).sub(BM.minimum(a[0].neg(), a[1].abs()));
            Tensor c = a[0].lt(a[1]).or(a[2]).and(a[0].ne(0.5f).not().not()).or(s.astype(DType.BOOL).not());
            Tensor w = BM.where(c, s, a[1].mul(2f)).add(c.astype(DType.F32)).add(a[0].ge(a[1]).astype(DType.F32));
            return new Tensor[] {w, c, BM.where(a[2], c, a[0].le(a[1])), a[0].gt(a[1]), a[0].eq(a[1])};
        });
        Graph g = f.graph(tx, ty, tm);
        List<Fusion.Step> sched = Fusion.schedule(g, true, Integer.MAX_VALUE);   // one kernel, whatever the default cap
        assertEquals(1, sched.size(), g.toString());
        Fusion.Fused fu = (Fusion.Fused) sched.get(0);
        assertTrue(VectorEmitter.applies(fu, g), "every primitive here has an exact vector form");
        assertScalarAndSimdLoopsAgree(fu, g, n, x, y, m);
        assertEquals(BM.where(tx.lt(ty), tx, ty).dtype(), DType.F32);
    }

    /** Runs the group's kernel with and without its SIMD loop on the inputs (graph inputs in order) and compares bits. */
    private static Object[] assertScalarAndSimdLoopsAgree(Fusion.Fused fu, Graph g, int n, Object... inputs) {
        Object[][] outs = new Object[2][];
        for (int v = 0; v < 2; v++) {
            FusedKernel k = KernelEmitter.emit(fu, g, Map.of(), v == 1);
            int nIn = fu.inputs().length, nOut = fu.outputs().length;
            Object[] arrays = new Object[nIn + nOut];
            for (int j = 0; j < nIn; j++) {
                int id = fu.inputs()[j];
                Tensor c = g.constant(id);
                if (c != null) arrays[j] = c.contiguous().storage();
                else for (int q = 0; q < g.inputs().length; q++) if (g.inputs()[q] == id) arrays[j] = inputs[q];
            }
            for (int j = 0; j < nOut; j++) arrays[nIn + j] = org.braindyn.tensor.Storage.allocate(g.type(fu.outputs()[j]).dtype(), n);
            k.run(arrays, new int[nIn + nOut], n);
            outs[v] = java.util.Arrays.copyOfRange(arrays, nIn, nIn + nOut);
        }
        for (int j = 0; j < outs[0].length; j++) {
            if (outs[0][j] instanceof float[] a) {
                int[] ab = new int[n], bb = new int[n];
                for (int i = 0; i < n; i++) { ab[i] = Float.floatToRawIntBits(a[i]); bb[i] = Float.floatToRawIntBits(((float[]) outs[1][j])[i]); }
                assertArrayEquals(ab, bb, "output " + j);
            } else assertArrayEquals((boolean[]) outs[0][j], (boolean[]) outs[1][j], "output " + j);
        }
        return outs[1];
    }

    @Test
    void transcendentalGroupsRunSimdAndEqualTheScalarLoopAndTheEagerKernels() {
        int n = 1001;
        SplittableRandom r = new SplittableRandom(11);
        float[] x = new float[n];
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, Float.MIN_VALUE, 88.7f, -100f, 1e-30f};
        for (int i = 0; i < n; i++) x[i] = i % 19 == 0 ? specials[i % specials.length] : (float) (r.nextGaussian() * 8);
        Tensor tx = BM.array(x);
        java.util.function.Function<Tensor, Tensor[]> body = a -> new Tensor[] {
                BM.exp(a).add(1f), BM.expm1(a).mul(BM.tanh(a)).add(BM.sigmoid(a.mul(0.5f)))};
        JitFunction f = Jit.jit(a -> body.apply(a[0]));
        Graph g = f.graph(tx);
        List<Fusion.Step> sched = Fusion.schedule(g, true, Integer.MAX_VALUE);
        assertEquals(1, sched.size(), g.toString());
        Fusion.Fused fu = (Fusion.Fused) sched.get(0);
        assertTrue(VectorEmitter.applies(fu, g), "exp, expm1, tanh and logistic have vector forms with the scalar bits");
        Object[] simd = assertScalarAndSimdLoopsAgree(fu, g, n, x);
        Tensor[] eager = body.apply(tx);
        for (int j = 0; j < eager.length; j++) {
            float[] e = (float[]) eager[j].contiguous().storage(), s = (float[]) simd[j];
            for (int i = 0; i < n; i++) assertEquals(Float.floatToIntBits(e[i]), Float.floatToIntBits(s[i]), "output " + j + " at x=" + x[i]);
        }
    }

    @Test
    void groupsWithoutAnExactVectorFormStayScalar() {
        JitFunction f = Jit.jit(a -> new Tensor[] {BM.log(a[0]).add(1)});
        Graph g = f.graph(BM.ones(100));
        assertFalse(VectorEmitter.applies((Fusion.Fused) Fusion.schedule(g, true).get(0), g), "log has no bit-exact vector form");
    }

    @Test
    void transcendentalsWeighMoreTowardsTheKernelCap() {
        JitFunction f = Jit.jit(a -> {
            Tensor v = a[0];
            for (int k = 0; k < 4; k++) v = BM.tanh(BM.exp(v.mul(0.5f)).add(0.1f)).sub(0.2f);
            return new Tensor[] {v};
        });
        Graph g = f.graph(BM.linspace(-2, 2, 300).astype(DType.F32));
        List<Fusion.Step> sched = Fusion.schedule(g, true);
        assertTrue(sched.size() >= 2, "8 transcendentals and 12 other members exceed the cap of " + Fusion.MAX_MEMBERS);
        for (Fusion.Step st : sched) {
            int w = 0;
            for (Graph.Node n : ((Fusion.Fused) st).members()) w += Fusion.weight(n.op());
            assertTrue(w <= Fusion.MAX_MEMBERS, "weight " + w);
        }
        assertEquals(f.callUnfused(BM.linspace(-2, 2, 300).astype(DType.F32))[0], f.call(BM.linspace(-2, 2, 300).astype(DType.F32))[0]);
    }

    @Test
    void groupsWithTheSameCodeShareOneKernel() {
        java.util.function.Function<Tensor[], Tensor[]> body = a -> new Tensor[] {BM.exp(a[0]).mul(a[1]).add(1f)};
        Graph g1 = Jit.jit(body).graph(BM.ones(3200), BM.ones(3200)), g2 = Jit.jit(body).graph(BM.ones(800), BM.ones(800));
        Fusion.Fused f1 = (Fusion.Fused) Fusion.schedule(g1, true).get(0), f2 = (Fusion.Fused) Fusion.schedule(g2, true).get(0);
        assertTrue(KernelEmitter.emit(f1, g1, Map.of(), true) == KernelEmitter.emit(f2, g2, Map.of(), true), "one class for both sizes");
        Graph g3 = Jit.jit(a -> new Tensor[] {BM.exp(a[0]).mul(a[1]).sub(1f)}).graph(BM.ones(800), BM.ones(800));
        assertFalse(KernelEmitter.emit(f1, g1, Map.of(), true) == KernelEmitter.emit((Fusion.Fused) Fusion.schedule(g3, true).get(0), g3, Map.of(), true),
                "another primitive, another kernel");
    }

    @Test
    void aLongChainIsSplitIntoKernelsOfAtMostTheCapAndGivesTheSameBits() {
        Tensor x = BM.linspace(-3, 3, 500).astype(DType.F32);
        JitFunction f = Jit.jit(a -> {
            Tensor v = a[0];
            for (int k = 0; k < 40; k++) v = v.mul(0.99f).add(0.01f);
            return new Tensor[] {v};
        });
        List<Fusion.Step> sched = Fusion.schedule(f.graph(x), true);
        assertTrue(sched.size() >= 80 / Fusion.MAX_MEMBERS, "kernels: " + sched.size());
        for (Fusion.Step st : sched) assertTrue(((Fusion.Fused) st).members().size() <= Fusion.MAX_MEMBERS);
        assertEquals(f.callUnfused(x)[0], f.call(x)[0]);
    }

    @Test
    void aBiasBroadcastOverABatchRunsSimdWithTheSameBits() {
        // (64, 100) values with a (100,) bias and a (64, 1) column: MOD and DIV loads, expanded into full buffers
        SplittableRandom r = new SplittableRandom(9);
        float[] x = new float[64 * 100], b = new float[100], c = new float[64];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextGaussian();
        for (int i = 0; i < c.length; i++) c[i] = (float) r.nextGaussian();
        Tensor tx = BM.array(x).reshape(64, 100), tb = BM.array(b), tc = BM.array(c).reshape(64, 1);
        JitFunction f = Jit.jit(a -> new Tensor[] {a[0].add(a[1]).mul(a[2]).sub(a[0].div(a[1].abs().add(1f))).mul(0.5f).add(a[2].mul(a[1]))});
        assertTrue(f.explain(tx, tb, tc).contains("repeated inputs expanded: SIMD"), f.explain(tx, tb, tc));
        for (int rep = 0; rep < 3; rep++)   // the expansion is redone on every call
            assertArrayEquals(f.callUnfused(tx, tb, tc)[0].toDoubleArray(), f.call(tx, tb, tc)[0].toDoubleArray(), 0.0);
        Tensor tb2 = tb.mul(3f);
        assertArrayEquals(f.callUnfused(tx, tb2, tc)[0].toDoubleArray(), f.call(tx, tb2, tc)[0].toDoubleArray(), 0.0, "new bias values are read");
    }
}
