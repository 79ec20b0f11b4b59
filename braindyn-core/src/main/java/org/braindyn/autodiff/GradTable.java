package org.braindyn.autodiff;

import static org.braindyn.tensor.BM.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * The gradient specification table: one row per differentiable primitive and composite (activations, reductions,
 * products, indexing, event-driven operators, special values). Tests check every row against finite differences;
 * {@code ./braindyn check gradients} runs the same table as a self-test.
 */
public final class GradTable {
    private GradTable() {}

    /** A function, its arguments, the tolerance on relative error and the finite-difference step. */
    public record Row(String name, Autodiff.Fn f, Tensor[] args, double tol, double h) {
        Row(String name, Autodiff.Fn f, Tensor[] args, double tol) { this(name, f, args, tol, 1e-6); }
        @Override public String toString() { return name; }
    }

    /** What {@link #run()} found. */
    public record Summary(int primitives, int covered, double maxRelError, int rows, List<String> failures) {}

    /** Primitives with no derivative (boolean or integer results). */
    public static final Set<Op> NON_DIFFERENTIABLE = EnumSet.of(Op.NOT, Op.ISNAN, Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ, Op.NE,
            Op.AND, Op.OR, Op.XOR, Op.ARGMAX, Op.ARGMIN, Op.HOST_CALL);

    private static SplittableRandom R;

    static Tensor rnd(int... shape) {
        double[] d = new double[org.braindyn.tensor.Shape.of(shape).size()];
        for (int i = 0; i < d.length; i++) d[i] = R.nextDouble(-2, 2);
        return array(d).reshape(shape);
    }

    static Tensor pos(int... shape) { return rnd(shape).abs().add(0.5); }

    static Row row(String name, Autodiff.Fn f, Tensor... args) { return new Row(name, f, args, 1e-6); }

