package org.braindyn.integrators;

/**
 * A stochastic Runge–Kutta method of Rößler's SRI family (Itô, scalar noise) as data:
 * <pre>
 * H⁽⁰⁾ᵢ = y + Σⱼ A⁽⁰⁾ᵢⱼ f(H⁽⁰⁾ⱼ) h + Σⱼ B⁽⁰⁾ᵢⱼ g(H⁽¹⁾ⱼ) I₁₀/h
 * H⁽¹⁾ᵢ = y + Σⱼ A⁽¹⁾ᵢⱼ f(H⁽⁰⁾ⱼ) h + Σⱼ B⁽¹⁾ᵢⱼ g(H⁽¹⁾ⱼ) √h
 * y'    = y + Σᵢ αᵢ f(H⁽⁰⁾ᵢ) h + Σᵢ (β⁽¹⁾ᵢ I₁ + β⁽²⁾ᵢ I₁₁/√h + β⁽³⁾ᵢ I₁₀/h + β⁽⁴⁾ᵢ I₁₁₁/h) g(H⁽¹⁾ᵢ)
 * </pre>
 * with {@code I₁ = ΔW}, {@code I₁₀ = ½h(ΔW + ΔV/√3)} ({@code ΔV} an independent {@code N(0, h)}),
 * {@code I₁₁ = ½(ΔW² − h)}, {@code I₁₁₁ = (ΔW³ − 3hΔW)/6}. Coefficients from Rößler, SIAM J. Numer. Anal. 48 (2010).
 */
record SriTableau(String name, double[] c0, double[][] a0, double[][] b0, double[] c1, double[][] a1, double[][] b1,
                  double[] alpha, double[] beta1, double[] beta2, double[] beta3, double[] beta4) {

    /** SRI1W1: weak order 2, strong order 1.5. */
    static final SriTableau SRI1W1 = new SriTableau("srk1w1",
            new double[] {0, 0.75, 0, 0}, new double[][] {{}, {0.75}, {0, 0}, {0, 0, 0}}, new double[][] {{}, {1.5}, {0, 0}, {0, 0, 0}},
            new double[] {0, 0.25, 1, 0.25}, new double[][] {{}, {0.25}, {1, 0}, {0, 0, 0.25}}, new double[][] {{}, {0.5}, {-1, 0}, {-5, 3, 0.5}},
            new double[] {1.0 / 3, 2.0 / 3, 0, 0}, new double[] {-1, 4.0 / 3, 2.0 / 3, 0}, new double[] {-1, 4.0 / 3, -1.0 / 3, 0},
            new double[] {2, -4.0 / 3, -2.0 / 3, 0}, new double[] {-2, 5.0 / 3, -2.0 / 3, 1});

    /** SRI2W1: deterministic order 3, strong order 1.5. */
    static final SriTableau SRI2W1 = new SriTableau("srk2w1",
            new double[] {0, 1, 0.5, 0}, new double[][] {{}, {1}, {0.25, 0.25}, {0, 0, 0}}, new double[][] {{}, {0}, {1, 0.5}, {0, 0, 0}},
            new double[] {0, 0.25, 1, 0.25}, new double[][] {{}, {0.25}, {1, 0}, {0, 0, 0.25}}, new double[][] {{}, {-0.5}, {1, 0}, {2, -1, 0.5}},
            new double[] {1.0 / 6, 1.0 / 6, 2.0 / 3, 0}, new double[] {-1, 4.0 / 3, 2.0 / 3, 0}, new double[] {1, -4.0 / 3, 1.0 / 3, 0},
            new double[] {2, -4.0 / 3, -2.0 / 3, 0}, new double[] {-2, 5.0 / 3, -2.0 / 3, 1});
}
