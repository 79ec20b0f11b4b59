package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.init.Normal;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.state.TrainVar;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RNN, GRU and LSTM cells against hand-unrolled float64 references; gradients; the trainable initial state. */
class RecurrentCellsTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    static final int IN = 2, N = 3, B = 2, STEPS = 3;

    static double sig(double x) { return 1 / (1 + Math.exp(-x)); }

    static double[][] w(RecurrentCell c, String which) {
        Tensor t = which.equals("i") ? c.Wi.value() : c.Wh.value();
        double[][] m = new double[t.dim(0)][t.dim(1)];
        for (int r = 0; r < m.length; r++) m[r] = t.get(String.valueOf(r)).toDoubleArray();
        return m;
    }

    static double[][] xs(int t) { return new double[][] {{Math.sin(t), 0.5 - t}, {0.3 * t, Math.cos(2 * t)}}; }

    /** pre[b][j] = Σ x·Wi[:, j] + Σ h·Wh[:, j] + bias[j] over the gate columns cols. */
    static double pre(double[] x, double[] h, double[][] wi, double[][] wh, double[] bias, int j) {
        double s = bias[j];
        for (int k = 0; k < x.length; k++) s += x[k] * wi[k][j];
        for (int k = 0; k < h.length; k++) s += h[k] * wh[k][j];
        return s;
    }

    @Test
    void lstmMatchesTheUnrolledEquations() {
        Config.enableX64();
        RandomState rng = new RandomState(1);
        LstmCell c = LstmCell.builder(IN, N).bInit(new Normal(0, 0.5, rng)).build();
        double[][] wi = w(c, "i"), wh = w(c, "h");
        double[] bias = c.b.value().toDoubleArray();
        double[][] h = new double[B][N], cs = new double[B][N];
        c.resetState(B);
        for (int t = 0; t < STEPS; t++) {
            double[][] x = xs(t);
            Tensor out = c.forward(array(x), null);
            for (int b = 0; b < B; b++) {
                double[] nh = new double[N], nc = new double[N];
                for (int j = 0; j < N; j++) {
                    double i = pre(x[b], h[b], wi, wh, bias, j), g = pre(x[b], h[b], wi, wh, bias, N + j),
                           f = pre(x[b], h[b], wi, wh, bias, 2 * N + j), o = pre(x[b], h[b], wi, wh, bias, 3 * N + j);
                    nc[j] = sig(f + 1) * cs[b][j] + sig(i) * Math.tanh(g);
                    nh[j] = sig(o) * Math.tanh(nc[j]);
                }
                h[b] = nh;
                cs[b] = nc;
                assertArrayEquals(nh, out.get(String.valueOf(b)).toDoubleArray(), 1e-13, "h at step " + t);
                assertArrayEquals(nc, c.c().get(String.valueOf(b)).toDoubleArray(), 1e-13, "c at step " + t);
            }
        }
    }

    @Test
    void gruAndRnnMatchTheUnrolledEquations() {
        Config.enableX64();
        RandomState rng = new RandomState(2);
        GruCell g = GruCell.builder(IN, N).bInit(new Normal(0, 0.5, rng)).build();
        RnnCell r = RnnCell.builder(IN, N).activation("tanh").bInit(new Normal(0, 0.5, rng)).build();
        double[][] gwi = w(g, "i"), gwh = w(g, "h"), rwi = w(r, "i"), rwh = w(r, "h");
        double[] gb = g.b.value().toDoubleArray(), rb = r.b.value().toDoubleArray();
        double[][] gh = new double[B][N], rh = new double[B][N];
        g.resetState(B);
        r.resetState(B);
        for (int t = 0; t < STEPS; t++) {
            double[][] x = xs(t);
            Tensor go = g.forward(array(x), null), ro = r.forward(array(x), null);
            for (int b = 0; b < B; b++) {
                double[] ng = new double[N], nr = new double[N], rhv = new double[N];
                double[] z = new double[N];
                for (int j = 0; j < N; j++) {
                    z[j] = sig(pre(x[b], gh[b], gwi, gwh, gb, j));
                    rhv[j] = sig(pre(x[b], gh[b], gwi, gwh, gb, N + j)) * gh[b][j];
                }
                for (int j = 0; j < N; j++) {
                    double a = gb[2 * N + j];
                    for (int k = 0; k < IN; k++) a += x[b][k] * gwi[k][2 * N + j];
                    for (int k = 0; k < N; k++) a += rhv[k] * gwh[k][2 * N + j];
                    ng[j] = (1 - z[j]) * gh[b][j] + z[j] * Math.tanh(a);
                    nr[j] = Math.tanh(pre(x[b], rh[b], rwi, rwh, rb, j));
                }
                gh[b] = ng;
                rh[b] = nr;
                assertArrayEquals(ng, go.get(String.valueOf(b)).toDoubleArray(), 1e-13, "GRU h at step " + t);
                assertArrayEquals(nr, ro.get(String.valueOf(b)).toDoubleArray(), 1e-13, "RNN h at step " + t);
            }
        }
    }

    @Test
    void gradientsFlowThroughTimeAndIntoTheTrainableInitialState() {
        Config.enableX64();
        LstmCell c = LstmCell.builder(IN, N).trainable(true).trainState(true).stateInit(new Normal(0, 0.3, new RandomState(4))).build();
        assertTrue(c.Wi instanceof TrainVar && c.state0 != null);
        java.util.function.Supplier<Tensor> loss = () -> {
            c.resetState(B);
            Tensor acc = null;
            for (int t = 0; t < STEPS; t++) { Tensor h = c.forward(array(xs(t)), null); acc = acc == null ? h : acc.add(h); }
            return sum(square(acc));
        };
        Autodiff.Result g = Autodiff.grad(a -> loss.get()).gradVars(c.Wi, c.state0).apply();
        double eps = 1e-6;
        Tensor w0 = c.Wi.value();
        double[] wv = w0.toDoubleArray();
        for (int k : new int[] {0, 5, 11}) {
            double[] up = wv.clone(), dn = wv.clone();
            up[k] += eps;
            dn[k] -= eps;
            c.Wi.set(array(up).reshape(IN, 4 * N));
            double lu = loss.get().item();
            c.Wi.set(array(dn).reshape(IN, 4 * N));
            double ld = loss.get().item();
            c.Wi.set(w0);
            assertEquals((lu - ld) / (2 * eps), g.grad(c.Wi).reshape(-1).getDouble(k), 1e-6, "dL/dWi[" + k + "]");
        }
        assertTrue(max(abs(g.grad(c.state0))).item() > 1e-6, "the initial state gets a gradient");
        c.resetState(5);
        assertEquals(5, c.state.shape().dim(0));
        assertArrayEquals(c.state0.value().get("0, :" + N).toDoubleArray(), c.state.value().get("4").toDoubleArray(), 0, "h broadcast to every sample");
        assertArrayEquals(c.state0.value().get("0, " + N + ":").toDoubleArray(), c.cell.value().get("4").toDoubleArray(), 0, "c broadcast to every sample");
    }
}
