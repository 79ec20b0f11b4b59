package org.braindyn.train;

import java.io.PrintStream;
import java.util.function.BinaryOperator;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.nn.Node;
import org.braindyn.optim.Optimizer;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Back-propagation for feed-forward nodes without a time axis (BrainPy's {@code bp.BPFF(model, loss, optimizer)}):
 * each step takes a shuffled mini-batch of the rows, differentiates {@code loss(model(x), y)} with respect to the
 * optimizer's variables and applies one update. Typical use (SPEC Q4): fit a {@code Dense} readout on states collected
 * from a reservoir.
 * <pre>{@code
 * Dense readout = Dense.builder(100, 3).trainable(true).build();
 * BPFF bp = new BPFF(readout, Losses::meanSquaredError, new Adam(1e-3, readout.trainVars().values()));
 * double[] losses = bp.fit(states, targets, 64, 10, 0);    // one mean loss per epoch
 * }</pre>
 */
public final class BPFF {
    private final Node model;
    private final BinaryOperator<Tensor> loss;
    private final Optimizer optimizer;
    private PrintStream log;
    private int report = 0;

    public BPFF(Node model, BinaryOperator<Tensor> loss, Optimizer optimizer) {
        if (model == null || loss == null || optimizer == null) throw new IllegalArgumentException("BPFF: model, loss and optimizer must not be null");
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    /** Prints {@code Train N steps, use S s, train loss L} every {@code everySteps} steps to {@code out} (BrainPy's {@code num_report}). */
    public BPFF report(PrintStream out, int everySteps) {
        if (everySteps < 1) throw new IllegalArgumentException("BPFF.report: everySteps must be >= 1; got " + everySteps);
        this.log = out;
        this.report = everySteps;
        return this;
    }

    /** The model's output {@code (n, out)} for rows {@code x} {@code (n, in)}. */
    public Tensor predict(Tensor x) { return model.forward(x, null); }

    /**
     * Trains for {@code epochs} passes over the rows of {@code x} {@code (n, in)} and {@code y} {@code (n, out)} in
     * shuffled batches of {@code batchSize}; returns the mean training loss of each epoch.
     */
    public double[] fit(Tensor x, Tensor y, int batchSize, int epochs, int seed) {
        if (x.ndim() != 2 || x.dim(1) != model.inFeatures())
            throw new IllegalArgumentException("BPFF.fit: inputs must have shape (n, " + model.inFeatures() + "); got " + x.shape());
        if (y.ndim() != 2 || y.dim(0) != x.dim(0) || y.dim(1) != model.outFeatures())
            throw new IllegalArgumentException("BPFF.fit: targets must have shape (" + x.dim(0) + ", " + model.outFeatures() + "); got " + y.shape());
        if (batchSize < 1 || epochs < 1) throw new IllegalArgumentException("BPFF.fit: batchSize and epochs must be >= 1; got " + batchSize + ", " + epochs);
        int n = x.dim(0);
        RandomState rng = new RandomState(seed);
        double[] out = new double[epochs];
        long t0 = System.nanoTime();
        int steps = 0;
        double recent = 0;
        for (int e = 0; e < epochs; e++) {
            Tensor order = rng.permutation(n);
            double sum = 0;
            int batches = 0;
            for (int s = 0; s < n; s += batchSize) {
                Tensor idx = order.get(s + ":" + Math.min(n, s + batchSize));
                Tensor xb = BM.take(x, idx, 0), yb = BM.take(y, idx, 0);
                Autodiff.Result g = Autodiff.grad(a -> loss.apply(model.forward(xb, null), yb)).gradVars(optimizer.vars()).returnValue(true).apply();
                optimizer.update(g.varGrads());
                double l = g.value().item();
                sum += l;
                recent += l;
                batches++;
                steps++;
                if (log != null && steps % report == 0) {
                    log.printf("Train %d steps, use %.4f s, train loss %.5f%n", steps, (System.nanoTime() - t0) / 1e9, recent / report);
                    recent = 0;
                }
            }
            out[e] = sum / batches;
        }
        return out;
    }
}
