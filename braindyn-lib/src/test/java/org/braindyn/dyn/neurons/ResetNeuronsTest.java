package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.analysis.Bifurcation1D;
import org.braindyn.analysis.Setup;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ExpIF, AdExIF, QuaIF and AdQuaIF against independent float64 integrations of their equations (classical RK4 at
 * dt = 0.001 ms with the same threshold-and-reset rule); spike k within 0.03·(k + 1) ms (threshold checked at the end
 * of each 0.01 ms step, as BrainPy does).
 */
class ResetNeuronsTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /** dV/dt and dw/dt of the reference. */
    interface Rhs { double[] f(double v, double w, double i); }

    static List<Double> reference(Rhs rhs, double v0, double vTh, double vReset, double jump, double tauRef, double i, double duration) {
        double v = v0, w = 0, h = 0.001, last = -1e9;
        List<Double> spikes = new ArrayList<>();
        for (int s = 1; s <= Math.round(duration / h); s++) {
            double t = s * h;
            double[] y = org.braindyn.testing.Rk4.step(z -> rhs.f(z[0], z[1], i), new double[] {v, w}, h);
            double vn = y[0];
            w = y[1];
            v = t - last <= tauRef + 1e-9 ? v : vn;
            if (v >= vTh) { spikes.add(t); v = vReset; w += jump; last = t; }
        }
        return spikes;
    }

    static List<Double> simulate(NeuronGroup n, double i, double duration) { return simulate(n, i, duration, 0.01); }

    /** Spike times of one neuron with step {@code dt}, run as a compiled loop. */
    static List<Double> simulate(NeuronGroup n, double i, double duration, double dt) {
        DSRunner r = new DSRunner(n, List.of("spike"), dt).input("input", i).progress(null).jit(true);
        r.run(duration);
        return org.braindyn.testing.Spikes.times(r.mon("spike"), 0, dt);
    }

    static void agree(String what, List<Double> ref, List<Double> got) {
        assertTrue(ref.size() >= 3, what + " fires repetitively: " + ref);
        assertEquals(ref.size(), got.size(), what + ": reference " + ref + ", BrainDyn " + got);
        for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), got.get(k), 0.03 * (k + 1), what + " spike " + k);
    }

    static double expTerm(double v) { return 3.48 * Math.exp((v + 59.9) / 3.48); }

    @Test
    void expIf() {
        Config.enableX64();
        Rhs rhs = (v, w, i) -> new double[] {(-(v + 65) + expTerm(v) + i) / 10, 0};
        agree("ExpIF", reference(rhs, -65, -30, -68, 0, 1.7, 10, 200), simulate(ExpIF.builder(1).method("rk4").build(), 10, 200));
    }

    /**
     * With RK4 the step must be small enough for the exponential upswing: at 0.01 ms a stage overshoots far past V_th
     * (dV/dt grows like e^{V/Δ_T}) and that stage's w-derivative corrupts w; at 0.002 ms it does not. The default
     * {@code exp_auto} is immune (each variable steps with the others' start-of-step values) and agrees at 0.01 ms.
     */
    @Test
    void adExIf() {
        Config.enableX64();
        Rhs rhs = (v, w, i) -> new double[] {(-(v + 65) + expTerm(v) - w + i) / 10, ((v + 65) - w) / 30};
        List<Double> ref = reference(rhs, -65, -30, -68, 1, 0, 20, 300);
        agree("AdExIF (rk4, dt 0.002)", ref, simulate(AdExIF.builder(1).method("rk4").build(), 20, 300, 0.002));
        List<Double> auto = simulate(AdExIF.builder(1).build(), 20, 300);
        assertEquals(ref.size(), auto.size(), 1, "exp_auto at dt 0.01: " + auto);
        for (int k = 0; k < Math.min(5, auto.size()); k++) assertEquals(ref.get(k), auto.get(k), 0.1 * (k + 1), "exp_auto spike " + k);
    }

    @Test
    void quaIf() {
        Config.enableX64();
        Rhs rhs = (v, w, i) -> new double[] {(0.07 * (v + 65) * (v + 50) + i) / 10, 0};
        agree("QuaIF", reference(rhs, -65, -30, -68, 0, 0, 10, 200), simulate(QuaIF.builder(1).method("rk4").build(), 10, 200));
    }

    @Test
    void adQuaIf() {
        Config.enableX64();
        Rhs rhs = (v, w, i) -> new double[] {(0.07 * (v + 65) * (v + 50) - w + i) / 10, ((v + 65) - w) / 10};
        agree("AdQuaIF", reference(rhs, -65, -30, -68, 0.1, 0, 20, 200), simulate(AdQuaIF.builder(1).method("rk4").build(), 20, 200));
    }

    /** Adaptation: the AdExIF's interspike intervals lengthen (spike-frequency adaptation). */
    @Test
    void adaptationLengthensTheIntervals() {
        Config.enableX64();
        List<Double> s = simulate(AdExIF.builder(1).a(0).b(5).tauW(100).method("rk4").build(), 20, 300);
        assertTrue(s.size() >= 4, s.toString());
        assertTrue(s.get(s.size() - 1) - s.get(s.size() - 2) > 1.2 * (s.get(1) - s.get(0)), "adapting intervals: " + s);
    }

    @Test
    void defaultsCompiledRunsAndErrors() {
        ExpIF e = ExpIF.builder(1).build();
        assertEquals(-65, e.V.value().getDouble(0), 1e-6);
        assertNull(e.w, "ExpIF has no adaptation variable");
        AdExIF ad = AdExIF.builder(1).build();
        assertEquals(0, ad.w.value().getDouble(0), 0);
        Tensor currents = BM.linspace(5, 40, 8).astype(DType.F32);
        NeuronGroup a = QuaIF.builder(8).build(), b = QuaIF.builder(8).build();
        DSRunner ra = new DSRunner(a, List.of("spike"), 0.1).input("input", currents, false, DSRunner.Op.ADD).progress(null);
        DSRunner rb = new DSRunner(b, List.of("spike"), 0.1).input("input", currents, false, DSRunner.Op.ADD).progress(null).jit(true);
        ra.run(200);
        rb.run(200);
        assertTrue(BM.sum(ra.mon("spike").astype(DType.F32)).item() > 10);
        assertArrayEquals(ra.mon("spike").astype(DType.F32).toFloatArray(), rb.mon("spike").astype(DType.F32).toFloatArray(), "compiled = eager");
        var err = assertThrows(IllegalArgumentException.class, () -> ExpIF.builder(2).name("x").deltaT(0).build());
        assertTrue(err.getMessage().contains("ExpIF 'x'.deltaT: must be > 0 mV"), err.getMessage());
        err = assertThrows(IllegalArgumentException.class, () -> AdQuaIF.builder(2).tauW(-3).build());
        assertTrue(err.getMessage().contains(".tauW: must be > 0 ms") && err.getMessage().contains("-3.0"), err.getMessage());
    }

    /** SPEC P1 and R3 through the model itself: ExpIF(Δ_T = 1) has its fold at I = V_T − V_rest − Δ_T = 4.1. */
    @Test
    void theExpIfVectorFieldHasTheFoldOfR3() {
        ExpIF n = ExpIF.builder(1).deltaT(1).build();
        Bifurcation1D.Result r = new Bifurcation1D(Setup.of(n.vectorField()).targetVar("V", -70, -55).targetPar("I", 0, 6).resolutions(0.01).log(null).build()).compute();
        assertEquals(1, r.bifurcations().size());
        assertEquals(4.1, r.bifurcations().get(0).pars()[0], 0.01);
        assertEquals(-59.9, r.bifurcations().get(0).x()[0], 0.05);
    }
}