    /** The rows, with fixed random inputs. */
    public static synchronized List<Row> rows() {
        R = new SplittableRandom(5);
        List<Row> rs = new ArrayList<>();
        // unary primitives
        rs.add(row("neg", a -> negative(a[0]), rnd(3, 4)));
        rs.add(row("abs", a -> abs(a[0]), rnd(3, 4)));
        rs.add(row("sign·x, floor, ceil, round (zero derivative parts)", a -> a[0].mul(sign(a[0])).add(floor(a[0])).add(ceil(a[0])).add(round(a[0])), rnd(5)));
        rs.add(row("exp", a -> exp(a[0]), rnd(3, 4)));
        rs.add(row("expm1", a -> expm1(a[0]), rnd(6)));
        rs.add(row("log", a -> log(a[0]), pos(6)));
        rs.add(row("log1p", a -> log1p(a[0]), pos(6)));
        rs.add(row("sqrt", a -> sqrt(a[0]), pos(6)));
        rs.add(row("rsqrt", a -> rsqrt(a[0]), pos(6)));
        rs.add(row("sin", a -> sin(a[0]), rnd(6)));
        rs.add(row("cos", a -> cos(a[0]), rnd(6)));
        rs.add(row("tan", a -> tan(a[0].mul(0.5)), rnd(6)));
        rs.add(row("tanh", a -> tanh(a[0]), rnd(6)));
        rs.add(row("sigmoid", a -> sigmoid(a[0]), rnd(6)));
        rs.add(row("erf", a -> erf(a[0]), rnd(6)));
        // binary primitives, with broadcasting
        rs.add(row("add broadcast", a -> a[0].add(a[1]), rnd(3, 1, 4), rnd(2, 4)));
        rs.add(row("sub broadcast", a -> a[0].sub(a[1]), rnd(3, 4), rnd(4)));
        rs.add(row("mul broadcast", a -> a[0].mul(a[1]), rnd(2, 3), rnd(3, 1, 1)));
        rs.add(row("div", a -> a[0].div(a[1]), rnd(4), pos(4)));
        rs.add(row("remainder", a -> remainder(a[0], a[1]), rnd(5).mul(3).add(0.37), pos(5).add(1)));
        rs.add(row("power", a -> power(a[0], a[1]), pos(5), rnd(5)));
        rs.add(row("maximum", a -> maximum(a[0], a[1]), rnd(6), rnd(6)));
        rs.add(row("minimum", a -> minimum(a[0], a[1]), rnd(6), rnd(6)));
        rs.add(row("arctan2", a -> arctan2(a[0], a[1]), rnd(6), rnd(6)));
        Tensor cond = array(new boolean[] {true, false, true, false, false, true});
        rs.add(row("where", a -> where(cond, a[0], a[1].mul(a[0])), rnd(6), rnd(6)));
        rs.add(new Row("cast f64→f32→f64 (linear; step 1e-2 for float32 rounding)", a -> a[0].astype(DType.F32).astype(DType.F64).mul(3.0), new Tensor[] {rnd(5)}, 1e-4, 1e-2));
        // reductions and scans
        rs.add(row("sum axis", a -> sum(a[0], 1), rnd(3, 4)));
        rs.add(row("prod", a -> prod(a[0], 1), rnd(3, 4)));
        rs.add(row("prod with a zero (special)", a -> prod(a[0]), array(new double[] {1.5, 0.0, -2, 0.7})));
        rs.add(row("cumprod with a zero (special)", a -> cumprod(a[0]), array(new double[] {1.5, 0.0, -2, 0.7})));
        rs.add(row("max axis", a -> max(a[0], 0), rnd(4, 3)));
        rs.add(row("min keepdims", a -> min(a[0], true, 1), rnd(4, 3)));
        rs.add(row("mean, var, std", a -> mean(a[0]).add(var(a[0], 0)).add(std(a[0])), rnd(3, 5)));
        rs.add(row("logsumexp large (special)", a -> logsumexp(a[0].add(1000.0), 1), rnd(2, 4)));
        rs.add(row("cumsum", a -> cumsum(a[0], 1), rnd(3, 4)));
        rs.add(row("cumprod", a -> cumprod(a[0], 0), pos(4, 2)));
        // shape primitives
        rs.add(row("reshape, transpose", a -> a[0].reshape(4, 3).T().mul(a[0].reshape(3, 4)), rnd(2, 6)));
        rs.add(row("broadcastTo", a -> a[0].broadcastTo(3, 2, 4), rnd(2, 1)));
        rs.add(row("strided slice, flip", a -> a[0].get("::-2, 1:3").add(flip(a[0], 1).get("1:4, ::3")), rnd(5, 4)));
        rs.add(row("concat, stack, split", a -> concatenate(1, a[0], a[1]).add(stack(a[0], a[1]).sum(0).get(":, :1")).add(split(a[1], 1, 1)[0]), rnd(2, 1), rnd(2, 1)));
        rs.add(row("pad", a -> pad(a[0], new int[][] {{1, 2}, {0, 1}}, 0.5), rnd(2, 3)));
        rs.add(row("repeat, tile", a -> repeat(a[0], 2, 0).add(tile(a[0], 2, 1)), rnd(2, 3)));
        // indexing
        Tensor idx = array(new int[] {2, 0, 2, 1});
        rs.add(row("take (gather)", a -> take(a[0], idx, 1), rnd(3, 4)));
        rs.add(row("at().set (scatter)", a -> a[0].at(Index.take(3, 0)).set(a[1]), rnd(5), rnd(2)));
        rs.add(row("at().add, scatterAdd (repeated indices)", a -> scatterAdd(a[0], idx, a[1], 0).add(a[0].at(Index.take(1, 1)).add(2.0)), rnd(4), rnd(4)));
        rs.add(row("boolean mask", a -> a[0].get(Index.mask(array(new boolean[] {true, false, true, true}))), rnd(4)));
        // products
        rs.add(row("matmul", a -> matmul(a[0], a[1]), rnd(3, 4), rnd(4, 2)));
        rs.add(row("matmul batched broadcast", a -> matmul(a[0], a[1]), rnd(2, 1, 3, 4), rnd(3, 4, 2)));
        rs.add(row("matmul vector", a -> matmul(a[0], a[1]), rnd(3, 4), rnd(4)));
        rs.add(row("einsum bij,bjk->ik", a -> einsum("bij,bjk->ik", a[0], a[1]), rnd(2, 3, 4), rnd(2, 4, 2)));
        rs.add(row("outer, dot", a -> outer(a[0], a[1]).sum(0).add(dot(a[1], a[1])), rnd(3), rnd(2)));
        // event-driven and sparse
        Csr c = Csr.fromRows(5, new int[][] {{0, 2}, {}, {1, 4, 4}, {3}});
        Tensor events = array(new double[] {1, 0, 2.5, 1});
        rs.add(row("csrEventSum per-synapse weights", a -> csrEventSum(c, a[0], events), rnd(6)));
        rs.add(row("csrEventSum scalar weight", a -> csrEventSum(c, a[0], array(new boolean[] {true, false, true, true})), rnd()));
        rs.add(row("csrMatvec A·x", a -> csrMatvec(c, a[0], a[1], false), rnd(6), rnd(5)));
        rs.add(row("csrMatvec Aᵀ·x scalar", a -> csrMatvec(c, a[0], a[1], true), rnd(), rnd(4)));
        rs.add(row("csrMatmat", a -> csrMatmat(c, a[0], a[1], false).add(csrMatmat(c, a[0], a[2], true).sum()), rnd(6), rnd(5, 2), rnd(4, 2)));
        Tensor spikes = array(new double[][] {{0, 1, 0, 0.5, 0}, {2, 0, 0, 0, 1}, {0, 0, 0, 0, 0}});
        rs.add(row("eventMatmul weights (float events)", a -> eventMatmul(spikes, a[0]), rnd(5, 4)));
        rs.add(row("eventMatmul events and weights", a -> eventMatmul(a[0], a[1]), rnd(2, 3, 5), rnd(5, 4)));
        rs.add(row("eventMatmul boolean events", a -> eventMatmul(spikes.ne(0), a[0]), rnd(5, 4)));
        rs.add(row("segmentSum", a -> segmentSum(a[0], array(new int[] {1, 0, 1, 2}), 3), rnd(4, 2)));
        rs.add(row("preGather", a -> preGather(c, a[0]), rnd(4)));
        // activations
        rs.add(row("relu, relu6, leakyRelu", a -> relu(a[0]).add(relu6(a[0].mul(4))).add(leakyRelu(a[0])), rnd(8)));
        rs.add(row("elu, celu, selu", a -> elu(a[0]).add(celu(a[0], 1.5)).add(selu(a[0])), rnd(8)));
        rs.add(row("gelu (tanh, exact)", a -> gelu(a[0]).add(gelu(a[0], false)), rnd(8)));
        rs.add(row("glu", a -> glu(a[0]), rnd(2, 6)));
        rs.add(row("hardTanh, hardSigmoid, hardSilu, hardSwish", a -> hardTanh(a[0]).add(hardSigmoid(a[0].mul(2))).add(hardSilu(a[0].mul(2))).add(hardSwish(a[0])), rnd(8)));
        rs.add(row("silu, swish, softSign", a -> silu(a[0]).add(swish(a[0])).add(softSign(a[0])), rnd(8)));
        rs.add(row("softplus, logSigmoid", a -> softplus(a[0]).add(logSigmoid(a[0])), rnd(8)));
        rs.add(row("softmax, logSoftmax", a -> softmax(a[0]).add(logSoftmax(a[0], 0)), rnd(3, 4)));
        rs.add(row("normalize", a -> normalize(a[0]), rnd(2, 5)));
        rs.add(row("saturated tanh, sigmoid, softplus (special)", a -> tanh(a[0].add(20.0)).add(sigmoid(a[0].sub(30.0))).add(softplus(a[0].add(50.0))), rnd(4)));
        rs.add(row("tiny exp, log1p near 0 (special)", a -> exp(a[0].sub(50.0)).add(log1p(a[0].mul(1e-9))), rnd(4)));
        return rs;
    }

