package org.braindyn.dyn;

import org.braindyn.random.RandomState;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Independent Poisson spike trains (BrainPy's {@code PoissonGroup}): each neuron spikes in a step with probability
 * {@code rate·dt} (rates in Hz, dt in ms), from its own seeded random state. Runs in compiled loops too: the
 * spikes are a {@link org.braindyn.jit.Jit#hostValue host value} drawn before each step, so a compiled run draws
 * exactly the eager run's numbers and follows {@link #rates(Tensor) rate changes} between steps.
 */
public final class PoissonGroup extends NeuronGroup {
    private volatile Tensor rates;
    private final RandomState rng;
    /** Spikes of the last step. */
    public final Variable spike;

    /** @param rates one rate per neuron in Hz (or a scalar for all) */
    public PoissonGroup(String name, int size, Tensor rates, RandomState rng) {
        super(name, size);
        if (rates == null) throw new IllegalArgumentException(this + ".rates: required (Hz), one per neuron or a scalar");
        this.rates = checked(rates, size);
        this.rng = rng == null ? new RandomState(0) : rng;
        this.spike = new Variable(BM.zeros(Shape.of(size), DType.BOOL));
    }

    private Tensor checked(Tensor rates, int size) {
        Tensor hz = rates.astype(DType.F64);
        if (hz.size() != 1 && hz.size() != size)
            throw new IllegalArgumentException(this + ".rates: " + hz.size() + " rates for " + size + " neurons; expected one per neuron or a scalar (Hz)");
        if (!BM.all(BM.logicalAnd(hz.ge(0), BM.isfinite(hz))).getBool())
            throw new IllegalArgumentException(this + ".rates: must be finite and >= 0 Hz for every neuron; got min " + BM.min(hz).item() + " Hz");
        return hz;
    }

    /** The rates now, Hz. */
    public Tensor rates() { return rates; }

    /**
     * Changes the rates (Hz, one per neuron or a scalar) from the next step on, also inside a compiled run that is
     * already traced (a stimulus switched on, or re-drawn every 50 ms): the spikes are drawn by Java before each step.
     */
    public void rates(Tensor hz) { this.rates = checked(hz, num()); }

    @Override public Tensor update(Tensor... inputs) {
        double dt = Shared.current().dt();
        // a host value: inside a compiled run the spikes are drawn by Java before each step, from the same stream and rates
        spike.set(org.braindyn.jit.Jit.hostValue(DType.BOOL, Shape.of(num()),
                () -> rng.random(num()).astype(DType.F64).lt(rates.mul(dt / 1000.0))));
        input.fill(0);
        return spike.value();
    }

    @Override public Tensor spike() { return spike.value(); }

    @Override public void resetState(int batchSize) { spike.fill(0); }
}
