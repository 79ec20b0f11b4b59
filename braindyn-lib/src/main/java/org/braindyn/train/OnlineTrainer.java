package org.braindyn.train;

import static org.braindyn.tensor.BM.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.jit.Loops;
import org.braindyn.nn.Dense;
import org.braindyn.nn.Sequential;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * Trains a chain's readout while it runs, updating the weights at every step inside the compiled loop (BrainPy's
 * {@code bp.OnlineTrainer}; {@link ForceTrainer} is the FORCE shorthand). Feedback from the readout carries the
 * readout's own output (not the target), as in FORCE learning. Sequences are {@code (1, time, features)}: the RLS
 * matrix belongs to one running network.
 * <pre>{@code
 * OnlineTrainer t = new OnlineTrainer(net, new OnlineMethod.Rls(1.0));
 * Tensor zTrain = t.fit(xs, targets);          // outputs during training (before each update)
 * Tensor zFree = net.predict(xsAfter, false);  // then the network runs on its own
 * }</pre>
 */
public final class OnlineTrainer {
    private final Sequential model;
    private final Dense readout;
    private final OnlineMethod method;
    private Variable p;

    /** @param model the chain; its last node must be a {@link Dense} readout */
    public OnlineTrainer(Sequential model, OnlineMethod method) {
        if (model == null) throw new IllegalArgumentException("OnlineTrainer: model must not be null");
        if (method == null) throw new IllegalArgumentException("OnlineTrainer: method must not be null; e.g. new OnlineMethod.Rls(0.1)");
        if (!(model.readout() instanceof Dense d))
            throw new IllegalArgumentException("OnlineTrainer: the last node of " + model.label() + " must be a Dense readout to train; got " + model.readout().label());
        this.model = model;
        this.readout = d;
        this.method = method;
    }

    /** The method. */
    public OnlineMethod method() { return method; }

    /** The RLS matrix {@code P} (null before the first fit and for LMS). */
    public Variable p() { return p; }

    /** Forgets the RLS matrix: the next fit starts again from {@code P = α·I}. */
    public void resetP() { p = null; }

    /** {@link #fit(Tensor, Tensor, boolean)} continuing from the current states. */
    public Tensor fit(Tensor xs, Tensor ys) { return fit(xs, ys, false); }

    /**
     * Runs the chain over {@code xs} {@code (1, time, in)}, updating the readout after every step toward
     * {@code ys} {@code (1, time, out)}; returns the outputs {@code (1, time, out)} each computed before its update.
     * The RLS matrix persists across calls (training can continue in pieces).
     */
    public Tensor fit(Tensor xs, Tensor ys, boolean resetState) {
        int in = model.inFeatures(), out = model.outFeatures();
        if (xs == null || xs.ndim() != 3 || xs.dim(2) != in)
            throw new IllegalArgumentException("OnlineTrainer.fit: inputs must have shape (1, time, " + in + "); got " + (xs == null ? "null" : xs.shape()));
        if (ys == null || ys.ndim() != 3 || ys.dim(2) != out || ys.dim(0) != xs.dim(0) || ys.dim(1) != xs.dim(1))
            throw new IllegalArgumentException("OnlineTrainer.fit: targets must have shape (" + xs.dim(0) + ", " + xs.dim(1) + ", " + out + ") to match the inputs; got " + (ys == null ? "null" : ys.shape()));
        if (xs.dim(0) != 1)
            throw new IllegalArgumentException("OnlineTrainer.fit: online training runs one sequence at a time; got a batch of " + xs.dim(0) + ". Fit the sequences one after another");
        model.prepare(1, resetState);
        int rows = readout.fittedRows();
        if (method instanceof OnlineMethod.Rls r && p == null)
            p = new Variable(eye(rows).astype(DType.F64).mul(r.alpha()), "P");
        Tensor xt = xs.transpose(1, 0, 2), yt = ys.transpose(1, 0, 2);
        Tensor zs;
        if (model.jit()) zs = Loops.forLoop(a -> new Tensor[] {step(a[0], a[1])}, xt, yt)[0];
        else {
            List<Tensor> z = new ArrayList<>();
            for (int t = 0; t < xt.dim(0); t++) z.add(step(xt.get(Index.at(t)), yt.get(Index.at(t))));
            zs = stack(z.toArray(Tensor[]::new));
        }
        return zs.transpose(1, 0, 2);
    }

    /** One step: run, then update the readout from the error of the output it just gave. */
    private Tensor step(Tensor x, Tensor y) {
        Sequential.Step s = model.step(x, null);
        Tensor z = s.output();                                       // (1, out)
        Tensor h = s.readoutInput().astype(DType.F64);               // (1, features)
        if (readout.hasBias()) h = concatenate(1, ones(1, 1).astype(DType.F64), h);
        else h = concatenate(1, zeros(1, 1).astype(DType.F64), h);   // the zero bias row stays zero
        Tensor e = z.astype(DType.F64).sub(y.astype(DType.F64));     // (1, out)
        Tensor w = readout.fitted().astype(DType.F64);               // (rows, out)
        Tensor nw = switch (method) {
            case OnlineMethod.Rls r -> {
                Tensor k = matmul(p.value(), h.transpose());           // (rows, 1)
                Tensor c = divide(scalar(1.0, DType.F64), matmul(h, k).add(1.0));
                // rank-one updates as broadcast products: one fused pass over P, written into its loop carry
                p.set(p.value().sub(k.mul(k.transpose()).mul(c)));
                yield w.sub(k.mul(e).mul(c));
            }
            case OnlineMethod.Lms l -> w.sub(h.transpose().mul(e).mul(l.alpha()));
        };
        readout.setFitted(nw);
        return z;
    }
}
