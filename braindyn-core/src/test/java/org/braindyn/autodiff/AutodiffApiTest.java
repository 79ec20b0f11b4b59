package org.braindyn.autodiff;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.state.Module;
import org.braindyn.state.Naming;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The grad family against closed forms; states, BPTT in a Java loop, checkpointing, custom rules, errors. */
class AutodiffApiTest {
    static void close(Tensor want, Tensor got, double tol) {
        assertEquals(want.shape(), got.shape());
        assertTrue(allclose(got, want, tol, tol), "expected " + want + " got " + got);
    }

    @Test
    void gradAndValue() {
        Tensor x = array(new double[] {1, -2, 3});
        close(x.mul(2), Autodiff.grad(t -> sum(t.square()), x), 0);
        Autodiff.Result r = Autodiff.valueAndGrad(t -> sum(t.square()), x);
        assertEquals(14.0, r.value().item());
        close(x.mul(2), r.grad(), 0);
        Autodiff.Result two = Autodiff.grad(a -> sum(a[0].mul(a[1]))).argnums(0, 1).apply(x, x.add(1.0));
        close(x.add(1.0), two.grad(0), 0);
        close(x, two.grad(1), 0);
        assertEquals(DType.F32, Autodiff.grad(t -> sum(t.exp()), ones(3)).dtype());
    }

