package org.braindyn.testing;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/** Spike times of one neuron from a monitored raster {@code (T, N)}: the end of each step in which it spiked. */
public final class Spikes {
    private Spikes() {}

    public static List<Double> times(Tensor raster, int neuron, double dt) {
        Tensor sp = raster.astype(DType.F64);
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < sp.dim(0); k++) if (sp.getDouble(k, neuron) > 0) out.add((k + 1) * dt);
        return out;
    }
}
