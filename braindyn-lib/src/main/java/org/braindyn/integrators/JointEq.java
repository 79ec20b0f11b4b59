package org.braindyn.integrators;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.tensor.Tensor;

/**
 * Several separately written derivative functions merged into one system (BrainPy's {@code bp.JointEq}): every
 * part sees all state variables (in system order) and returns the derivatives of its own consecutive block of
 * variables; the blocks are concatenated in order. Because the merged system is stepped as one, all stages of a
 * multi-stage method use simultaneously updated states. A {@code JointEq} is a {@link Derivative}, so it nests.
 * <pre>{@code
 * Derivative dV = (y, t, p) -> new Tensor[] {...};       // uses y[0..3], returns dV
 * Derivative dGates = JointEq.of(dm, dh, dn);            // each returns one derivative
 * OdeIntegrator hh = Odeint.odeint(JointEq.of(dV, dGates), Method.EXP_AUTO, 0.05);
 * }</pre>
 */
public final class JointEq implements Derivative {
    private final Derivative[] parts;

    private JointEq(Derivative[] parts) { this.parts = parts.clone(); }

    /** The system of {@code parts}, in order. */
    public static JointEq of(Derivative... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("JointEq: needs at least one equation");
        for (int i = 0; i < parts.length; i++)
            if (parts[i] == null) throw new IllegalArgumentException("JointEq: equation " + i + " is null");
        return new JointEq(parts);
    }

    @Override public Tensor[] apply(Tensor[] vars, double t, Tensor[] params) {
        List<Tensor> out = new ArrayList<>(vars.length);
        for (int i = 0; i < parts.length; i++) {
            Tensor[] d = parts[i].apply(vars, t, params);
            if (d == null || d.length == 0)
                throw new IllegalArgumentException("JointEq: equation " + i + " returned no derivative; return one per variable it owns");
            for (Tensor x : d) out.add(x);
        }
        return out.toArray(Tensor[]::new);                // the integrator checks one derivative per variable
    }

    /** Number of equations (nested systems count once). */
    public int size() { return parts.length; }
}
