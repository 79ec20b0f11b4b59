package org.braindyn.autodiff;

import static org.braindyn.tensor.BM.*;

import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.tensor.Tensor;

/**
 * The vector-Jacobian product of every primitive: given the inputs {@code x}, the output {@code y} and the output
 * cotangent {@code g}, the cotangent of each input ({@code null} where an input has none: integer or boolean
 * operands, indices, conditions). One exhaustive {@code switch}: a new primitive does not compile until it has a
 * rule here. Rules are written with {@code BM} operations, so they are themselves recorded and differentiable.
 *
 * <p>Choices where the derivative is not unique: {@code floor/ceil/round/sign} have zero derivative; at ties
 * {@code max}/{@code min} split the cotangent equally; the event-driven sum is differentiated as the CSR product it
 * stands for ({@code Aᵀ·e}), so surrogate spike gradients flow through synapses; {@code scatter} assumes unique
 * indices. Products ({@code prod}, {@code cumprod}) never divide, so zeros in the input are handled exactly.
 */
final class VjpRules {
    private VjpRules() {}

    static Tensor[] vjp(Op op, Attr attr, Tensor[] x, Tensor y, Tensor g) {
        if (!g.dtype().isFloating()) return new Tensor[x.length];
        return switch (op) {
            case NEG -> one(negative(g));
            case ABS -> one(g.mul(sign(x[0])));
            case SIGN, FLOOR, CEIL, ROUND -> one(zerosLike(x[0]));
            case NOT, ISNAN, LT, LE, GT, GE, EQ, NE, AND, OR, XOR, ARGMAX, ARGMIN -> new Tensor[x.length];
            case EXP -> one(g.mul(y));
            case EXPM1 -> one(g.mul(y.add(1.0)));
            case LOG -> one(g.div(x[0]));
            case LOG1P -> one(g.div(x[0].add(1.0)));
            case SQRT -> one(g.mul(0.5).div(y));
            case RSQRT -> one(g.mul(-0.5).mul(y).div(x[0]));
            case SIN -> one(g.mul(cos(x[0])));
            case COS -> one(negative(g.mul(sin(x[0]))));
            case TAN -> one(g.mul(y.square().add(1.0)));
            case TANH -> one(g.mul(subtract(1.0, y.square())));
            case LOGISTIC -> one(g.mul(y).mul(subtract(1.0, y)));
            case ERF -> one(g.mul(exp(negative(x[0].square()))).mul(2 / Math.sqrt(Math.PI)));
            case ADD -> two(x, g, g);
            case SUB -> two(x, g, negative(g));
            case MUL -> two(x, g.mul(x[1]), g.mul(x[0]));
            case DIV -> two(x, g.div(x[1]), negative(g.mul(x[0]).div(x[1].square())));
            case REM -> two(x, g, negative(g.mul(floor(x[0].div(x[1])))));
            case POW -> two(x, g.mul(x[1]).mul(power(x[0], x[1].sub(1.0))),
                    where(x[0].gt(0), g.mul(log(where(x[0].gt(0), x[0], onesLike(x[0])))).mul(y), zerosLike(g)));
            case MAX, MIN -> {
                Tensor win = op == Op.MAX ? x[0].gt(x[1]) : x[0].lt(x[1]);
                Tensor lose = op == Op.MAX ? x[0].lt(x[1]) : x[0].gt(x[1]);
                Tensor share = where(win, onesLike(g), where(lose, zerosLike(g), fullLike(g, 0.5)));
                yield two(x, g.mul(share), g.mul(subtract(1.0, share)));
            }
            case ATAN2 -> {
                Tensor d = x[0].square().add(x[1].square());
                yield two(x, g.mul(x[1]).div(d), negative(g.mul(x[0]).div(d)));
            }
            case SELECT -> new Tensor[] {null, unbroadcast(where(x[0], g, zerosLike(g)), x[1]), unbroadcast(where(x[0], zerosLike(g), g), x[2])};
            case CAST -> one(x[0].dtype().isFloating() ? g.astype(x[0].dtype()) : null);
            case REDUCE_SUM -> one(expandReduced(g, x[0], (Attr.Axes) attr));
            case REDUCE_PROD -> one(VjpHelpers.prodVjp(x[0], g, (Attr.Axes) attr));
            case REDUCE_MAX, REDUCE_MIN -> {
                Attr.Axes ax = (Attr.Axes) attr;
                Tensor hit = x[0].eq(expandReduced(y, x[0], ax)).astype(g.dtype());
                Tensor count = expandReduced(sum(hit, true, ax.axes()).reshape(y.shape().toArray()), x[0], ax);
                yield one(expandReduced(g, x[0], ax).mul(hit).div(count));
            }
            case CUMSUM -> {
                int a = ((Attr.Axis) attr).axis();
                yield one(flip(cumsum(flip(g, a), a), a));
            }
            case CUMPROD -> one(VjpHelpers.cumprodVjp(x[0], g, ((Attr.Axis) attr).axis()));
            case RESHAPE -> one(g.reshape(x[0].shape().toArray()));
            case BROADCAST -> one(unbroadcast(g, x[0]));
            case TRANSPOSE -> {
                int[] p = ((Attr.Perm) attr).perm(), inv = new int[p.length];
                for (int i = 0; i < p.length; i++) inv[p[i]] = i;
                yield one(g.transpose(inv));
            }
            case SLICE -> one(VjpHelpers.sliceVjp(g, x[0], (Attr.Slice) attr));
            case CONCAT -> {
                int a = ((Attr.Axis) attr).axis();
                Tensor[] out = new Tensor[x.length];
                int from = 0;
                for (int i = 0; i < x.length; i++) {
                    out[i] = sliceAxis(g, a, from, from + x[i].dim(a), 1);
                    from += x[i].dim(a);
                }
                yield out;
            }
            case PAD -> {
                Attr.Pad p = (Attr.Pad) attr;
                Tensor r = g;
                for (int a = 0; a < p.lo().length; a++) r = sliceAxis(r, a, p.lo()[a], p.lo()[a] + x[0].dim(a), 1);
                yield one(r);
            }
            case GATHER -> new Tensor[] {scatterAdd(zerosLike(x[0]).astype(g.dtype()), x[1], g, ((Attr.Axis) attr).axis()), null};
            case SCATTER -> {
                int a = ((Attr.Axis) attr).axis();
                yield new Tensor[] {VjpHelpers.scatterSet(g, x[1], zerosLike(x[2]).astype(g.dtype()), a), null, take(g, x[1], a)};
            }
            case SCATTER_ADD -> new Tensor[] {g, null, take(g, x[1], ((Attr.Axis) attr).axis())};
            case MATMUL -> two(x, matmul(g, swapaxes(x[1], -1, -2)), matmul(swapaxes(x[0], -1, -2), g));
            case CSR_EVENT_SUM, CSR_MATVEC, CSR_MATMAT -> VjpHelpers.csrVjp(op, (Attr.Csr) attr, x, g);
            case SEGMENT_SUM -> new Tensor[] {take(g, x[1], 0), null};
            case PRE_GATHER -> new Tensor[] {null, null, VjpHelpers.preGatherVjp(x[0], g, (Attr.Csr) attr)};
            case EVENT_MATMUL -> VjpHelpers.eventMatmulVjp(((Attr.EventProduct) attr).outer(), x, g);
            case HOST_CALL -> throw new IllegalArgumentException("host call '" + ((Attr.Host) attr).name()
                    + "' is not differentiable: it runs Java code; stop the gradient before it (stopGradient) or write it with tensor operations");
        };
    }

