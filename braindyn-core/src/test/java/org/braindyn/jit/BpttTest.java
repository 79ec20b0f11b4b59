package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.autodiff.GradCheck;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Gradients of compiled loops (BPTT): a 100-step smooth RNN {@code h ← tanh(W·h + U·x_t + b)} with loss
 * {@code Σ_t ½|h_t|²}. The compiled backward loop must equal the eager tape's gradient, pass the
 * finite-difference check, and give the same gradient with checkpointing.
 */
class BpttTest {
    static final int H = 6, I = 3, T = 100;

    static Tensor rand(SplittableRandom r, double scale, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int k = 0; k < n; k++) v[k] = scale * (2 * r.nextDouble() - 1);
        return BM.array(v).reshape(shape);
    }

    final SplittableRandom rnd = new SplittableRandom(3);
    final TrainVar w = new TrainVar(rand(rnd, 0.5, H, H), "W"), u = new TrainVar(rand(rnd, 0.8, H, I), "U"), b = new TrainVar(rand(rnd, 0.2, H), "b");
    final Variable h = new Variable(BM.zeros(H).astype(DType.F64), "h");
    final Tensor xs = rand(rnd, 1.0, T, I);

    Tensor cell(Tensor x) {
        h.update(BM.tanh(BM.matmul(w.value(), h.value()).add(BM.matmul(u.value(), x)).add(b.value())));
        return h.value();
    }

    final Function<Tensor[], Tensor[]> body = x -> new Tensor[] {cell(x[0])};

    Tensor lossCompiled(int every) {
        h.update(BM.zeros(H).astype(DType.F64));
        Tensor[] hs = every == 1 ? Loops.forLoop(body, xs) : Loops.checkpointedForLoop(body, every, xs);
        return hs[0].square().sum().mul(0.5);
    }

    Tensor lossEager() {
        h.update(BM.zeros(H).astype(DType.F64));
        Tensor acc = BM.scalar(0, DType.F64);
        for (int t = 0; t < T; t++) acc = acc.add(cell(xs.get(org.braindyn.tensor.Index.at(t))).square().sum());
        return acc.mul(0.5);
    }

    Map<Variable, Tensor> grads(java.util.function.Supplier<Tensor> loss) {
        return Autodiff.grad(a -> loss.get()).gradVars(w, u, b).apply().varGrads();
    }

    @Test
    void compiledBpttEqualsTheEagerGradient() {
        Map<Variable, Tensor> eager = grads(this::lossEager);
        long sweeps = Backward.SWEEPS.get();
        Map<Variable, Tensor> compiled = grads(() -> lossCompiled(1));
        assertEquals(sweeps + 1, Backward.SWEEPS.get(), "the gradient ran the compiled backward loop");
        assertEquals(lossEager().item(), lossCompiled(1).item(), 1e-12);
        for (Variable p : new Variable[] {w, u, b})
            assertTrue(BM.allclose(eager.get(p), compiled.get(p), 1e-10, 1e-12), p.name() + ": eager " + eager.get(p) + " compiled " + compiled.get(p));
        assertTrue(BM.abs(compiled.get(w)).sum().item() > 1e-3, "a non-trivial gradient");
    }

    @Test
    void checkpointedLoopGivesTheSameGradient() {
        Map<Variable, Tensor> full = grads(() -> lossCompiled(1));
        for (int every : new int[] {1, 7, 10, 100}) {
            Map<Variable, Tensor> ck = grads(() -> lossCompiled(every));
            for (Variable p : new Variable[] {w, u, b})
                assertTrue(BM.allclose(full.get(p), ck.get(p), 1e-12, 1e-14), p.name() + " with checkpoints every " + every);
        }
    }

    @Test
    void compiledBpttPassesTheFiniteDifferenceCheck() {
        GradCheck.Report r = GradCheck.check(a -> {
            w.update(a[0]);
            b.update(a[1]);
            return lossCompiled(1);
        }, new Tensor[] {w.value(), b.value()}, 1, GradCheck.Mode.REVERSE);
        assertTrue(r.maxRelError() < 1e-6, "relative error " + r.maxRelError());
    }

    @Test
    void aSurrogateSpikeFunctionInsideACompiledLoopKeepsItsBackwardRule() {
        org.braindyn.surrogate.Sigmoid sg = new org.braindyn.surrogate.Sigmoid();
        Function<Tensor[], Tensor[]> spiking = x -> {
            h.update(h.value().mul(0.9).add(BM.matmul(u.value(), x[0])));
            return new Tensor[] {sg.apply(h.value().sub(0.5))};
        };
        java.util.function.Supplier<Map<Variable, Tensor>> compiled = () -> Autodiff.grad(a -> {
            h.update(BM.zeros(H).astype(DType.F64));
            return Loops.forLoop(spiking, xs)[0].sum();
        }).gradVars(u).apply().varGrads();
        Map<Variable, Tensor> eager = Autodiff.grad(a -> {
            h.update(BM.zeros(H).astype(DType.F64));
            Tensor acc = BM.scalar(0, DType.F64);
            for (int t = 0; t < T; t++) acc = acc.add(spiking.apply(new Tensor[] {xs.get(org.braindyn.tensor.Index.at(t))})[0].sum());
            return acc;
        }).gradVars(u).apply().varGrads();
        Tensor g = compiled.get().get(u);
        assertTrue(BM.abs(g).sum().item() > 1e-3, "the surrogate gives a non-zero gradient (the Heaviside's own is zero)");
        assertTrue(BM.allclose(eager.get(u), g, 1e-10, 1e-12), "compiled " + g + " eager " + eager.get(u));
    }

    @Test
    void gradientsReachTheInputsAndTheInitialStateToo() {
        Tensor x0 = xs;
        Autodiff.Result r = Autodiff.grad(a -> {
            h.update(a[1]);
            return Loops.forLoop(body, a[0])[0].square().sum().mul(0.5);
        }).argnums(0, 1).apply(x0, BM.full(org.braindyn.tensor.Shape.of(H), 0.1, DType.F64));
        Autodiff.Result e = Autodiff.grad(a -> {
            h.update(a[1]);
            Tensor acc = BM.scalar(0, DType.F64);
            for (int t = 0; t < T; t++) acc = acc.add(cell(a[0].get(org.braindyn.tensor.Index.at(t))).square().sum());
            return acc.mul(0.5);
        }).argnums(0, 1).apply(x0, BM.full(org.braindyn.tensor.Shape.of(H), 0.1, DType.F64));
        assertTrue(BM.allclose(e.argGrads()[0], r.argGrads()[0], 1e-10, 1e-12), "d loss / d xs");
        assertTrue(BM.allclose(e.argGrads()[1], r.argGrads()[1], 1e-10, 1e-12), "d loss / d h0");
    }
}
