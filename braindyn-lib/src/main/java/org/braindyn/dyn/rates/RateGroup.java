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

    RateGroup(String name, int size, String method, Object xInit, Object yInit) {
        super(name, size);
        label = getClass().getSimpleName() + (name == null ? "" : " '" + name + "'");
        integrator = new StepIntegrator(method, this::derivative);
        this.xInit = xInit;
        this.yInit = yInit;
        x = state(initial(xInit, "xInit"));
        y = state(initial(yInit, "yInit"));
        inputY = state(BM.zerosLike(x.value()));
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

    /** A hook after each step (e.g. rectification); the identity by default. */
    Tensor[] after(Tensor[] xy) { return xy; }

    @Override public final Tensor update(Tensor... inputs) {
        Tensor ix = totalInput(x.value(), inputs.length > 0 ? inputs[0] : null);
        Tensor[] next = after(integrator.step(new Tensor[] {x.value(), y.value()}, ix, inputY.value()));
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
