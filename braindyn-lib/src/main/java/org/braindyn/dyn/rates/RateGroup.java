package org.braindyn.dyn.rates;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.analysis.Analyzable;
import org.braindyn.analysis.VectorField;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.StepIntegrator;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;

/**
 * A population of two-variable rate units (BrainPy's {@code bp.dyn.rates}): states {@code x} and {@code y},
 * external inputs {@code input} (to x, BrainPy's {@code x_ext}) and {@code inputY} (to y), both cleared after each
 * update, integrated by the chosen method. {@link #spike()} returns x (the activity that couplings read).
 */
public abstract class RateGroup extends NeuronGroup implements Analyzable {
    /** The first state variable (activity, or E rate). */
    public final Variable x;
    /** The second state variable (recovery, or I rate). */
    public final Variable y;
    /** External input to y, cleared after each update. */
    public final Variable inputY;
    private final StepIntegrator integrator;
    private final Object xInit, yInit;
    final String label;

    /** Ornstein–Uhlenbeck noise added to the inputs of x and y (null: none). */
    private final org.braindyn.dyn.neurons.OUProcess xNoise, yNoise;

    /**
     * The OU noise options every rate model takes (BrainPy's {@code x_ou_mean, x_ou_sigma, x_ou_tau} and the same for
     * y): a process is attached to a variable when its sigma is above 0 (or its mean is not 0), stepped by
     * Euler–Maruyama with the model, and its value added to that variable's input.
     */
    public record Noise(double xMean, double xSigma, double xTau, double yMean, double ySigma, double yTau, int seed) {
        /** No noise (BrainPy's defaults: sigma 0, tau 5 ms). */
        public static final Noise NONE = new Noise(0, 0, 5, 0, 0, 5, 0);
    }

    RateGroup(String name, int size, String method, Object xInit, Object yInit) { this(name, size, method, xInit, yInit, Noise.NONE); }

    RateGroup(String name, int size, String method, Object xInit, Object yInit, Noise noise) {
        super(name, size);
        label = getClass().getSimpleName() + (name == null ? "" : " '" + name + "'");
        integrator = new StepIntegrator(method, this::derivative);
        this.xInit = xInit;
        this.yInit = yInit;
        x = state(initial(xInit, "xInit"));
        y = state(initial(yInit, "yInit"));
        inputY = state(BM.zerosLike(x.value()));
        xNoise = noise.xSigma() != 0 || noise.xMean() != 0 ? ou(name, "x", size, noise.xMean(), noise.xSigma(), noise.xTau(), noise.seed()) : null;
        yNoise = noise.ySigma() != 0 || noise.yMean() != 0 ? ou(name, "y", size, noise.yMean(), noise.ySigma(), noise.yTau(), noise.seed() + 1) : null;
    }

    private org.braindyn.dyn.neurons.OUProcess ou(String name, String var, int size, double mean, double sigma, double tau, int seed) {
        try {
            return org.braindyn.dyn.neurons.OUProcess.builder(size).mean(mean).sigma(sigma).tau(tau).seed(seed).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + "." + var + "Ou: " + e.getMessage(), e);
        }
    }

    Supplier<Tensor> param(String pname, String unit, Object spec, ParamSpec.Rule rule) {
        return ParamSpec.resolve(label, pname, unit, spec, num(), rule);
    }

    private Tensor initial(Object spec, String what) {
        Tensor t = ParamSpec.resolve(label, what, "", spec, num(), ParamSpec.Rule.FINITE).get();
        return BM.broadcastTo(t.astype(Config.defaultFloat()), stateShape()).contiguous();
    }

    /** The right-hand side; {@code p[0]} is the input to x, {@code p[1]} the input to y. */
    abstract Derivative derivative();

    /** A hook adding to x's input before each step (e.g. delayed self-feedback); none (null) by default. */
    Tensor feedback() { return null; }

    /** A hook after each step (e.g. rectification); the identity by default. */
    Tensor[] after(Tensor[] xy) { return xy; }

    @Override public final Tensor update(Tensor... inputs) {
        Tensor ix = totalInput(x.value(), inputs.length > 0 ? inputs[0] : null), iy = inputY.value();
        Tensor fb = feedback();
        if (fb != null) ix = ix.add(fb);
        if (xNoise != null) ix = ix.add(xNoise.update());
        if (yNoise != null) iy = iy.add(yNoise.update());
        Tensor[] next = after(integrator.step(new Tensor[] {x.value(), y.value()}, ix, iy));
        x.set(next[0].astype(x.dtype()));
        y.set(next[1].astype(y.dtype()));
        input.fill(0);
        inputY.fill(0);
        return x.value();
    }

    @Override public final Tensor spike() { return x.value(); }

    @Override public final void resetState(int batchSize) {
        resizeBatch(batchSize);
        x.set(initial(xInit, "xInit"));
        y.set(initial(yInit, "yInit"));
        inputY.set(BM.zerosLike(x.value()));
        if (xNoise != null) xNoise.resetState(batchSize);
        if (yNoise != null) yNoise.resetState(batchSize);
    }

    /** The integration method's BrainPy name. */
    public final String method() { return integrator.method(); }

    /** The dynamics for the analysers: variables {@code x, y}, parameters {@code x_ext, y_ext}; parameters must be homogeneous. */
    @Override public final VectorField vectorField() {
        for (Supplier<Tensor> p : parameters())
            if (BM.max(p.get()).item() != BM.min(p.get()).item())
                throw new IllegalStateException(label + ".vectorField: parameters differ between units; analyse one value at a time");
        return VectorField.of(derivative(), List.of("x", "y"), List.of("x_ext", "y_ext"));
    }

    /** Every parameter, for the homogeneity check. */
    abstract List<Supplier<Tensor>> parameters();
}
