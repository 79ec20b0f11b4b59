package org.braindyn.dyn.neurons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.Shared;
import org.braindyn.random.Special;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Fractional-order neurons (BrainPy's {@code bp.dyn.FractionalNeuron}): each state variable obeys a Caputo
 * equation {@code D^α x = f(x, I)} of order {@code 0 < α ≤ 1}, stepped with the last {@code numMemory} steps of
 * history kept as a state (so compiled runs carry it like any other state):
 * <ul>
 * <li>Grünwald–Letnikov short memory ({@link Scheme#GL_SHORT_MEMORY}; {@code FractionalFHR}):
 *     {@code x_{n+1} = x₀ + dt^α f(x_n) − Σ_{j=1}^{L} w_j (x_{n+1−j} − x₀)}, {@code w₀ = 1, w_j = (1 − (1+α)/j) w_{j−1}};</li>
 * <li>the Caputo L1 scheme ({@link Scheme#CAPUTO_L1}; {@code FractionalIzhikevich}):
 *     {@code x_{n+1} = x_n + Γ(2−α) dt^α f(x_n) − Σ_{j=1}^{L} c_j Δ_{n+1−j}}, {@code c_j = (j+1)^{1−α} − j^{1−α}}, where
 *     {@code Δ_m} is the increment the scheme produced at step m (a reset after a spike is not an increment, as in
 *     BrainPy).</li>
 * </ul>
 * Terms older than {@code numMemory} steps are dropped. At {@code α = 1} both reduce to forward Euler. The step size
 * is the one of the first update; a run at another step size is refused.
 */
public abstract class FractionalNeuron extends NeuronGroup {
    /** The discretisation of the fractional derivative. */
    public enum Scheme { GL_SHORT_MEMORY, CAPUTO_L1 }

    /** Spikes of the last step. */
    public final Variable spike;
    final Variable[] vars;
    private final Variable[] hist;
    private final double[] alpha;
    private final int memory;
    private final Scheme scheme;
    private final Tensor[] x0;
    private Tensor[] coef;
    private double dt = Double.NaN;
    private final Map<String, Variable> byName = new LinkedHashMap<>();
    final String label;

    FractionalNeuron(String name, int size, Scheme scheme, double[] alpha, int numMemory, List<String> names, Tensor[] inits) {
        super(name, size);
        label = getClass().getSimpleName() + (name == null ? "" : " '" + name + "'");
        if (mode().batched()) throw new IllegalArgumentException(label + ": runs in the non-batching mode only (as BrainPy's); got " + mode().kind());
        if (numMemory < 1) throw new IllegalArgumentException(label + ".numMemory: must be >= 1 step; got " + numMemory);
        if (alpha.length != 1 && alpha.length != names.size())
            throw new IllegalArgumentException(label + ".alpha: one order or one per variable " + names + "; got " + alpha.length);
        this.alpha = new double[names.size()];
        for (int v = 0; v < names.size(); v++) {
            double a = alpha.length == 1 ? alpha[0] : alpha[v];
            if (!(a > 0 && a <= 1)) throw new IllegalArgumentException(label + ".alpha: the fractional order must be in (0, 1]; got " + a);
            this.alpha[v] = a;
        }
        this.memory = numMemory;
        this.scheme = scheme;
        vars = new Variable[names.size()];
        hist = new Variable[names.size()];
        x0 = new Tensor[names.size()];
        Map<String, Variable> implicit = new LinkedHashMap<>();
        for (int v = 0; v < vars.length; v++) {
            x0[v] = BM.broadcastTo(inits[v].astype(Config.defaultFloat()), size).contiguous();
            vars[v] = state(x0[v]);
            hist[v] = state(BM.zeros(Shape.of(memory, size), Config.defaultFloat()));
            implicit.put(names.get(v), vars[v]);
            byName.put(names.get(v), vars[v]);
            implicit.put(names.get(v) + "_memory", hist[v]);
        }
        registerImplicitVars(implicit);
        spike = state(BM.zeros(Shape.of(size), org.braindyn.tensor.DType.BOOL));
    }

    /** The fractional order of each variable. */
    public final double[] alpha() { return alpha.clone(); }

    /** The history length in steps. */
    public final int numMemory() { return memory; }

    /** The state variable {@code name}. */
    public final Variable variable(String name) {
        Variable v = byName.get(name);
        if (v == null) throw new IllegalArgumentException(label + ": no variable '" + name + "'; its variables are " + byName.keySet());
        return v;
    }

    /** {@code (1, L)} weights of the history rows, newest first, for each variable. */
    private Tensor[] coefficients() {
        double now = Shared.current().dt();
        if (coef != null) {
            if (Math.abs(now - dt) > 1e-12 * dt)
                throw new IllegalStateException(label + ": its fractional history was built at dt " + dt + " ms; run at dt " + now + " ms is refused (reset or rebuild it)");
            return coef;
        }
        dt = now;
        coef = new Tensor[alpha.length];
        for (int v = 0; v < alpha.length; v++) {
            double a = alpha[v], w = 1;
            double[] c = new double[memory];
            for (int j = 1; j <= memory; j++) {
                if (scheme == Scheme.GL_SHORT_MEMORY) { w *= 1 - (1 + a) / j; c[j - 1] = w; }
                else c[j - 1] = Math.pow(j + 1, 1 - a) - Math.pow(j, 1 - a);
            }
            coef[v] = BM.array(c).reshape(1, memory).astype(Config.defaultFloat());
        }
        return coef;
    }

    /**
     * One step of every variable from its current value {@code y} (after any reset) with derivatives {@code f},
     * pushing the history; returns the new values.
     */
    final Tensor[] fractionalStep(Tensor[] y, Tensor[] f) {
        Tensor[] c = coefficients(), out = new Tensor[y.length];
        for (int v = 0; v < y.length; v++) {
            Tensor h = hist[v].value(), markov = BM.matmul(c[v].astype(h.dtype()), h).reshape(num());
            double a = alpha[v];
            Tensor next, row;
            if (scheme == Scheme.GL_SHORT_MEMORY) {
                next = x0[v].astype(y[v].dtype()).add(f[v].mul(Math.pow(dt, a))).sub(markov.astype(y[v].dtype()));
                row = next.sub(x0[v].astype(next.dtype()));
            } else {
                next = y[v].add(f[v].mul(Math.exp(Special.lgamma(2 - a)) * Math.pow(dt, a))).sub(markov.astype(y[v].dtype()));
                row = next.sub(y[v]);
            }
            hist[v].set(BM.concatenate(0, row.astype(h.dtype()).reshape(1, num()), h.get(Index.slice(0, memory - 1))));
            out[v] = next;
        }
        return out;
    }

    /** Clears the history and restores the initial values. */
    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        for (int v = 0; v < vars.length; v++) {
            vars[v].set(x0[v]);
            hist[v].set(BM.zerosLike(hist[v].value()));
        }
        spike.set(BM.zerosLike(spike.value()));
    }

    @Override public final Tensor spike() { return spike.value(); }
}