    private static Tensor[] one(Tensor g) { return new Tensor[] {g}; }

    /** Cotangents of a broadcasting binary op: each summed back to its operand's shape. */
    private static Tensor[] two(Tensor[] x, Tensor ga, Tensor gb) {
        return new Tensor[] {x[0].dtype().isFloating() ? unbroadcast(ga, x[0]) : null, x[1].dtype().isFloating() ? unbroadcast(gb, x[1]) : null};
    }

    /** Sums {@code g} over the axes along which {@code like} was broadcast, giving {@code like}'s shape. */
    static Tensor unbroadcast(Tensor g, Tensor like) {
        if (g.shape().equals(like.shape())) return g;
        int lead = g.ndim() - like.ndim();
        int[] axes = new int[g.ndim()];
        int n = 0;
        for (int a = 0; a < g.ndim(); a++)
            if (a < lead || (like.dim(a - lead) == 1 && g.dim(a) != 1)) axes[n++] = a;
        Tensor s = n == 0 ? g : sum(g, java.util.Arrays.copyOf(axes, n));
        return s.reshape(like.shape().toArray());
    }

    /** The cotangent of a reduction's output spread back over the reduced axes of {@code x}. */
    static Tensor expandReduced(Tensor g, Tensor x, Attr.Axes ax) {
        int[] kept = x.shape().toArray();
        for (int a : ax.axes()) kept[a] = 1;
        return g.reshape(kept).broadcastTo(x.shape().toArray());
    }
}
