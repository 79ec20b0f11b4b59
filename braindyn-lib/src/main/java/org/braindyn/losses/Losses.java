package org.braindyn.losses;

import static org.braindyn.tensor.BM.*;

import java.util.Collection;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Losses and metrics (BrainPy's {@code bp.losses}); every one is differentiable with {@code Autodiff} and checks its
 * operands, naming the shapes it got and expected. Class targets may be integer labels {@code (batch,)} or one-hot /
 * probability rows {@code (batch, classes)}.
 * <table>
 *   <caption>Losses</caption>
 *   <tr><th>loss</th><th>per sample / element</th><th>default reduction</th></tr>
 *   <tr><td>{@link #crossEntropy}</td><td>−Σ_c t_c·log softmax(z)_c, with optional label smoothing</td><td>mean</td></tr>
 *   <tr><td>{@link #softmaxCrossEntropy}</td><td>the same with probability targets</td><td>none</td></tr>
 *   <tr><td>{@link #sigmoidBinaryCrossEntropy}</td><td>max(z, 0) − z·t + log(1 + e^−|z|)</td><td>none</td></tr>
 *   <tr><td>{@link #nll}</td><td>−log p_t for log-probabilities</td><td>mean</td></tr>
 *   <tr><td>{@link #l1Loss}</td><td>Σ |z − t| over a sample's features</td><td>sum</td></tr>
 *   <tr><td>{@link #l2Loss}</td><td>½(z − t)²</td><td>none</td></tr>
 *   <tr><td>{@link #huberLoss}</td><td>½x² for |x| ≤ δ, δ(|x| − ½δ) beyond</td><td>none</td></tr>
 *   <tr><td>{@link #meanSquaredError}, {@link #meanAbsoluteError}, {@link #meanSquaredLogError}</td><td>(z − t)², |z − t|, (log(1 + t) − log(1 + z))²</td><td>mean</td></tr>
 *   <tr><td>{@link #logCosh}</td><td>log cosh(z − t)</td><td>none</td></tr>
 * </table>
 * {@link #l2Norm} is the L2 norm of a collection of states (a regulariser); {@link #accuracy} the fraction of
 * samples whose largest logit is the label.
 */
public final class Losses {
    private Losses() {}

    private static void same(String who, Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape()))
            throw new IllegalArgumentException("Losses." + who + ": predictions have shape " + a.shape() + " but targets have " + b.shape() + "; expected the same shape");
    }

    private static Tensor diff(String who, Tensor pred, Tensor target) {
        same(who, pred, target);
        return pred.sub(target.astype(pred.dtype()));
    }

    /** Targets as probability rows: integer labels {@code (batch,)} become one-hot rows of {@code logits.dim(-1)} classes. */
    static Tensor probabilities(String who, Tensor logits, Tensor targets) {
        if (logits.ndim() < 1) throw new IllegalArgumentException("Losses." + who + ": logits must have a class axis; got a scalar");
        int classes = logits.dim(-1);
        if (targets.dtype() == DType.I32) {
            if (targets.ndim() != logits.ndim() - 1 || !targets.shape().equals(org.braindyn.tensor.Shape.of(java.util.Arrays.copyOf(logits.shape().toArray(), logits.ndim() - 1))))
                throw new IllegalArgumentException("Losses." + who + ": integer labels must have shape " + org.braindyn.tensor.Shape.of(java.util.Arrays.copyOf(logits.shape().toArray(), logits.ndim() - 1)) + " for logits " + logits.shape() + "; got " + targets.shape());
            int lo = (int) min(targets).item(), hi = (int) max(targets).item();
            if (targets.size() > 0 && (lo < 0 || hi >= classes))
                throw new IllegalArgumentException("Losses." + who + ": labels must lie in 0 … " + (classes - 1) + "; got values from " + lo + " to " + hi);
            return oneHot(targets, classes).astype(logits.dtype());
        }
        same(who, logits, targets);
        return targets.astype(logits.dtype());
    }

    /** {@code (1 − α)·targets + α/classes} (BrainPy's {@code smooth_labels}), α in [0, 1]. */
    public static Tensor smoothLabels(Tensor probabilities, double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("Losses.smoothLabels: alpha must be in [0, 1]; got " + alpha);
        return probabilities.mul(1 - alpha).add(alpha / probabilities.dim(-1));
    }

    /** Cross-entropy of softmax(logits) against labels or probability rows, mean over samples. */
    public static Tensor crossEntropy(Tensor logits, Tensor targets) { return crossEntropy(logits, targets, 0, Reduction.MEAN); }

    /** Cross-entropy with label smoothing α and a reduction over samples. */
    public static Tensor crossEntropy(Tensor logits, Tensor targets, double labelSmoothing, Reduction reduction) {
        Tensor t = probabilities("crossEntropy", logits, targets);
        if (labelSmoothing > 0) t = smoothLabels(t, labelSmoothing);
        return reduction.apply(negative(sum(t.mul(logSoftmax(logits)), -1)));
    }

    /** Per-sample {@code −Σ t·log softmax(z)} for probability targets (BrainPy's {@code softmax_cross_entropy}). */
    public static Tensor softmaxCrossEntropy(Tensor logits, Tensor probabilities) {
        same("softmaxCrossEntropy", logits, probabilities);
        return negative(sum(probabilities.astype(logits.dtype()).mul(logSoftmax(logits)), -1));
    }

    /** Elementwise binary cross-entropy of sigmoid(logits) against labels in [0, 1], computed stably. */
    public static Tensor sigmoidBinaryCrossEntropy(Tensor logits, Tensor labels) {
        same("sigmoidBinaryCrossEntropy", logits, labels);
        Tensor z = labels.astype(logits.dtype());
        return maximum(logits, zerosLike(logits)).sub(logits.mul(z)).add(log1p(exp(negative(abs(logits)))));
    }

    /** Negative log-likelihood of integer labels under log-probabilities {@code (batch, classes)}, mean over samples. */
    public static Tensor nll(Tensor logProbs, Tensor labels) { return nll(logProbs, labels, Reduction.MEAN); }

    /** {@link #nll(Tensor, Tensor)} with a reduction. */
    public static Tensor nll(Tensor logProbs, Tensor labels, Reduction reduction) {
        return reduction.apply(negative(sum(probabilities("nll", logProbs, labels).mul(logProbs), -1)));
    }

    /** Per-sample L1 norm of the error (features flattened), summed over samples (BrainPy's default). */
    public static Tensor l1Loss(Tensor pred, Tensor target) { return l1Loss(pred, target, Reduction.SUM); }

    /** {@link #l1Loss(Tensor, Tensor)} with a reduction over samples. */
    public static Tensor l1Loss(Tensor pred, Tensor target, Reduction reduction) {
        Tensor d = abs(diff("l1Loss", pred, target));
        return reduction.apply(d.ndim() <= 1 ? d : sum(d.reshape(d.dim(0), -1), 1));
    }

    /** Elementwise {@code ½(pred − target)²}. */
    public static Tensor l2Loss(Tensor pred, Tensor target) { return square(diff("l2Loss", pred, target)).mul(0.5); }

    /** {@code √(Σ x²)} over every element of every state (BrainPy's {@code l2_norm} of a pytree). */
    public static Tensor l2Norm(Collection<? extends Variable> states) {
        if (states.isEmpty()) throw new IllegalArgumentException("Losses.l2Norm: needs at least one state");
        Tensor s = null;
        for (Variable v : states) {
            Tensor t = sum(square(v.value()));
            s = s == null ? t : s.add(t);
        }
        return sqrt(s);
    }

    /** Elementwise Huber loss with threshold δ > 0 (BrainPy's default 1). */
    public static Tensor huberLoss(Tensor pred, Tensor target, double delta) {
        if (!(delta > 0)) throw new IllegalArgumentException("Losses.huberLoss: delta must be > 0; got " + delta);
        Tensor a = abs(diff("huberLoss", pred, target));
        Tensor quad = minimum(a, full(a.shape(), delta, a.dtype()));
        return quad.square().mul(0.5).add(a.sub(quad).mul(delta));
    }

    /** {@code mean((pred − target)²)} over every element (BrainPy's {@code mean_squared_error}). */
    public static Tensor meanSquaredError(Tensor pred, Tensor target) { return mean(square(diff("meanSquaredError", pred, target))); }

    /** {@code mean((pred − target)²)} over {@code axes}. */
    public static Tensor meanSquaredError(Tensor pred, Tensor target, int... axes) { return mean(square(diff("meanSquaredError", pred, target)), axes); }

    /** {@code mean(|pred − target|)} (BrainPy's {@code mean_absolute_error}). */
    public static Tensor meanAbsoluteError(Tensor pred, Tensor target) { return mean(abs(diff("meanAbsoluteError", pred, target))); }

    /** {@code mean((log(1 + target) − log(1 + pred))²)}; both must exceed −1. */
    public static Tensor meanSquaredLogError(Tensor pred, Tensor target) {
        same("meanSquaredLogError", pred, target);
        return mean(square(log1p(target.astype(pred.dtype())).sub(log1p(pred))));
    }

    /** Elementwise {@code log cosh(pred − target)}, as {@code |x| + log(1 + e^−2|x|) − log 2} (no overflow). */
    public static Tensor logCosh(Tensor pred, Tensor target) {
        Tensor a = abs(diff("logCosh", pred, target));
        return a.add(log1p(exp(a.mul(-2)))).sub(Math.log(2));
    }

    /** The fraction of samples whose largest logit is at the label (integer labels {@code (batch,)}). */
    public static double accuracy(Tensor logits, Tensor labels) {
        if (labels.dtype() != DType.I32 || logits.ndim() != 2 || labels.ndim() != 1 || labels.dim(0) != logits.dim(0))
            throw new IllegalArgumentException("Losses.accuracy: needs logits (batch, classes) and int32 labels (batch,); got " + logits.shape() + " and " + labels.dtype() + " " + labels.shape());
        return mean(equal(argmax(logits, -1), labels).astype(DType.F64)).item();
    }
}
