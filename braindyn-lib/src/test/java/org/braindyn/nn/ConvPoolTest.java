package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.init.Normal;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Convolutions against a direct sum (1-D to 3-D, stride, padding, dilation, groups), gradients, pooling. */
class ConvPoolTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /** The direct sum over channels-first samples flattened per sample; spatial sizes in {@code n}. */
    static double[] direct(double[] x, int batch, int inC, int[] n, double[] w, double[] bias, int outC, int[] k, int[] s, int[] p, int[] r, int groups, int[] out) {
        int d = n.length, pos = 1, taps = 1, size = 1;
        for (int a = 0; a < d; a++) { pos *= out[a]; taps *= k[a]; size *= n[a]; }
        int cg = inC / groups, og = outC / groups;
        double[] y = new double[batch * outC * pos];
        int[] o = new int[d], t = new int[d];
        for (int b = 0; b < batch; b++)
            for (int oc = 0; oc < outC; oc++)
                for (int q = 0; q < pos; q++) {
                    int rem = q;
                    for (int a = d - 1; a >= 0; a--) { o[a] = rem % out[a]; rem /= out[a]; }
                    double acc = bias == null ? 0 : bias[oc];
                    int g = oc / og;
                    for (int c = 0; c < cg; c++)
                        for (int tap = 0; tap < taps; tap++) {
                            int tr = tap;
                            for (int a = d - 1; a >= 0; a--) { t[a] = tr % k[a]; tr /= k[a]; }
                            int flat = 0;
                            boolean inside = true;
                            for (int a = 0; a < d; a++) {
                                int i = o[a] * s[a] + t[a] * r[a] - p[a];
                                if (i < 0 || i >= n[a]) inside = false;
                                flat = flat * n[a] + i;
                            }
                            if (inside) acc += w[(oc * cg + c) * taps + tap] * x[(b * inC + g * cg + c) * size + flat];
                        }
                    y[(b * outC + oc) * pos + q] = acc;
                }
        return y;
    }

    @ParameterizedTest
    @CsvSource({
            "4, 6, 1, 11, 3, 1, 0, 1",     // conv1d
            "4, 6, 2, 11, 3, 2, 1, 2",     // stride 2, padding 1, dilation 2, 2 groups
            "2, 3, 1, 9, 2, 1, 2, 1"})
    void conv1dEqualsTheDirectSum(int inC, int outC, int groups, int len, int k, int s, int p, int r) {
        check(inC, outC, groups, new int[] {len}, new int[] {k}, new int[] {s}, new int[] {p}, new int[] {r});
    }

    @Test
    void conv2dAndConv3dEqualTheDirectSum() {
        check(3, 4, 1, new int[] {7, 6}, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2});
        check(2, 2, 2, new int[] {4, 5, 3}, new int[] {2, 2, 2}, new int[] {1, 2, 1}, new int[] {0, 1, 1}, new int[] {1, 1, 1});
    }

    static void check(int inC, int outC, int groups, int[] n, int[] k, int[] s, int[] p, int[] r) {
        Config.enableX64();
        RandomState rng = new RandomState(5);
        Conv c = Conv.builder(inC, outC, n).kernel(k).stride(s).padding(p).dilation(r).groups(groups).wInit(new Normal(0, 1, rng)).bInit(new Normal(0, 1, rng)).build();
        int batch = 2;
        Tensor x = rng.normal(0, 1, batch, c.inFeatures()).astype(DType.F64);
        double[] want = direct(x.toDoubleArray(), batch, inC, n, c.W.value().toDoubleArray(), c.b.value().toDoubleArray(), outC, k, s, p, r, groups, c.outSize());
        assertArrayEquals(want, c.forward(x, null).toDoubleArray(), 1e-12);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Config.enableX64();
        RandomState rng = new RandomState(8);
        Conv c = Conv.builder(2, 3, 6, 5).kernel(3, 3).padding(1, 1).stride(2, 1).trainable(true).wInit(new Normal(0, 1, rng)).build();
        Tensor x = rng.normal(0, 1, 2, c.inFeatures()).astype(DType.F64);
        Autodiff.Result g = Autodiff.grad(a -> sum(square(c.forward(a[0], null)))).argnums(0).gradVars(c.W).apply(x);
        double eps = 1e-6;
        double[] xv = x.toDoubleArray();
        for (int i : new int[] {0, 17, 41}) {
            double[] u = xv.clone(), dn = xv.clone();
            u[i] += eps;
            dn[i] -= eps;
            double fd = (sum(square(c.forward(array(u).reshape(2, -1), null))).item() - sum(square(c.forward(array(dn).reshape(2, -1), null))).item()) / (2 * eps);
            assertEquals(fd, g.grad(0).reshape(-1).getDouble(i), 1e-5 * Math.max(1, Math.abs(fd)), "dL/dx[" + i + "]");
        }
        Tensor w0 = c.W.value();
        double[] wv = w0.toDoubleArray();
        for (int i : new int[] {0, 20, 53}) {
            double[] u = wv.clone(), dn = wv.clone();
            u[i] += eps;
            dn[i] -= eps;
            c.W.set(array(u).reshape(w0.shape().toArray()));
            double lu = sum(square(c.forward(x, null))).item();
            c.W.set(array(dn).reshape(w0.shape().toArray()));
            double ld = sum(square(c.forward(x, null))).item();
            c.W.set(w0);
            assertEquals((lu - ld) / (2 * eps), g.grad(c.W).reshape(-1).getDouble(i), 1e-5 * Math.max(1, Math.abs(lu)), "dL/dW[" + i + "]");
        }
    }

    @Test
    void poolingTakesTheMaxMinOrMeanOfEachWindow() {
        Config.enableX64();
        // one channel, 4 × 4: values 0…15
        Tensor x = arange(16).astype(DType.F64).reshape(1, 16);
        assertArrayEquals(new double[] {5, 7, 13, 15}, Pool.max(1, new int[] {4, 4}, new int[] {2, 2}).forward(x, null).toDoubleArray(), 0);
        assertArrayEquals(new double[] {0, 2, 8, 10}, Pool.min(1, new int[] {4, 4}, new int[] {2, 2}).forward(x, null).toDoubleArray(), 0);
        assertArrayEquals(new double[] {2.5, 4.5, 10.5, 12.5}, Pool.avg(1, new int[] {4, 4}, new int[] {2, 2}).forward(x, null).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {7.5}, Pool.adaptive(Pool.Kind.AVG, 1, new int[] {4, 4}, new int[] {1, 1}).forward(x, null).toDoubleArray(), 1e-15);
        Pool padded = Pool.of(Pool.Kind.MAX, 1, new int[] {4, 4}, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1});
        assertArrayEquals(new double[] {5, 7, 13, 15}, padded.forward(x, null).toDoubleArray(), 0, "padding never wins a max");
        Tensor g = Autodiff.grad(a -> sum(Pool.max(1, new int[] {4, 4}, new int[] {2, 2}).forward(a, null)), x);
        assertEquals(4, sum(g).item(), 0, "one unit of gradient per window, at its maximum");
        assertEquals(1, g.reshape(-1).getDouble(15), 0);
    }

    @Test
    void impossibleShapesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Conv.builder(3, 4, 8).groups(2).build()).getMessage().contains("divisible by groups"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Conv.builder(1, 1, 2).kernel(5).build()).getMessage().contains("does not fit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Pool.adaptive(Pool.Kind.MAX, 1, new int[] {5}, new int[] {2})).getMessage().contains("multiple"));
    }
}
