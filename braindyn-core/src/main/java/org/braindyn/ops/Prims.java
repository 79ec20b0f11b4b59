package org.braindyn.ops;

import org.braindyn.tensor.Tensor;

/**
 * The single entry point through which every primitive is applied. It checks the application against
 * {@link ShapeRules} and hands it to the current {@link Handler}: the eager kernels by default, or a handler
 * installed for the dynamic extent of a computation (autodiff recording, tracing for the compiler).
 * <pre>{@code
 * Tensor y = Prims.bind(Op.EXP, Attr.NONE, x);
 * Tensor z = Prims.with(myHandler, () -> f(x));   // every primitive inside f goes to myHandler
 * }</pre>
 */
public final class Prims {
    /** Receives primitive applications. */
    @FunctionalInterface
    public interface Handler {
        /** Applies {@code op} with {@code attr} to {@code inputs}; {@code out} is the already-checked result type. */
        Tensor apply(Op op, Attr attr, TensorType out, Tensor... inputs);
    }

    /**
     * A handler that wants to know when a composite with a hand-written backward rule (a custom VJP, a
     * checkpoint, a surrogate spike function) runs under it: the compiler's tracer, which records only primitives
     * and so must not later differentiate such a graph by its primitives.
     */
    public interface CustomRuleObserver {
        /** A composite named {@code what}, with its own backward rule, produced {@code output} from {@code inputs}. */
        void customRule(String what, Tensor[] inputs, Tensor output, CustomBackward backward);
    }

    /** A hand-written backward rule: cotangents of the inputs from the cotangent of the output. */
    @FunctionalInterface
    public interface CustomBackward { Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor cotangent); }

    /** The default handler: run the eager kernel. */
    public static final Handler EAGER = (op, attr, out, inputs) -> Kernels.eager(op, attr, out, inputs);

    private static final ScopedValue<Handler> CURRENT = ScopedValue.newInstance();

    private Prims() {}

    /** Applies a primitive through the current handler, after checking its shapes and dtypes. */
    public static Tensor bind(Op op, Attr attr, Tensor... inputs) {
        TensorType out = ShapeRules.infer(op, attr, types(inputs));
        return CURRENT.orElse(EAGER).apply(op, attr, out, inputs);
    }

    /** Runs {@code body} with {@code handler} receiving every primitive bound on this thread meanwhile. */
    public static <T> T with(Handler handler, java.util.function.Supplier<T> body) {
        return ScopedValue.where(CURRENT, handler).call(body::get);
    }

    /** The handler now in force. */
    public static Handler current() { return CURRENT.orElse(EAGER); }

    static TensorType[] types(Tensor... ts) {
        TensorType[] out = new TensorType[ts.length];
        for (int i = 0; i < ts.length; i++) out[i] = new TensorType(ts[i].dtype(), ts[i].shape());
        return out;
    }
}
