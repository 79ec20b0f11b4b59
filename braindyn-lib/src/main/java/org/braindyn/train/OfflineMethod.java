package org.braindyn.train;

import java.util.List;

/**
 * How an {@link OfflineTrainer} solves for readout weights from the collected states — methods as data
 * (BrainPy's {@code bp.algorithms.offline}). With design rows {@code X = [1, features]} (the constant column first
 * when the readout has a bias; BrainPy regularises it too) and targets {@code Y}:
 * <table>
 *   <caption>Offline methods</caption>
 *   <tr><th>method</th><th>solves</th><th>from</th></tr>
 *   <tr><td>{@link Ridge}</td><td>{@code W = (XᵀX + βI)⁻¹ XᵀY} (Cholesky; pseudo-inverse if singular)</td><td>XᵀX, XᵀY</td></tr>
 *   <tr><td>{@link Linear}</td><td>{@code W = pinv(XᵀX) XᵀY}, the minimum-norm least-squares solution</td><td>XᵀX, XᵀY</td></tr>
 *   <tr><td>{@link Lasso}</td><td>{@code min ‖Y − XW‖²/(2n) + α‖W‖₁} by coordinate descent</td><td>XᵀX, XᵀY</td></tr>
 *   <tr><td>{@link ElasticNet}</td><td>{@code min ‖Y − XW‖²/(2n) + αρ‖W‖₁ + α(1 − ρ)‖W‖²/2}</td><td>XᵀX, XᵀY</td></tr>
 *   <tr><td>{@link Polynomial}, {@link PolynomialRidge}</td><td>least squares / ridge on all monomials of the features up to the degree</td><td>expanded XᵀX</td></tr>
 *   <tr><td>{@link Logistic}</td><td>{@code min Σ −y log σ(XW) − (1 − y) log(1 − σ(XW)) + λ‖W‖²/2} by Newton's method, targets in [0, 1]</td><td>the rows</td></tr>
 * </table>
 * The constant column is never penalised by lasso, elastic net or logistic regression. Every method but logistic
 * works from the blocked sums of {@link Gram}, so its memory does not grow with the length of the run.
 */
public sealed interface OfflineMethod {
    /** BrainPy's short names ({@code get_supported_offline_methods}). */
    static List<String> supported() { return List.of("ridge", "linear", "lstsq", "lasso", "elastic_net", "logistic", "polynomial", "polynomial_ridge"); }

    /** A method by name with BrainPy's defaults ({@code ridge} β 1e-7, {@code lasso} α 1, …). */
    static OfflineMethod of(String name) {
        return switch (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT)) {
            case "ridge" -> new Ridge(1e-7);
            case "linear", "lstsq" -> new Linear();
            case "lasso" -> new Lasso(1.0, 1000);
            case "elastic_net", "elasticnet" -> new ElasticNet(1.0, 0.5, 1000);
            case "logistic" -> new Logistic(0, 100);
            case "polynomial" -> new Polynomial(2);
            case "polynomial_ridge" -> new PolynomialRidge(2, 1e-7);
            default -> throw new IllegalArgumentException("OfflineMethod: unknown method '" + name + "'; supported: " + String.join(", ", supported()));
        };
    }

    /** Whether the method needs every design row (not just the blocked sums). */
    default boolean needsRows() { return false; }

    /** Ridge regression (BrainPy's {@code RidgeRegression(beta=1e-7)}), β ≥ 0. */
    record Ridge(double beta) implements OfflineMethod {
        public Ridge {
            if (!(beta >= 0 && Double.isFinite(beta))) throw new IllegalArgumentException("Ridge.beta: must be finite and >= 0; got " + beta);
        }
    }

    /** Ordinary least squares (BrainPy's {@code LinearRegression}, {@code 'lstsq'}). */
    record Linear() implements OfflineMethod {}

    /** Lasso ({@code LassoRegression(alpha=1.0, max_iter=1000)}). */
    record Lasso(double alpha, int maxIter) implements OfflineMethod {
        public Lasso {
            if (!(alpha >= 0 && Double.isFinite(alpha))) throw new IllegalArgumentException("Lasso.alpha: must be finite and >= 0; got " + alpha);
            if (maxIter < 1) throw new IllegalArgumentException("Lasso.maxIter: must be >= 1; got " + maxIter);
        }
    }

    /** Elastic net with mixing {@code l1Ratio} ρ in [0, 1]. */
    record ElasticNet(double alpha, double l1Ratio, int maxIter) implements OfflineMethod {
        public ElasticNet {
            if (!(alpha >= 0 && Double.isFinite(alpha))) throw new IllegalArgumentException("ElasticNet.alpha: must be finite and >= 0; got " + alpha);
            if (!(l1Ratio >= 0 && l1Ratio <= 1)) throw new IllegalArgumentException("ElasticNet.l1Ratio: must be in [0, 1]; got " + l1Ratio);
            if (maxIter < 1) throw new IllegalArgumentException("ElasticNet.maxIter: must be >= 1; got " + maxIter);
        }
    }

    /** Logistic regression with L2 penalty λ ≥ 0 on the weights, by Newton's method (at most {@code maxIter} steps). */
    record Logistic(double lambda, int maxIter) implements OfflineMethod {
        public Logistic {
            if (!(lambda >= 0 && Double.isFinite(lambda))) throw new IllegalArgumentException("Logistic.lambda: must be finite and >= 0; got " + lambda);
            if (maxIter < 1) throw new IllegalArgumentException("Logistic.maxIter: must be >= 1; got " + maxIter);
        }
        @Override public boolean needsRows() { return true; }
    }

    /** Least squares on every monomial of the features of degree 1…{@code degree} (interactions included). */
    record Polynomial(int degree) implements OfflineMethod {
        public Polynomial {
            if (degree < 1) throw new IllegalArgumentException("Polynomial.degree: must be >= 1; got " + degree);
        }
    }

    /** Ridge on the monomials of {@link Polynomial}. */
    record PolynomialRidge(int degree, double beta) implements OfflineMethod {
        public PolynomialRidge {
            if (degree < 1) throw new IllegalArgumentException("PolynomialRidge.degree: must be >= 1; got " + degree);
            if (!(beta >= 0 && Double.isFinite(beta))) throw new IllegalArgumentException("PolynomialRidge.beta: must be finite and >= 0; got " + beta);
        }
    }
}
