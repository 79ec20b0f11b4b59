package org.braindyn.dyn;

import java.util.function.Supplier;
import org.braindyn.tensor.Config;

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

    public Shared {
        if (!(dt > 0)) throw new IllegalArgumentException("Shared.dt: must be > 0 ms; got " + dt);
    }

    /** The values bound now, or {@code t = 0, i = 0, dt = Config.dt()} outside a runner. */
    public static Shared current() { return CURRENT.isBound() ? CURRENT.get() : new Shared(0, 0, Config.dt(), false); }

    /** Runs {@code body} with {@code s} bound. */
    public static <T> T with(Shared s, Supplier<T> body) { return ScopedValue.where(CURRENT, s).call(body::get); }

    /** Runs {@code body} with {@code s} bound. */
    public static void with(Shared s, Runnable body) { ScopedValue.where(CURRENT, s).run(body); }
}
