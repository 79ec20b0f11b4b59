package org.braindyn.integrators;

import java.util.Locale;
import java.util.function.DoubleFunction;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * A delay indexed by time (BrainPy's {@code bm.TimeDelay}): a ring buffer of the variable's values at
 * {@code t0, t0 + dt, …}, read at any past time by linear interpolation (default) or rounding to the nearest
 * stored step. Before {@code t0} the history {@code beforeT0} answers: a constant, an array or a function of t.
 * Asking for the future is an error, as is asking further back than the buffer holds.
 * <pre>{@code
 * TimeDelay d = new TimeDelay(BM.zeros(2), 10, 1.0, 0, t -> BM.full(new int[] {2}, t), TimeDelay.Interp.LINEAR);
 * d.at(0.0);     // [0, 0]      (the value stored at t0)
 * d.at(-0.5);    // [-0.5, -0.5] (history)
 * d.at(0.1);     // error: the request time should be less than the current time 0
 * }</pre>
 */
public class TimeDelay {
    /** How values between stored steps are read. */
    public enum Interp { LINEAR, ROUND }

    private final double delayLen, dt, t0;
    private final DoubleFunction<Tensor> beforeT0;
    private final Interp interp;
    private final Tensor[] buf;
    private final Tensor init;
    private int head;            // index of the newest entry
    private long count;          // entries written (≥ 1)

    /**
     * @param target    the variable's value at {@code t0} (shape and dtype of every entry)
     * @param delayLen  longest delay that will be asked for, ms
     * @param dt        step between updates, ms
     * @param t0        time of {@code target}
     * @param beforeT0  history for {@code t < t0} (null: the value at t0)
     * @param interp    interpolation
     */
    public TimeDelay(Tensor target, double delayLen, double dt, double t0, DoubleFunction<Tensor> beforeT0, Interp interp) {
        if (!(delayLen >= 0)) throw new IllegalArgumentException("TimeDelay.delayLen: must be >= 0 ms; got " + delayLen);
        OdeIntegrator.requireDt(dt);
        this.delayLen = delayLen;
        this.dt = dt;
        this.t0 = t0;
        this.init = target;
        this.beforeT0 = beforeT0 != null ? beforeT0 : t -> target;
        this.interp = interp;
        this.buf = new Tensor[(int) Math.ceil(delayLen / dt) + 2];
        reset(target);
    }

    /** A delay with a constant history equal to {@code target}, linear interpolation. */
    public TimeDelay(Tensor target, double delayLen, double dt) { this(target, delayLen, dt, 0, null, Interp.LINEAR); }

    /** Empties the buffer and stores {@code value} at {@code t0}. */
    public final void reset(Tensor value) {
        java.util.Arrays.fill(buf, null);
        head = 0;
        buf[0] = value;
        count = 1;
    }

    /** The time of the newest stored value. */
    public double currentTime() { return t0 + (count - 1) * dt; }

    /** Stores the value at the next time step. */
    public void update(Tensor value) {
        org.braindyn.jit.Jit.refuseTracing("TimeDelay");
        if (!value.shape().equals(init.shape()))
            throw new IllegalArgumentException("TimeDelay.update: value of shape " + value.shape() + "; expected " + init.shape());
        head = (head + 1) % buf.length;
        buf[head] = value;
        count++;
    }

    /** The value at time {@code t} (≤ the current time). */
    public Tensor at(double t) {
        org.braindyn.jit.Jit.refuseTracing("TimeDelay");
        double now = currentTime();
        if (t > now + 1e-9 * Math.max(1, dt))
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "TimeDelay: The request time should be less than the current time %s. But we got %s > %s", fmt(now), fmt(t), fmt(now)));
        if (t < t0) return asShape(beforeT0.apply(t));
        double back = (now - t) / dt;                               // steps back from the newest entry
        if (back > Math.min(count - 1, buf.length - 1) + 1e-9)
            throw new IllegalArgumentException(String.format(Locale.ROOT, "TimeDelay: time %s is %.4g ms before the current time %s, "
                    + "beyond the delay length %s ms the buffer was built for; construct it with a longer delayLen", fmt(t), now - t, fmt(now), fmt(delayLen)));
        if (interp == Interp.ROUND) return entry((int) Math.round(back));
        int lo = (int) Math.floor(back + 1e-12);
        double frac = back - lo;
        if (frac < 1e-12 || lo + 1 > count - 1) return entry(lo);
        return entry(lo).mul(1 - frac).add(entry(lo + 1).mul(frac));
    }

    private Tensor entry(int stepsBack) { return buf[Math.floorMod(head - stepsBack, buf.length)]; }

    private Tensor asShape(Tensor h) {
        Tensor c = h.dtype() == init.dtype() ? h : h.astype(init.dtype());
        return c.shape().equals(init.shape()) ? c : BM.broadcastTo(c, init.shape().toArray());
    }

    private static String fmt(double v) { return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v); }

    /** The step between updates, ms. */
    public double dt() { return dt; }

}
