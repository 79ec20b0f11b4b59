package org.braindyn.dyn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A population of neurons (BrainPy's {@code NeuDyn}): {@code num} neurons laid out on a geometry (an int or a shape
 * such as {@code (10, 10)}), with an external {@code input} variable that inputs add to and that is cleared after
 * every update, and currents registered by projections ({@link #addCurrent}) evaluated at the membrane potential.
 */
public abstract class NeuronGroup extends DynamicalSystem {
    private final int[] geometry;
    private final int num;
    /** External input current, cleared at the end of each update. */
    public final Variable input;
    private final List<UnaryOperator<Tensor>> currents = new ArrayList<>();
    private final List<java.util.function.Supplier<Tensor>> jumps = new ArrayList<>();
    /** The mode in effect at construction (see {@link Mode}). */
    private final Mode mode = Mode.current();
    private int batch = mode.batchSize();

    protected NeuronGroup(String name, int... geometry) {
        super(name);
        if (geometry.length == 0) throw new IllegalArgumentException(getClass().getSimpleName() + ": size must be given");
        this.geometry = geometry.clone();
        this.num = Shape.of(geometry).size();
        if (num <= 0) throw new IllegalArgumentException(getClass().getSimpleName() + ": size must be positive; got " + Shape.of(geometry));
        this.input = state(BM.zeros(Shape.of(stateShape()), Config.defaultFloat()));
    }

    /** The mode the group was built in. */
    public final Mode mode() { return mode; }

    /** The current batch size (0 without a batch axis). */
    public final int batchSize() { return batch; }

    /** {@code (N,)}, or {@code (batch, N)} in a batching mode. */
    protected final int[] stateShape() { return Mode.shape(batch, num); }

    /** A state variable whose leading axis is the batch axis in a batching mode. */
    protected final Variable state(Tensor init) { return new Variable(init, null, mode.batched() ? 0 : -1); }

    /**
     * Sets the batch size for {@link #resetState(int)} (ignored without a batch axis, as in BrainPy) and clears the
     * input; subclasses then rebuild their states with {@link #stateShape()}.
     */
    protected final void resizeBatch(int batchSize) {
        if (mode.batched()) {
            if (batchSize < 1) throw new IllegalArgumentException(this + ".resetState: batch size must be >= 1 in " + mode.kind() + " mode; got " + batchSize);
            batch = batchSize;
        }
        input.set(BM.zeros(Shape.of(stateShape()), Config.defaultFloat()));
    }

    /** Number of neurons. */
    public final int num() { return num; }

    /** The geometry. */
    public final int[] geometry() { return geometry.clone(); }

    /** Registers a current {@code I(V)} (a projection's output) added to the input at every update. */
    public final void addCurrent(UnaryOperator<Tensor> current) { currents.add(current); }

    /** External input plus every registered current at potential {@code v}, plus {@code extra} inputs. */
    protected final Tensor totalInput(Tensor v, Tensor... extra) {
        Tensor i = input.value();
        for (UnaryOperator<Tensor> c : currents) i = i.add(c.apply(v));
        for (Tensor x : extra) if (x != null) i = i.add(x);
        return i;
    }

    /**
     * Registers a voltage jump (BrainPy's delta inputs, e.g. {@link DeltaProjection}): the value, in mV, is added to the
     * membrane potential right after each integration step, before the threshold test; neurons in their refractory
     * period keep their potential.
     */
    public final void addDeltaInput(java.util.function.Supplier<Tensor> jump) { jumps.add(jump); }

    /** {@code v} plus every registered voltage jump (no-op without delta inputs). */
    protected final Tensor withJumps(Tensor v) {
        for (var j : jumps) v = v.add(j.get().astype(v.dtype()));
        return v;
    }

    /** The spikes of the last update. */
    public abstract Tensor spike();

    private SpikeDelay spikeDelay;

    /**
     * This group's shared spike history, long enough for {@code steps} steps of delay: every projection from this
     * group with a delay reads the same buffer, as long as the longest of them.
     */
    public final SpikeDelay spikeDelay(int steps) {
        if (steps < 0) throw new IllegalArgumentException(this + ".spikeDelay: steps must be >= 0; got " + steps);
        if (spikeDelay == null) spikeDelay = new SpikeDelay(this, steps);
        else spikeDelay.require(steps);
        return spikeDelay;
    }
}
