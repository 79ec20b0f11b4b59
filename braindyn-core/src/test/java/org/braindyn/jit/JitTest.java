package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.braindyn.ops.Op;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Tracing, the IR, its passes, and compiled functions against eager evaluation. */
class JitTest {
    static Tensor vec(float... v) { return BM.array(v); }

    @Test
    void aCompiledFunctionEqualsTheEagerOneAndFusesIntoOneKernel() {
        JitFunction f = Jit.jit(a -> new Tensor[] {a[0].mul(2).add(a[1]).exp().sub(1)});
        Tensor x = vec(0.1f, -0.5f, 2f, 3f), y = vec(1f, 2f, -3f, 0f);
        Tensor eager = x.mul(2).add(y).exp().sub(1);
        assertEquals(eager, f.call1(x, y));
        assertEquals(1, f.fusedKernels(x, y));
        assertEquals(1, f.traceCount());
        f.call1(y, x);
        assertEquals(1, f.traceCount(), "same signature: no new trace");
        f.call1(BM.ones(7), BM.ones(7));
        assertEquals(2, f.traceCount(), "new shape: traced again");
    }

    @Test
    void theGraphPrintsLikeAJaxprAndVerifies() {
        JitFunction f = Jit.jit(a -> new Tensor[] {a[0].mul(3).add(1)});
        String text = f.graph(vec(1, 2)).verify().toString();
        assertTrue(text.startsWith("{ lambda %0:float32(2,) ."), text);
        assertTrue(text.contains("= mul %0 %") && text.contains("= add %"), text);
        assertTrue(f.explain(vec(1, 2)).contains("fused kernel #0: 2 ops over 2 elements [mul add]"), f.explain(vec(1, 2)));
    }

    @Test
    void deadCodeCommonSubexpressionsAndConstantsAreOptimisedAway() {
        JitFunction f = Jit.jit(a -> {
            Tensor unused = BM.sin(a[0]);                                 // dead
            Tensor c = BM.exp(BM.array(new float[] {0.5f})).mul(2);      // constant: folded
            Tensor p = a[0].mul(a[1]), q = a[0].mul(a[1]);              // common subexpression
            return new Tensor[] {p.add(q).mul(c)};
        });
        Graph g = f.graph(vec(1, 2), vec(3, 4));
        assertEquals(0, g.count(Op.SIN), g.toString());
        assertEquals(0, g.count(Op.EXP), g.toString());
        assertEquals(2, g.count(Op.MUL), g.toString());
        float c = (float) Math.exp(0.5f) * 2f;
        assertArrayEquals(new float[] {(1 * 3 + 1 * 3) * c, (2 * 4 + 2 * 4) * c}, f.call1(vec(1, 2), vec(3, 4)).toFloatArray(), 1e-5f);
    }

    @Test
    void variablesReadAndWrittenInsideAJittedStepChangeLikeTheEagerCall() {
        Variable v = new Variable(vec(1, 2, 3), "v");
        Variable count = new Variable(BM.array(new int[] {0}), "count");
        Variable untouched = new Variable(vec(9), "untouched");
        JitFunction step = Jit.jit(() -> {
            v.update(v.value().mul(2).add(1));
            count.addAssign(1);
        });
        step.call();
        step.call();
        assertArrayEquals(new float[] {7, 11, 15}, v.value().toFloatArray());
        assertArrayEquals(new int[] {2}, count.value().toIntArray());
        assertEquals(vec(9), untouched.value());
        assertEquals(1, step.traceCount());
    }

    @Test
    void branchingInJavaOnATracedValueExplainsWhatToDo() {
        JitFunction f = Jit.jit(a -> {
            Tensor s = a[0].sum();
            if (s.item() > 0) return new Tensor[] {a[0]};
            return new Tensor[] {a[0].neg()};
        });
        TracerError e = assertThrows(TracerError.class, () -> f.call(vec(1, 2)));
        assertTrue(e.getMessage().contains("reduce_sum") && e.getMessage().contains("JitTest") && e.getMessage().contains("BM.where")
                && e.getMessage().contains("Loops.cond"), e.getMessage());
    }

    @Test
    void aFailedTraceRestoresTheVariables() {
        Variable v = new Variable(vec(1, 2), "v");
        JitFunction f = Jit.jit(() -> {
            v.update(v.value().add(1));
            if (v.value().getFloat(0) > 0) v.update(v.value().add(1));
        });
        assertThrows(TracerError.class, f::call);
        assertEquals(vec(1, 2), v.value());
    }

