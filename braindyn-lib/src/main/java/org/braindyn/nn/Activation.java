package org.braindyn.nn;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/** Activation functions by BrainPy name ({@code "tanh"}, {@code "relu"}, {@code "sigmoid"}, {@code "identity"}, …). */
public final class Activation {
    private Activation() {}

    private static final Map<String, UnaryOperator<Tensor>> BY_NAME = new TreeMap<>(Map.ofEntries(
            Map.entry("tanh", BM::tanh), Map.entry("relu", BM::relu), Map.entry("sigmoid", BM::sigmoid),
            Map.entry("identity", x -> x), Map.entry("linear", x -> x), Map.entry("elu", BM::elu), Map.entry("selu", BM::selu),
            Map.entry("gelu", BM::gelu), Map.entry("silu", BM::silu), Map.entry("softplus", BM::softplus),
            Map.entry("leaky_relu", BM::leakyRelu), Map.entry("hard_tanh", BM::hardTanh), Map.entry("soft_sign", BM::softSign),
            Map.entry("relu6", BM::relu6)));

    /** The function named {@code name}; an error lists the known names. */
    public static UnaryOperator<Tensor> of(String who, String name) {
        UnaryOperator<Tensor> f = name == null ? null : BY_NAME.get(name.toLowerCase(java.util.Locale.ROOT));
        if (f == null) throw new IllegalArgumentException(who + ".activation: unknown activation '" + name + "'; expected one of " + String.join(", ", BY_NAME.keySet()));
        return f;
    }
}
