package org.braindyn.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.jit.Jit;
import org.braindyn.jit.Loops;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.junit.jupiter.api.Test;

/**
 * The event-driven dense product {@link BM#eventMatmul}: equal to {@code matmul} on the same events (boolean or
 * numbers, batch axes, widths that are and are not multiples of the vector length), its weight and event gradients
 * equal to the dense product's, the same inside {@code jit} and inside a compiled loop with BPTT, and clear errors.
 */
class EventMatmulTest {
    static Tensor events(SplittableRandom r, double density, DType dtype, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble() < density ? (dtype == DType.BOOL ? 1 : 0.5 + r.nextDouble()) : 0;
        return BM.array(v).reshape(shape).astype(dtype);
    }

    static Tensor weights(SplittableRandom r, DType dtype, int k, int n) {
        double[] v = new double[k * n];
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
        return BM.array(v).reshape(k, n).astype(dtype);
    }

    static void close(Tensor expected, Tensor actual, double tol, String what) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.toDoubleArray(), a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], tol * Math.max(1, Math.abs(e[i])), what + " element " + i);
    }

    @Test
    void equalsTheDenseProduct() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : new int[] {1, 7, 16, 100, 131, 300})
            for (DType ed : new DType[] {DType.BOOL, DType.F32})
                for (double density : new double[] {0, 0.03, 0.5, 1}) {
                    Tensor e = events(r, density, ed, 3, 5, 41), w = weights(r, DType.F32, 41, n);
                    Tensor got = BM.eventMatmul(e, w);
                    assertEquals(DType.F32, got.dtype());
                    close(BM.matmul(e.astype(DType.F32), w), got, 1e-5, "n " + n + " " + ed + " density " + density);
                }
        Tensor e = events(r, 0.2, DType.F64, 6, 33), w = weights(r, DType.F64, 33, 20);
        close(BM.matmul(e, w), BM.eventMatmul(e, w), 1e-12, "float64");
    }

    @Test
    void gradientsEqualTheDenseProducts() {
        SplittableRandom r = new SplittableRandom(2);
        Tensor w0 = weights(r, DType.F32, 50, 37), e = events(r, 0.1, DType.F32, 4, 3, 50), up = weights(r, DType.F32, 12, 37).reshape(4, 3, 37);
        Autodiff.Result ev = Autodiff.grad(a -> BM.sum(BM.eventMatmul(a[0], a[1]).mul(up))).argnums(0, 1).apply(e, w0);
        Autodiff.Result dense = Autodiff.grad(a -> BM.sum(BM.matmul(a[0], a[1]).mul(up))).argnums(0, 1).apply(e, w0);
        close(dense.argGrads()[0], ev.argGrads()[0], 1e-5, "events' gradient");
        close(dense.argGrads()[1], ev.argGrads()[1], 1e-5, "weights' gradient");
        Tensor spikes = e.ne(0);   // boolean events: a weight gradient only
        Autodiff.Result b = Autodiff.grad(a -> BM.sum(BM.eventMatmul(spikes, a[0]).mul(up))).apply(w0);
        close(BM.matmul(spikes.astype(DType.F32).reshape(12, 50).transpose(), up.reshape(12, 37)), b.argGrads()[0], 1e-5, "weights' gradient, boolean events");
    }

    @Test
    void compiledEqualsEager() {
        SplittableRandom r = new SplittableRandom(3);
        Tensor e = events(r, 0.05, DType.BOOL, 16, 200), w = weights(r, DType.F32, 200, 100);
        Tensor[] jitted = Jit.jit(a -> new Tensor[] {BM.eventMatmul(a[0], a[1]).mul(2).add(1)}).call(e, w);
        assertArrayEquals(BM.eventMatmul(e, w).mul(2).add(1).toDoubleArray(), jitted[0].toDoubleArray(), 0, "jit equals eager bit for bit");
    }

    @Test
    void bpttThroughACompiledLoopEqualsEager() {
        SplittableRandom r = new SplittableRandom(4);
        int steps = 30, batch = 8, in = 64, out = 20;
        TrainVar w = new TrainVar(weights(r, DType.F32, in, out).mul(0.3), "W");
        Variable g = new Variable(BM.zeros(batch, out).astype(DType.F32), "g");
        Tensor spikes = events(r, 0.05, DType.BOOL, steps, batch, in);
        Function<Tensor[], Tensor[]> body = x -> {
            g.update(g.value().mul(0.9).add(BM.eventMatmul(x[0], w.value())));
            return new Tensor[] {BM.tanh(g.value())};
        };
        java.util.function.Supplier<Tensor> compiled = () -> {
            g.update(BM.zeros(batch, out).astype(DType.F32));
            return BM.sum(Loops.forLoop(body, spikes)[0].square());
        };
        java.util.function.Supplier<Tensor> eager = () -> {
            g.update(BM.zeros(batch, out).astype(DType.F32));
            Tensor acc = BM.scalar(0, DType.F32);
            for (int t = 0; t < steps; t++) acc = acc.add(BM.sum(body.apply(new Tensor[] {spikes.get(Index.at(t))})[0].square()));
            return acc;
        };
        Autodiff.Result c = Autodiff.grad(a -> compiled.get()).gradVars(w).returnValue(true).apply();
        Autodiff.Result e = Autodiff.grad(a -> eager.get()).gradVars(w).returnValue(true).apply();
        assertEquals(e.value().item(), c.value().item(), 1e-5 * Math.abs(e.value().item()), "loss");
        Map<Variable, Tensor> gc = c.varGrads(), ge = e.varGrads();
        close(ge.get(w), gc.get(w), 1e-5, "dL/dW");
        assertTrue(BM.sum(BM.abs(gc.get(w))).item() > 0, "a gradient that is not zero");
    }

    @Test
    void emptyShapes() {
        assertEquals(Shape.of(0, 3), BM.eventMatmul(BM.zeros(0, 5), BM.ones(5, 3)).shape());
        assertArrayEquals(new double[6], BM.eventMatmul(BM.zeros(2, 0), BM.ones(0, 3)).toDoubleArray(), "an empty contraction sums nothing");
        Tensor[] jitted = Jit.jit(a -> new Tensor[] {BM.eventMatmul(a[0], a[1])}).call(BM.zeros(2, 0), BM.ones(0, 3));
        assertArrayEquals(new double[6], jitted[0].toDoubleArray());
    }

    @Test
    void refusesMismatchedShapes() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> BM.eventMatmul(BM.zeros(4, 5), BM.zeros(6, 3)));
        assertTrue(x.getMessage().contains("(4, 5)") && x.getMessage().contains("(6, 3)"), x.getMessage());
    }
}
