package org.braindyn.init;

import java.util.function.Function;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Resolves a parameter specification into a tensor (BrainPy's {@code init_param}): a number (kept as a scalar, as
 * BrainPy keeps {@code HH(5).gNa == 120.}), a tensor (used unchanged, broadcastable to the shape), an
 * {@link Initializer}, a function of the shape, a {@link Variable} (its value), or null (absent, e.g. no bias).
 * <pre>{@code
 * Tensor tau = Params.init(new Uniform(10, 30), 100);   // heterogeneous time constants
 * Tensor vth = Params.init(20.0, 100);                  // scalar 20
 * }</pre>
 */
public final class Params {
    private Params() {}

    /** The tensor for {@code spec} at {@code shape}, or null for a null spec. */
    @SuppressWarnings("unchecked")
    public static Tensor init(Object spec, int... shape) {
        Shape s = Shape.of(shape);
        DType f = Config.defaultFloat();
        Tensor t = switch (spec) {
            case null -> null;
            case Number n -> BM.scalar(n.doubleValue(), f);
            case Tensor x -> x;
            case Variable v -> v.value();
            case Initializer i -> i.init(shape, f);
            case Function<?, ?> fn -> ((Function<int[], Tensor>) fn).apply(shape);
            default -> throw new IllegalArgumentException("Params.init: unsupported specification " + spec.getClass().getSimpleName()
                    + "; expected a number, a Tensor, an Initializer, a function of the shape, a Variable or null");
        };
        if (t != null && t.ndim() > 0 && !Shape.broadcast(t.shape(), s).equals(s))
            throw new IllegalArgumentException("Params.init: a value of shape " + t.shape() + " does not fit the parameter shape " + s);
        return t;
    }
}
