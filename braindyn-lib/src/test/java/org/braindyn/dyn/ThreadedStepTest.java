package org.braindyn.dyn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.braindyn.jit.StepTeam;
import org.braindyn.state.Naming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StepTeam}: a compiled network step whose neuron updates and event sums are split across threads gives the
 * spikes and voltages of the one-thread step, bit for bit. The split threshold is lowered so that a small network
 * splits every kernel and every event sum.
 */
class ThreadedStepTest {
    @AfterEach void oneThread() {
        StepTeam.setThreads(1);
        StepTeam.setMinElements(16_384);
    }

    private static float[][] run(int threads, int n, long seed) {
        StepTeam.setThreads(threads);
        StepTeam.setMinElements(64);
        Naming.clearNameCache();
        FrameworkTest.EINet net = new FrameworkTest.EINet(n, seed);
        DSRunner r = new DSRunner(net, List.of(), 0.1).spikeMonitor("E.spike").spikeMonitor("I.spike")
                .input("E.input", 20).input("I.input", 20).jit(true).progress(null);
        r.run(150);
        SpikeMonitor e = r.spikes("E.spike"), i = r.spikes("I.spike");
        float[] steps = new float[e.steps().length + i.steps().length], ids = new float[steps.length];
        for (int k = 0; k < e.steps().length; k++) { steps[k] = e.steps()[k]; ids[k] = e.indices()[k]; }
        for (int k = 0; k < i.steps().length; k++) { steps[e.steps().length + k] = i.steps()[k]; ids[e.steps().length + k] = -1 - i.indices()[k]; }
        return new float[][] {steps, ids, net.E.V.value().toFloatArray(), net.I.V.value().toFloatArray()};
    }

    @Test
    void twoAndThreeThreadsGiveTheOneThreadSpikesBitForBit() {
        float[][] one = run(1, 2000, 7);
        assertTrue(one[0].length > 500, "the network spikes: " + one[0].length);
        for (int threads : new int[] {2, 3}) {
            long before = StepTeam.handOffs();
            float[][] many = run(threads, 2000, 7);
            assertTrue(StepTeam.handOffs() - before >= 1500 * 6, "every step split its 2 kernels and 4 event sums: " + (StepTeam.handOffs() - before));
            for (int k = 0; k < one.length; k++) assertArrayEquals(one[k], many[k], threads + " threads, record " + k);
        }
    }

    /** A float64 reservoir: its tanh kernel (scalar, ~10 ns per element) splits at 2,000 units, reading its batch-of-one broadcasts by range. */
    private static double[] reservoirRun(int threads) {
        StepTeam.setThreads(threads);
        Naming.clearNameCache();
        org.braindyn.tensor.DType before = org.braindyn.tensor.Config.defaultFloat();
        org.braindyn.tensor.Config.enableX64();
        try {
            var r = org.braindyn.nn.Reservoir.builder(1, 2000).spectralRadius(0.9).recConnectivity(0.02).ffConnectivity(1).seed(11).build();
            var esn = org.braindyn.nn.Sequential.of(r, org.braindyn.nn.LinearReadout.builder(2000, 1).build());
            var u = org.braindyn.tensor.BM.sin(org.braindyn.tensor.BM.arange(60).astype(org.braindyn.tensor.DType.F64).mul(0.3)).reshape(1, 60, 1);
            esn.predict(u, true);
            return r.state.value().reshape(-1).toDoubleArray();
        } finally {
            org.braindyn.tensor.Config.setDefaultFloat(before);
        }
    }

    @Test
    void aFloat64ReservoirStepSplitsItsTanhKernelWithTheOneThreadBits() {
        double[] one = reservoirRun(1);
        long before = StepTeam.handOffs();
        double[] two = reservoirRun(2);
        assertTrue(StepTeam.handOffs() - before >= 60, "the tanh kernel was split every step: " + (StepTeam.handOffs() - before));
        org.junit.jupiter.api.Assertions.assertArrayEquals(one, two, 0.0, "same states bit for bit");
    }

    @Test
    void threadsAreValidated() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> StepTeam.setThreads(0));
        assertTrue(e.getMessage().contains("StepTeam.threads") && e.getMessage().contains("got 0"), e.getMessage());
    }
}
