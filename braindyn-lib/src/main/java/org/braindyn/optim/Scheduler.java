package org.braindyn.optim;

/**
 * Learning-rate schedules as data (BrainPy's {@code bp.optim} schedulers): {@link #at(int)} is the rate at update
 * number {@code i} (0 for the first update). Every optimizer takes a number (a {@link Constant}) or a schedule.
 * <table>
 *   <caption>Schedules</caption>
 *   <tr><th>schedule</th><th>rate at step i</th></tr>
 *   <tr><td>{@link Constant}</td><td>lr</td></tr>
 *   <tr><td>{@link ExponentialDecay}</td><td>lr·rate^(i/steps)</td></tr>
 *   <tr><td>{@link InverseTimeDecay}</td><td>lr/(1 + rate·i/steps), i/steps floored when staircase</td></tr>
 *   <tr><td>{@link PolynomialDecay}</td><td>(lr − final)·(1 − min(i, steps)/steps)^power + final</td></tr>
 *   <tr><td>{@link PiecewiseConstant}</td><td>values[number of boundaries b with i > b]</td></tr>
 *   <tr><td>{@link StepLR}</td><td>lr·γ^⌊i/stepSize⌋</td></tr>
 *   <tr><td>{@link MultiStepLR}</td><td>lr·γ^(number of milestones m with i ≥ m)</td></tr>
 *   <tr><td>{@link CosineAnnealingLR}</td><td>η_min + (lr − η_min)(1 + cos(π·i/T_max))/2</td></tr>
 *   <tr><td>{@link CosineAnnealingWarmRestarts}</td><td>the same within each period, periods T₀, T₀·m, T₀·m², …</td></tr>
 * </table>
 * <pre>{@code Adam opt = new Adam(new Scheduler.ExponentialDecay(1e-3, 1000, 0.9), model.trainVars().values());}</pre>
 */
public sealed interface Scheduler {
    /** The learning rate at update {@code i} (0-based). */
    double at(int i);

    private static double positive(String who, double v) {
        if (!(v > 0 && Double.isFinite(v))) throw new IllegalArgumentException(who + ": must be finite and > 0; got " + v);
        return v;
    }

    /** A fixed rate. */
    record Constant(double lr) implements Scheduler {
        public Constant { positive("Constant.lr", lr); }
        @Override public double at(int i) { return lr; }
    }

    /** {@code lr·rate^(i/steps)}. */
    record ExponentialDecay(double lr, int decaySteps, double decayRate) implements Scheduler {
        public ExponentialDecay { positive("ExponentialDecay.lr", lr); positive("ExponentialDecay.decaySteps", decaySteps); positive("ExponentialDecay.decayRate", decayRate); }
        @Override public double at(int i) { return lr * Math.pow(decayRate, (double) i / decaySteps); }
    }

    /** {@code lr/(1 + rate·i/steps)}. */
    record InverseTimeDecay(double lr, int decaySteps, double decayRate, boolean staircase) implements Scheduler {
        public InverseTimeDecay { positive("InverseTimeDecay.lr", lr); positive("InverseTimeDecay.decaySteps", decaySteps); positive("InverseTimeDecay.decayRate", decayRate); }
        @Override public double at(int i) {
            double r = (double) i / decaySteps;
            return lr / (1 + decayRate * (staircase ? Math.floor(r) : r));
        }
    }

    /** Polynomial decay from lr to finalLr over decaySteps, then finalLr. */
    record PolynomialDecay(double lr, int decaySteps, double finalLr, double power) implements Scheduler {
        public PolynomialDecay { positive("PolynomialDecay.lr", lr); positive("PolynomialDecay.decaySteps", decaySteps); positive("PolynomialDecay.power", power);
            if (!(finalLr >= 0)) throw new IllegalArgumentException("PolynomialDecay.finalLr: must be >= 0; got " + finalLr); }
        @Override public double at(int i) { return (lr - finalLr) * Math.pow(1 - Math.min(i, decaySteps) / (double) decaySteps, power) + finalLr; }
    }

    /** values[k] after k boundaries have been passed ({@code values.length = boundaries.length + 1}). */
    record PiecewiseConstant(int[] boundaries, double[] values) implements Scheduler {
        public PiecewiseConstant {
            if (values.length != boundaries.length + 1)
                throw new IllegalArgumentException("PiecewiseConstant: needs one more value than boundaries; got " + boundaries.length + " boundaries and " + values.length + " values");
            for (int k = 1; k < boundaries.length; k++) if (boundaries[k] <= boundaries[k - 1]) throw new IllegalArgumentException("PiecewiseConstant.boundaries: must increase; got " + java.util.Arrays.toString(boundaries));
            boundaries = boundaries.clone();
            values = values.clone();
        }
        @Override public double at(int i) {
            int k = 0;
            while (k < boundaries.length && i > boundaries[k]) k++;
            return values[k];
        }
    }

    /** {@code lr·γ^⌊i/stepSize⌋} (PyTorch's {@code StepLR}, γ default 0.1). */
    record StepLR(double lr, int stepSize, double gamma) implements Scheduler {
        public StepLR { positive("StepLR.lr", lr); positive("StepLR.stepSize", stepSize); positive("StepLR.gamma", gamma); }
        @Override public double at(int i) { return lr * Math.pow(gamma, i / stepSize); }
    }

    /** {@code lr·γ^(milestones passed)} (PyTorch's {@code MultiStepLR}). */
    record MultiStepLR(double lr, int[] milestones, double gamma) implements Scheduler {
        public MultiStepLR { positive("MultiStepLR.lr", lr); positive("MultiStepLR.gamma", gamma); milestones = milestones.clone(); java.util.Arrays.sort(milestones); }
        @Override public double at(int i) {
            int k = 0;
            for (int m : milestones) if (i >= m) k++;
            return lr * Math.pow(gamma, k);
        }
    }

    /** Cosine annealing from lr to etaMin over tMax steps (PyTorch's {@code CosineAnnealingLR}). */
    record CosineAnnealingLR(double lr, int tMax, double etaMin) implements Scheduler {
        public CosineAnnealingLR { positive("CosineAnnealingLR.lr", lr); positive("CosineAnnealingLR.tMax", tMax);
            if (!(etaMin >= 0)) throw new IllegalArgumentException("CosineAnnealingLR.etaMin: must be >= 0; got " + etaMin); }
        @Override public double at(int i) { return etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * i / tMax)) / 2; }
    }

    /** Cosine annealing restarted every period, periods T₀·m^k (PyTorch's {@code CosineAnnealingWarmRestarts}). */
    record CosineAnnealingWarmRestarts(double lr, int t0, int tMult, double etaMin) implements Scheduler {
        public CosineAnnealingWarmRestarts { positive("CosineAnnealingWarmRestarts.lr", lr); positive("CosineAnnealingWarmRestarts.t0", t0);
            if (tMult < 1) throw new IllegalArgumentException("CosineAnnealingWarmRestarts.tMult: must be >= 1; got " + tMult);
            if (!(etaMin >= 0)) throw new IllegalArgumentException("CosineAnnealingWarmRestarts.etaMin: must be >= 0; got " + etaMin); }
        @Override public double at(int i) {
            long period = t0, start = 0;
            while (i >= start + period) { start += period; period *= tMult; }
            return etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * (i - start) / period)) / 2;
        }
    }
}
