package org.braindyn.dyn;

import java.util.function.Supplier;
import org.braindyn.jit.Jit;
import org.braindyn.jit.TracerError;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * The shared arguments of one simulation step (BrainPy's {@code bp.share}): time {@code t} (ms), step index
 * {@code i}, step {@code dt} (ms) and whether the model is being fitted. Runners bind them for the duration of a
 * step; models read them with {@link #current()} instead of receiving them as arguments.
 * <pre>{@code
 * double t = Shared.current().t();
 * Shared.with(new Shared(0, 0, 0.1, false), () -> net.update());
 * }</pre>
 */
public record Shared(double t, long i, double dt, boolean fit) {
    private static final ScopedValue<Shared> CURRENT = ScopedValue.newInstance();
    private static final ScopedValue<Tensor> TIME = ScopedValue.newInstance();

    public Shared {
        if (!(dt > 0)) throw new IllegalArgumentException("Shared.dt: must be > 0 ms; got " + dt);
    }

    /**
     * The time {@code t} as a Java number. Inside a compiled run the time changes from step to step inside
     * compiled code, so it is only available as a tensor: use {@link #time(DType)}.
     */
    @Override public double t() {
        if (TIME.isBound() && Jit.isTracing())
            throw new TracerError("Shared.t(): a model read the time as a Java number inside a compiled run, where it is a traced value; "
                    + "use Shared.current().time(dtype) (a scalar tensor) instead");
        return t;
    }

    /**
     * The step index. Inside a compiled run it is not a Java number (a component that indexes a Java-held buffer
     * by it runs in eager runs only; spike delays do not need it).
     */
    @Override public long i() {
        if (TIME.isBound() && Jit.isTracing())
            throw new TracerError("Shared.i(): a component read the step index as a Java number inside a compiled run "
                    + "(e.g. to index a Java-held buffer); run this model with DSRunner.jit(false)");
        return i;
    }

    /** The time as a scalar tensor of {@code dtype}: the traced time inside a compiled run, else {@code t}. */
    public Tensor time(DType dtype) {
        if (TIME.isBound()) return TIME.get().astype(dtype);
        return BM.scalar(t, dtype);
    }

    /** Runs {@code body} with {@code s} bound and its time given by the (possibly traced) scalar tensor {@code time}. */
    public static void with(Shared s, Tensor time, Runnable body) {
        ScopedValue.where(CURRENT, s).where(TIME, time).run(body);
    }

    /** True inside a step bound by a runner ({@link #with}). */
    public static boolean isBound() { return CURRENT.isBound(); }

    /** The values bound now, or {@code t = 0, i = 0, dt = Config.dt()} outside a runner. */
    public static Shared current() { return CURRENT.isBound() ? CURRENT.get() : new Shared(0, 0, Config.dt(), false); }

    /** Runs {@code body} with {@code s} bound. */
    public static <T> T with(Shared s, Supplier<T> body) { return ScopedValue.where(CURRENT, s).call(body::get); }

    /** Runs {@code body} with {@code s} bound. */
    public static void with(Shared s, Runnable body) { ScopedValue.where(CURRENT, s).run(body); }
}