    @Test
    void gradThroughJitRunsACompiledBackwardAndEqualsThePlainGradient() {
        JitFunction f = Jit.jitUnary(x -> BM.tanh(x.mul(x)).sum());
        Tensor x = vec(0.1f, -0.7f, 1.2f);
        Tensor g = org.braindyn.autodiff.Autodiff.grad(a -> f.call1(a), x);
        Tensor plain = org.braindyn.autodiff.Autodiff.grad(a -> BM.tanh(a.mul(a)).sum(), x);
        assertTrue(BM.allclose(plain, g, 1e-6, 1e-7), g + " vs " + plain);
        assertEquals(1, f.backwardCompilations());
        org.braindyn.autodiff.GradCheck.Report r = org.braindyn.autodiff.GradCheck.check(a -> f.call1(a[0]), new Tensor[] {x}, 1,
                org.braindyn.autodiff.GradCheck.Mode.REVERSE);
        assertTrue(r.maxRelError() < 1e-6, "finite differences: " + r.maxRelError());
    }

    @Test
    void hostValuesAreComputedByJavaBeforeEveryRun() {
        int[] calls = {0};
        java.util.function.Supplier<Tensor> counter = () -> vec(++calls[0]);
        JitFunction f = Jit.jitUnary(x -> x.add(Jit.hostValue(DType.F32, org.braindyn.tensor.Shape.of(1), counter)));
        assertEquals(vec(11), f.call1(vec(10)));
        assertEquals(vec(12), f.call1(vec(10)));
        Tensor ys = Loops.forLoop(x -> new Tensor[] {x[0].mul(Jit.hostValue(DType.F32, org.braindyn.tensor.Shape.of(1), counter))}, BM.ones(3, 1))[0];
        assertArrayEquals(new float[] {3, 4, 5}, ys.toFloatArray(), "one draw per step, in order");
        assertEquals(vec(6), Jit.hostValue(DType.F32, org.braindyn.tensor.Shape.of(1), counter), "eagerly: just the call");
        TracerError e = assertThrows(TracerError.class, () -> org.braindyn.autodiff.Autodiff.grad(a ->
                Loops.forLoop(x -> new Tensor[] {x[0].mul(Jit.hostValue(DType.F32, org.braindyn.tensor.Shape.of(1), counter))}, a)[0].sum(),
                BM.ones(3, 1)));
        assertTrue(e.getMessage().contains("host values"), e.getMessage());
    }

    @Test
    void stopGradientStillStopsInsideCompiledCode() {
        JitFunction f = Jit.jitUnary(x -> x.mul(org.braindyn.autodiff.Autodiff.stopGradient(x)).sum());
        Tensor g = org.braindyn.autodiff.Autodiff.grad(a -> f.call1(a), vec(1f, -2f, 3f));
        assertArrayEquals(new float[] {1, -2, 3}, g.toFloatArray(), 1e-6f);          // d/dx (x · sg(x)) = sg(x), not 2x
    }

    @Test
    void gradOfAJittedStepReachesTheVariablesItReads() {
        org.braindyn.state.TrainVar w = new org.braindyn.state.TrainVar(vec(0.5f, -1f), "w");
        JitFunction f = Jit.jitUnary(x -> x.mul(w.value()).exp().sum());
        Tensor x = vec(1f, 2f);
        java.util.Map<Variable, Tensor> g = org.braindyn.autodiff.Autodiff.grad(a -> f.call1(x)).gradVars(w).apply().varGrads();
        java.util.Map<Variable, Tensor> p = org.braindyn.autodiff.Autodiff.grad(a -> x.mul(w.value()).exp().sum()).gradVars(w).apply().varGrads();
        assertTrue(BM.allclose(p.get(w), g.get(w), 1e-6, 1e-7), g.get(w) + " vs " + p.get(w));
    }

    @Test
    void broadcastInputsAreReadWithTheirIndexRule() {
        JitFunction f = Jit.jit(a -> new Tensor[] {a[0].mul(a[1]).add(a[2])});
        Tensor x = BM.arange(12).astype(DType.F32).reshape(3, 4), row = vec(1, 2, 3, 4), col = vec(10, 20, 30).reshape(3, 1);
        assertEquals(x.mul(row).add(col), f.call1(x, row, col));
        assertEquals(1, f.fusedKernels(x, row, col));
    }

    @Test
    void fullReductionsFuseAsTheTrailingStepOfAChain() {
        JitFunction f = Jit.jit(a -> new Tensor[] {a[0].sub(a[1]).square().sum(), a[0].max()});
        Tensor x = vec(1, 2, 3, 4.5f), y = vec(0.5f, 2, 1, 4);
        Tensor[] r = f.call(x, y);
        assertEquals(x.sub(y).square().sum(), r[0]);
        assertEquals(x.max(), r[1]);
        assertEquals(1, f.fusedKernels(x, y), f.explain(x, y));
    }
}