    @Test
    void nonScalarOutputIsRefusedWithBrainPysMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autodiff.grad(t -> t.mul(2), array(new double[] {1, 2})));
        assertEquals("Gradient only defined for scalar-output functions. Output had shape: (2,).", e.getMessage());
        close(full(new int[] {2}, 2).astype(DType.F64), Autodiff.vectorGrad(a -> a[0].mul(2)).apply(array(new double[] {1, 2})).grad(), 0);
    }

    @Test
    void jacobiansAndHessianAreAnalytic() {
        Tensor x = array(new double[] {0.7, -1.3});
        java.util.function.UnaryOperator<Tensor> f = t -> stack(t.get("0").mul(t.get("1")), sin(t.get("0")), t.get("1").square());
        Tensor want = array(new double[][] {{-1.3, 0.7}, {Math.cos(0.7), 0}, {0, -2.6}});
        close(want, Autodiff.jacrev(f, x), 1e-14);
        close(want, Autodiff.jacfwd(f, x), 1e-14);
        close(Autodiff.jacrev(f, x), Autodiff.jacobian(f, x), 0);
        java.util.function.UnaryOperator<Tensor> g = t -> t.get("0").square().mul(t.get("1")).add(t.get("1").pow(3));
        close(array(new double[][] {{-2.6, 1.4}, {1.4, -7.8}}), Autodiff.hessian(g, x), 1e-12);
        close(scalar(6 * 0.7, DType.F64), Autodiff.grad(z -> Autodiff.grad(w -> sum(w.pow(3)), z).sum(), scalar(0.7, DType.F64)), 1e-14);
    }

    static final class Readout extends Module {
        final TrainVar w = new TrainVar(array(new double[][] {{0.5, -0.2}, {0.1, 0.3}}));
        final TrainVar b = new TrainVar(array(new double[] {0.05, -0.1}));
        final Variable h = new Variable(zeros(org.braindyn.tensor.Shape.of(2), DType.F64));
        final Variable count = new Variable(arange(1));
    }

    @Test
    void gradientsOfStatesWithValueAndAux() {
        Naming.clearNameCache();
        Readout m = new Readout();
        Tensor x = array(new double[] {1, 2});
        Autodiff.Result r = Autodiff.gradAux(a -> {
            Tensor y = matmul(m.w.value(), a[0]).add(m.b.value());
            return new Autodiff.WithAux(sum(y.square()), "acc=0.5");
        }).gradVars(m.trainVars().values()).argnums(0).returnValue(true).apply(x);
        Tensor y = matmul(m.w.value(), x).add(m.b.value());
        close(outer(y.mul(2), x), r.grad(m.w), 1e-14);
        close(y.mul(2), r.grad(m.b), 1e-14);
        close(matmul(m.w.value().T(), y.mul(2)), r.grad(0), 1e-14);
        assertEquals(sum(y.square()).item(), r.value().item(), 1e-14);
        assertEquals("acc=0.5", r.aux());
    }

    @Test
    void stateErrorsNameTheState() {
        Naming.clearNameCache();
        Readout m = new Readout();
        IllegalArgumentException unread = assertThrows(IllegalArgumentException.class,
                () -> Autodiff.grad(a -> sum(m.w.value())).gradVars(m.trainVars().values()).apply());
        assertTrue(unread.getMessage().contains("'Readout0.b'") && unread.getMessage().contains("never reads"), unread.getMessage());
        IllegalArgumentException integer = assertThrows(IllegalArgumentException.class,
                () -> Autodiff.grad(a -> sum(m.count.value())).gradVars(m.vars().get("Readout0.count")).apply());
        assertTrue(integer.getMessage().contains("'Readout0.count'") && integer.getMessage().contains("int32"), integer.getMessage());
    }

    /** A leaky RNN h ← (1−α)h + α·tanh(W h + U xₜ) over T steps, with its state in a Variable. */
    static Tensor rnnLoss(Readout m, Tensor xs, int steps, boolean checkpointed) {
        m.h.set(zeros(org.braindyn.tensor.Shape.of(2), DType.F64));
        int seg = 10;                                  // checkpoint segments of 10 steps: (h, loss) in, (h, loss) out
        Autodiff.Fn segment = a -> {
            Tensor h = a[0], loss = a[3];
            for (int k = 0; k < seg; k++) {
                h = h.mul(0.8).add(tanh(matmul(a[1], h).add(a[2].mul(xs.get(String.valueOf(k % xs.size()))))).mul(0.2));
                loss = loss.add(sum(h.square()));
            }
            return concatenate(h, loss.reshape(1));
        };
        Autodiff.Fn body = checkpointed ? Autodiff.checkpoint(segment) : segment;
        Tensor loss = scalar(0, DType.F64);
        for (int t = 0; t < steps; t += seg) {
            Tensor out = body.apply(m.h.value(), m.w.value(), m.b.value(), loss);
            m.h.set(out.get("0:2"));
            loss = out.get("2");
        }
        return loss;
    }

    @Test
    void bpttThroughStatesMatchesFiniteDifferences() {
        Naming.clearNameCache();
        Readout m = new Readout();
        Tensor xs = array(new double[] {1, -0.5, 0.25, 2});
        Autodiff.Result r = Autodiff.grad(a -> rnnLoss(m, xs, 100, false)).gradVars(m.w).returnValue(true).apply();
        Tensor w0 = m.w.value();
        double h = 1e-6;
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) {
            m.w.set(w0.at(org.braindyn.tensor.Index.at(i), org.braindyn.tensor.Index.at(j)).add(h));
            double up = rnnLoss(m, xs, 100, false).item();
            m.w.set(w0.at(org.braindyn.tensor.Index.at(i), org.braindyn.tensor.Index.at(j)).add(-h));
            double down = rnnLoss(m, xs, 100, false).item();
            assertEquals((up - down) / (2 * h), r.grad(m.w).getDouble(i, j), 1e-6 * Math.max(1, Math.abs(r.grad(m.w).getDouble(i, j))), "dL/dW[" + i + "," + j + "]");
        }
        m.w.set(w0);
        Autodiff.Result c = Autodiff.grad(a -> rnnLoss(m, xs, 100, true)).gradVars(m.w).returnValue(true).apply();
        // the same arithmetic, summed per segment instead of per step: equal to rounding
        assertTrue(allclose(r.grad(m.w), c.grad(m.w), 1e-13, 0), "checkpointed gradient equals the stored one");
        System.out.println("BPTT 100 steps: peak residual bytes " + r.peakResidualBytes() + " stored vs " + c.peakResidualBytes() + " checkpointed");
        assertEquals(r.value().item(), c.value().item(), 1e-12);
        assertTrue(r.peakResidualBytes() >= 4 * c.peakResidualBytes(), "peak residuals: " + r.peakResidualBytes() + " B plain vs " + c.peakResidualBytes() + " B checkpointed");
    }

    @Test
    void jacobianWithStatesFollowsBrainPyConventions() {
        Naming.clearNameCache();
        Readout m = new Readout();
        Tensor x = array(new double[] {1, 2});
        Autodiff.Result r = Autodiff.jacobian(a -> matmul(m.w.value(), a[0]).add(m.b.value()))
                .gradVars(m.b).argnums(0).returnValue(true).apply(x);
        close(m.w.value(), r.grad(0), 0);                                   // d(Wx+b)/dx = W
        close(eye(2).astype(DType.F64), r.grad(m.b), 0);                    // d(Wx+b)/db = I
        close(matmul(m.w.value(), x).add(m.b.value()), r.value(), 0);
        Autodiff.Result fwd = Autodiff.jacfwd(a -> matmul(m.w.value(), a[0]).add(m.b.value()))
                .gradVars(m.b).argnums(0).returnValue(true).apply(x);
        close(r.grad(0), fwd.grad(0), 1e-15);
        close(r.grad(m.b), fwd.grad(m.b), 1e-15);
        close(r.value(), fwd.value(), 0);
    }

    @Test
    void handWrittenTrainingLoopReducesTheLoss() {
        Naming.clearNameCache();
        Readout m = new Readout();
        Tensor xs = array(new double[] {1, -0.5, 0.25, 2});
        double first = Double.NaN, last = Double.NaN;
        for (int epoch = 0; epoch < 30; epoch++) {             // BrainPy S4 style: loss over T steps, grad w.r.t. trainVars, update
            Autodiff.Result r = Autodiff.grad(a -> rnnLoss(m, xs, 20, false)).gradVars(m.trainVars().values()).returnValue(true).apply();
            for (TrainVar v : m.trainVars().values()) v.set(v.value().sub(r.grad(v).mul(0.05)));
            if (epoch == 0) first = r.value().item();
            last = r.value().item();
        }
        assertTrue(last < 0.5 * first, "SGD over BPTT gradients: loss " + first + " -> " + last);
    }

    @Test
    void stopGradientAndCustomVjp() {
        Tensor x = array(new double[] {1.5, -2});
        close(x, Autodiff.grad(t -> sum(t.mul(Autodiff.stopGradient(t))), x), 0);
        Autodiff.Fn clipGrad = Autodiff.customVjp(a -> a[0].mul(1.0), (in, out, g) -> new Tensor[] {clip(g, -0.5, 0.5)});
        close(array(new double[] {0.5, -0.5}), Autodiff.grad(t -> sum(clipGrad.apply(t).mul(array(new double[] {3, -3}))), x), 0);
        close(array(new double[] {3, -3}), Autodiff.grad(t -> sum(clipGrad.apply(Autodiff.stopGradient(t)).add(t).mul(array(new double[] {3, -3}))), x), 0);
    }

    @Test
    void eventSumPassesCotangentsToEventsAsTheCsrProduct() {
        Csr c = Csr.fromRows(3, new int[][] {{0, 2}, {1}});
        Tensor w = array(new double[] {0.5, -1, 2});
        Tensor gOut = array(new double[] {1, 10, 100});
        Tensor ev = array(new double[] {1, 0});
        Tensor[] cot = Autodiff.vjp(a -> csrEventSum(c, w, a[0]), ev).pullback().apply(gOut);
        close(array(new double[] {0.5 * 1 - 1 * 100, 2 * 10}), cot[0], 0);
        close(List.of(cot).getFirst(), csrMatvec(c, w, gOut, false), 0);
    }
}