    /** The primitives some row's function applies. */
    public static Set<Op> coverage() {
        Set<Op> seen = EnumSet.noneOf(Op.class);
        for (Row r : rows()) {
            Tensor[] a = new Tensor[r.args().length];
            for (int i = 0; i < a.length; i++) a[i] = r.args()[i].astype(DType.F64);
            Prims.with((op, attr, out, in) -> { seen.add(op); return Prims.EAGER.apply(op, attr, out, in); }, () -> r.f().apply(a));
        }
        return seen;
    }

    /** Checks every row (order 2 reverse, order 1 forward) and the coverage of differentiable primitives. */
    public static Summary run() {
        double worst = 0;
        List<String> failures = new ArrayList<>();
        List<Row> rows = rows();
        for (Row r : rows) {
            double e = Math.max(GradCheck.check(r.f(), r.args(), 2, r.h(), GradCheck.Mode.REVERSE).maxRelError(),
                    GradCheck.check(r.f(), r.args(), 1, r.h(), GradCheck.Mode.FORWARD).maxRelError());
            if (!(e < r.tol())) failures.add(r.name() + " (relative error " + e + ")");
            worst = Math.max(worst, e);
        }
        Set<Op> differentiable = EnumSet.allOf(Op.class);
        differentiable.removeAll(NON_DIFFERENTIABLE);
        Set<Op> covered = coverage();
        covered.retainAll(differentiable);
        return new Summary(differentiable.size(), covered.size(), worst, rows.size(), failures);
    }
}
