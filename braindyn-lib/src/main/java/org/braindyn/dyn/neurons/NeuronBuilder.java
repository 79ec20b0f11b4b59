package org.braindyn.dyn.neurons;

import org.braindyn.surrogate.Surrogate;

/**
 * What every catalogue model's builder takes by name: the population size, a name, the integration {@code method}
 * (BrainPy's names; {@code exp_auto} by default) and an optional surrogate spike function. Model builders add their
 * own named parameters, each a number or any {@link org.braindyn.dyn.ParamSpec} form.
 *
 * @param <B> the concrete builder, so that chained setters keep its type
 */
public abstract class NeuronBuilder<B extends NeuronBuilder<B>> {
    final int size;
    String name, method = "exp_auto";
    Surrogate spkFun;

    NeuronBuilder(int size) { this.size = size; }

    @SuppressWarnings("unchecked")
    final B self() { return (B) this; }

    /** A unique name within the network (default automatic). */
    public B name(String name) { this.name = name; return self(); }

    /** Integration method by BrainPy name ({@code exp_auto} default, {@code euler}, {@code rk2}, {@code rk4}, …). */
    public B method(String method) { this.method = method; return self(); }

    /** Surrogate spike function for training (default none: boolean spikes). */
    public B spkFun(Surrogate spkFun) { this.spkFun = spkFun; return self(); }
}
