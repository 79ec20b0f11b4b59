package org.braindyn.train;

/**
 * How an {@link OnlineTrainer} updates a readout at every step (BrainPy's {@code bp.algorithms.online}). With the
 * design row {@code h = [1, features]} (constant first when the readout has a bias), the readout matrix {@code W}
 * ({@code [b; W; W_fb]}), the output {@code z = h·W} computed before the update and the error {@code e = z − y}:
 * <table>
 *   <caption>Online methods</caption>
 *   <tr><th>method</th><th>per step</th></tr>
 *   <tr><td>{@link Rls} (FORCE)</td><td>{@code k = P·hᵀ,  c = 1/(1 + h·k),  P ← P − c·k·kᵀ,  W ← W − c·k·e}; {@code P₀ = α·I}</td></tr>
 *   <tr><td>{@link Lms}</td><td>{@code W ← W − α·hᵀ·e}</td></tr>
 * </table>
 * RLS from {@code W₀ = 0} gives after n steps exactly the ridge solution {@code (XᵀX + I/α)⁻¹XᵀY} of those n rows
 * (Sussillo and Abbott 2009 write {@code P₀ = I/α}; BrainPy's {@code alpha} is the reciprocal, kept here).
 */
public sealed interface OnlineMethod {
    /** Recursive least squares, FORCE learning (BrainPy's {@code RLS(alpha=0.1)} / {@code ForceLearning}); α > 0. */
    record Rls(double alpha) implements OnlineMethod {
        public Rls {
            if (!(alpha > 0 && Double.isFinite(alpha))) throw new IllegalArgumentException("Rls.alpha: must be finite and > 0 (P starts at alpha·I); got " + alpha);
        }
    }

    /** Least mean squares with learning rate α > 0 (BrainPy's {@code LMS(alpha=0.1)}). */
    record Lms(double alpha) implements OnlineMethod {
        public Lms {
            if (!(alpha > 0 && Double.isFinite(alpha))) throw new IllegalArgumentException("Lms.alpha: must be finite and > 0; got " + alpha);
        }
    }
}
