package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.connect.FixedNum;
import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.neurons.LifParams;
import org.braindyn.dyn.neurons.LifSpec;
import org.braindyn.dyn.synapses.Alpha;
import org.braindyn.dyn.synapses.DualExpon;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Wrong parameters are refused at the earliest point, naming the component, the parameter, the expected and the found. */
class ValidationTest {
    private static void refused(Runnable r, String... mustContain) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String s : mustContain) assertTrue(e.getMessage().contains(s), "'" + s + "' missing from: " + e.getMessage());
    }

    @Test
    void lifParamsRefuseANonPositiveResistanceAndNonFinitePotentials() {
        refused(() -> new LifParams(-60, -60, -50, 20, 0, 5), "Lif.r", "> 0", "0.0");
        refused(() -> new LifParams(-60, -60, -50, 20, -1, 5), "Lif.r");
        refused(() -> new LifParams(Double.NaN, -60, -50, 20, 1, 5), "potentials", "NaN");
        refused(() -> new LifParams(-60, -60, Double.POSITIVE_INFINITY, 20, 1, 5), "potentials");
        refused(() -> new Lif("bad", 3, new LifSpec(-60.0, -60.0, -50.0, 20.0, array(new float[] {1, 0, 1}), 0.0), Lif.Reset.HARD, null, null),
                "Lif 'bad'.r", "> 0", "min 0.0");
    }

    @Test
    void aTauVariableCannotBeMadeInvalidAfterConstruction() {
        Variable tau = new Variable(full(new int[] {4}, 10.0));
        Lif n = new Lif("tauVar", 4, new LifSpec(0.0, -5.0, 20.0, tau, 1.0, 0.0), Lif.Reset.HARD, null, null);
        tau.set(full(new int[] {4}, 15.0));                                   // a valid change is fine
        refused(() -> tau.set(array(new float[] {10, -1, 10, 10})), "Lif 'tauVar'.tau", "> 0", "min -1.0");
        assertEquals(15.0, tau.value().getDouble(0), "the refused value was not assigned");
        assertNotNull(n.V);
    }

    @Test
    void synapsesOfSizeZeroAreRefused() {
        refused(() -> new Expon("e0", 0, 5), "Expon 'e0'.size", ">= 1", "got 0");
        refused(() -> new DualExpon("d0", 0, 1, 5), ".size");
        refused(() -> new Alpha("a0", 0, 5), ".size");
    }

    @Test
    void poissonRatesMustBeFiniteAndNonNegative() {
        refused(() -> new PoissonGroup("p", 3, array(new double[] {5, -2, 1}), null), "PoissonGroup 'p'.rates", ">= 0 Hz", "-2.0");
        refused(() -> new PoissonGroup("q", 3, scalar(Double.NaN), null), "PoissonGroup 'q'.rates");
        refused(() -> new PoissonGroup("r", 3, array(new double[] {1, 2}), null), "2 rates for 3 neurons");
    }

    @Test
    void fixedNumRefusesAFractionalCountAboveOne() {
        refused(() -> FixedNum.postNum(1.5, false, 1), "FixedPostNum.num", "whole number", "1.5", "Use 1 or 2");
        assertEquals(10 * 3, FixedNum.postNum(3, false, 1).connect(10, 10).size(), "whole counts still work");
        assertEquals(10 * 5, FixedNum.postNum(0.5, false, 1).connect(10, 10).size(), "fractions of the population in (0, 1) still work");
    }

    @Test
    void runDurationsMustBeFiniteAndNonNegative() {
        Lif n = new Lif(3);
        DSRunner r = new DSRunner(n, List.of(), 0.1).progress(null);
        refused(() -> r.run(-5), "DSRunner.run", "-5.0");
        refused(() -> r.run(Double.NaN), "DSRunner.run", "NaN");
        refused(() -> r.run(Double.POSITIVE_INFINITY), "DSRunner.run");
        assertEquals(0.0, r.run(0), 0.1, "zero duration: no step");
    }

    @Test
    void aProjectionWhoseSizesDoNotMatchFailsAtConstructionNamingTheComponents() {
        Lif pre = new Lif(null, 7, LifParams.defaults(), Lif.Reset.HARD, null, null), post = new Lif(null, 5, LifParams.defaults(), Lif.Reset.HARD, null, null);
        var conn = new FixedProb(0.5, false, 1).connect(7, 7);                      // 7 → 7: the wrong post size
        refused(() -> Projection.full("p", pre, 0, Comm.eventCsr(conn, scalar(1.0)), new Expon(null, 5, 5), SynOut.cuba(), post),
                "Projection 'p'", "7 outputs", "5 targets");
        refused(() -> Projection.full("q", pre, 0, Comm.eventCsr(new FixedProb(0.5, false, 1).connect(7, 5), scalar(1.0)), new Expon(null, 6, 5), SynOut.cuba(), post),
                "Projection 'q'", "6 targets", "5 neurons");
    }

    @Test
    void checkFiniteStopsAtTheFirstNonFiniteStateNamingTheVariableAndStep() {
        for (boolean compiled : new boolean[] {false, true}) {
            Lif n = new Lif("blow" + compiled, 2, new LifParams(0, -5, 1e30, 10, 1, 0), Lif.Reset.HARD, null, null);
            Tensor current = zeros(100, 2).at(org.braindyn.tensor.Index.parse("37:, 1")).set(Float.POSITIVE_INFINITY);
            DSRunner r = new DSRunner(n, List.of(), 0.1).input("input", current, true, DSRunner.Op.ADD).progress(null).checkFinite(true).jit(compiled);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.run(10));
            assertTrue(e.getMessage().contains("V") && e.getMessage().contains("step 37"), (compiled ? "compiled: " : "eager: ") + e.getMessage());
        }
        Lif fine = new Lif(2);
        assertDoesNotThrow(() -> new DSRunner(fine, List.of(), 0.1).input("input", 5).progress(null).checkFinite(true).run(5));
    }

    /** A network class built twice in one JVM (parameter sweeps): each has its own "E", with the same monitor paths. */
    static final class Named extends Network {
        final Lif E = new Lif("E", 3, LifParams.defaults(), Lif.Reset.HARD, null, null);
        final Lif I = new Lif("I", 2, LifParams.defaults(), Lif.Reset.HARD, null, null);
        Named() { super(null); }
    }

    @Test
    void theSameNetworkClassCanBeBuiltTwiceWithTheSameMonitorPaths() {
        Named a = new Named(), b = new Named();
        for (Named net : List.of(a, b)) {
            DSRunner r = new DSRunner(net, List.of("E.V", "I.spike"), 0.1).input("E.input", 30).progress(null);
            r.run(5);
            assertEquals(50, r.mon("E.V").dim(0));
        }
        assertEquals(a.vars().keys(), b.vars().keys(), "the same absolute names inside each network");
    }

    @Test
    void twoModulesWithOneNameInTheSameNetworkAreRefused() {
        class Clash extends Network {
            final Lif x = new Lif("same", 2, LifParams.defaults(), Lif.Reset.HARD, null, null);
            final Lif y = new Lif("same", 2, LifParams.defaults(), Lif.Reset.HARD, null, null);
            Clash() { super(null); }
        }
        var e = assertThrows(org.braindyn.state.UniqueNameError.class, () -> new Clash().vars());
        assertTrue(e.getMessage().contains("\"same\"") && e.getMessage().contains("at x") && e.getMessage().contains("at y"), e.getMessage());
    }

    /** The named-parameter builder gives the same neurons as the positional constructor, and validates the same way. */
    @Test
    void lifBuilderEqualsThePositionalConstructor() {
        Lif a = Lif.builder(4).vRest(-60).vReset(-60).vTh(-50).tau(20).tauRef(5).build();
        Lif b = new Lif(null, 4, new LifParams(-60, -60, -50, 20, 1, 5), Lif.Reset.HARD, null, null);
        DSRunner ra = new DSRunner(a, List.of("spike"), 0.1).input("input", 15).progress(null), rb = new DSRunner(b, List.of("spike"), 0.1).input("input", 15).progress(null);
        ra.run(100);
        rb.run(100);
        assertTrue(sum(ra.mon("spike").astype(org.braindyn.tensor.DType.F32)).item() > 4);
        assertArrayEquals(rb.mon("spike").astype(org.braindyn.tensor.DType.F32).toFloatArray(), ra.mon("spike").astype(org.braindyn.tensor.DType.F32).toFloatArray());
        refused(() -> Lif.builder(3).name("L").tau(-1).build(), "Lif 'L'.tau", "> 0");

    }
}
