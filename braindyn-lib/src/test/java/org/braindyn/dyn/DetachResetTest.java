package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.state.Naming;
import org.braindyn.surrogate.Sigmoid;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code detachReset}: same spikes and potentials, and a spike cuts the membrane's gradient (SpyTorch convention). */
class DetachResetTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /** V after 6 steps, as a function of a constant drive; the neuron spikes on the way. */
    static Tensor finalV(boolean detach, Tensor drive, double[] spikes) {
        Lif n = Lif.builder(1).vRest(0).vReset(0).vTh(1).tau(2).spkFun(new Sigmoid()).detachReset(detach).build();
        n.resetState(-1);
        for (int t = 0; t < 6; t++) {
            int step = t;
            Tensor s = Shared.with(new Shared(t, t, 1.0, true), () -> n.update(drive));
            if (spikes != null) spikes[step] = s.reshape(-1).getDouble(0);
        }
        return n.V.value().reshape(-1).get("0");
    }

    @Test
    void forwardIsUnchangedAndTheGradientNoLongerPassesTheReset() {
        Config.enableX64();
        Tensor drive = array(new double[] {1.8});
        double[] s1 = new double[6], s2 = new double[6];
        assertEquals(finalV(false, drive, s1).item(), finalV(true, drive, s2).item(), 0, "same potential");
        assertArrayEquals(s1, s2, 0, "same spikes");
        assertTrue(java.util.Arrays.stream(s1).sum() >= 1, "the neuron spikes during the run");
        double gBrainPy = Autodiff.grad(d -> finalV(false, d, null), drive).item();
        double gDetached = Autodiff.grad(d -> finalV(true, d, null), drive).item();
        assertNotEquals(gBrainPy, gDetached, 1e-9);
        // detached: after the last spike at step k, V = I·(1 − e^{−(5−k)/2}) from 0, so dV/dI counts only those steps
        int last = -1;
        for (int t = 0; t < 6; t++) if (s1[t] > 0) last = t;
        double want = 1 - Math.exp(-(5 - last) / 2.0);
        assertEquals(want, gDetached, 1e-9, "gradient from the steps after the last spike only");
    }
}
