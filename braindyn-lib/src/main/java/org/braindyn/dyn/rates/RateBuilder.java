package org.braindyn.dyn.rates;

/**
 * What the rate models' builders share: a name, the integration {@code method} (BrainPy's names; {@code exp_auto}
 * by default), initial values of x and y, and the Ornstein–Uhlenbeck noise options of BrainPy's rate models
 * ({@code x_ou_mean, x_ou_sigma, x_ou_tau} and the same for y; none by default).
 *
 * @param <B> the concrete builder, so that chained setters keep its type
 */
public abstract class RateBuilder<B extends RateBuilder<B>> {
    final int size;
    String name, method = "exp_auto";
    Object xInit = 0.0, yInit = 0.0;
    private double[] xOu = {0, 0, 5}, yOu = {0, 0, 5};
    private int noiseSeed;

    RateBuilder(int size) { this.size = size; }

    @SuppressWarnings("unchecked")
    final B self() { return (B) this; }

    /** A unique name within the network (default automatic). */
    public B name(String name) { this.name = name; return self(); }
    /** Integration method by BrainPy name ({@code exp_auto} default, {@code rk4}, …). */
    public B method(String method) { this.method = method; return self(); }
    /** Initial x and y (default 0 and 0). */
    public B init(Object x0, Object y0) { this.xInit = x0; this.yInit = y0; return self(); }
    /** Ornstein–Uhlenbeck noise on x's input: mean, sigma, tau in ms (BrainPy's {@code x_ou_mean/sigma/tau}; default none). */
    public B xOu(double mean, double sigma, double tau) { this.xOu = new double[] {mean, sigma, tau}; return self(); }
    /** Ornstein–Uhlenbeck noise on y's input (BrainPy's {@code y_ou_mean/sigma/tau}; default none). */
    public B yOu(double mean, double sigma, double tau) { this.yOu = new double[] {mean, sigma, tau}; return self(); }
    /** Seed of the noise processes (default 0; y uses seed + 1). */
    public B noiseSeed(int seed) { this.noiseSeed = seed; return self(); }

    final RateGroup.Noise noise() { return new RateGroup.Noise(xOu[0], xOu[1], xOu[2], yOu[0], yOu[1], yOu[2], noiseSeed); }
}
