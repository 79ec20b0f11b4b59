package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.neurons.Leaky;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.neurons.LifParams;
import org.braindyn.dyn.synapses.Alpha;
import org.braindyn.dyn.synapses.DualExpon;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Batching mode: states gain a leading batch axis; each row evolves as the same network run alone would. */
class BatchingTest {
    static final class Net extends Network {
        final Lif A, B;
        final Projection ab;

        Net() {
            super(null);
            A = new Lif("A", 40, LifParams.defaults().withTauRef(2), Lif.Reset.HARD, null, null);
            B = new Lif("B", 30, LifParams.defaults(), Lif.Reset.HARD, null, null);
            ab = Projection.full("AB", A, 2, Comm.eventCsr(new FixedProb(0.3, false, 4).connect(40, 30), scalar(4.0)), new Expon(null, 30, 5), SynOut.cuba(), B);
        }
    }

    @Test
    void eachBatchRowMatchesAnUnbatchedRun() {
        Tensor drive = new RandomState(1).uniform(15, 40, 3, 40);             // a different input per batch row
        Naming.clearNameCache();
        Net batched = Mode.with(Mode.batching(3), Net::new);
        assertEquals(Shape.of(3, 40), batched.A.V.shape());
        assertEquals(Shape.of(3, 30), ((Expon) batched.ab.syn).g.shape());
        DSRunner r = new DSRunner(batched, List.of("B.V", "A.spike"), 0.1).input("A.input", drive, false, DSRunner.Op.ADD).progress(null);
        r.run(30);
        Tensor vb = r.mon("B.V");                                                // (300, 3, 30)
        assertEquals(Shape.of(300, 3, 30), vb.shape());
        assertTrue(sum(r.mon("A.spike")).item() > 0, "the driven group spiked");
        for (int row = 0; row < 3; row++) {
            Naming.clearNameCache();
            Net single = new Net();
            assertEquals(Shape.of(40), single.A.V.shape());
            DSRunner s = new DSRunner(single, List.of("B.V"), 0.1).input("A.input", drive.get(String.valueOf(row)), false, DSRunner.Op.ADD).progress(null);
            s.run(30);
            assertTrue(allclose(s.mon("B.V"), vb.get(":, " + row), 1e-4, 1e-4), "row " + row);
        }
        batched.resetState(5);
        assertEquals(Shape.of(5, 40), batched.A.V.shape());
        assertEquals(Shape.of(5, 30), batched.B.input.shape());
        assertEquals(Shape.of(5, 30), ((Expon) batched.ab.syn).g.shape());
        var e = assertThrows(IllegalArgumentException.class, () -> batched.resetState(0));
        assertTrue(e.getMessage().contains("batch size") && e.getMessage().contains("BATCHING"), e.getMessage());
        Naming.clearNameCache();
        Net plain = new Net();
        plain.resetState(8);                                                     // no batch axis: the size is ignored
        assertEquals(Shape.of(40), plain.A.V.shape());
        assertThrows(IllegalArgumentException.class, () -> Mode.batching(0));
    }
    @Test
    void leakyAndSynapseKernelsBatch() {
        Naming.clearNameCache();
        Leaky out = Mode.with(Mode.training(4), () -> new Leaky("Out", 10, 5));
        DualExpon d = Mode.with(Mode.training(4), () -> new DualExpon(null, 10, 1, 10));
        Alpha a = Mode.with(Mode.training(4), () -> new Alpha(null, 10, 10));
        assertEquals(Mode.Kind.TRAINING, out.mode().kind());
        for (Tensor t : new Tensor[] {out.x.value(), d.conductance(), a.conductance()}) assertEquals(Shape.of(4, 10), t.shape());
        Tensor drive = new RandomState(2).uniform(0, 1, 4, 10);
        Leaky alone = new Leaky("Alone", 10, 5);
        for (int k = 0; k < 5; k++) {
            Shared.with(new Shared(k * 0.1, k, 0.1, true), () -> {
                out.update(drive);
                d.update(drive);
                a.update(drive);
                alone.update(drive.get("2"));
            });
        }
        assertTrue(allclose(alone.x.value(), out.x.value().get("2"), 1e-6, 1e-6), "row 2 of the batch = the unbatched unit");
        assertTrue(sum(d.conductance()).item() > 0 && sum(a.conductance()).item() > 0);
        out.resetState(6);
        d.resetState(6);
        a.resetState(6);
        for (Tensor t : new Tensor[] {out.x.value(), out.input.value(), d.conductance(), a.conductance()}) assertEquals(Shape.of(6, 10), t.shape());
        assertEquals(0.0, sum(abs(d.conductance())).item(), 0.0);
    }
}
