package org.braindyn.integrators;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Delay buffers and delay differential equations: BrainPy's worked examples H1–H3, two delays, Mackey–Glass. */
class DelayTest {
    @Test
    void timeDelayHistoryAndFutureH1() {
        TimeDelay d = new TimeDelay(zeros(Shape.of(2), DType.F64), 10, 1, 0, t -> full(Shape.of(2), t, DType.F64), TimeDelay.Interp.LINEAR);
        assertEquals(zeros(Shape.of(2), DType.F64), d.at(0.0));
        assertEquals(full(Shape.of(2), -0.5, DType.F64), d.at(-0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.at(0.1));
        assertEquals("TimeDelay: The request time should be less than the current time 0. But we got 0.1 > 0", e.getMessage());
        d.update(ones(Shape.of(2), DType.F64));
        d.update(full(Shape.of(2), 3, DType.F64));
        assertEquals(2.0, d.at(1.5).getDouble(0), 1e-15, "linear interpolation between t = 1 and 2");
        assertEquals(2, d.currentTime());
    }

    @Test
    void zeroBuffersH2AndLengthDelay() {
        LengthDelay l = new LengthDelay(zeros(10), 10);
        assertEquals(zeros(10), l.at(5));
        assertEquals(zeros(10), l.at(10));
        TimeDelay t = new TimeDelay(zeros(10), 1.0, 0.1);
        assertEquals(zeros(10), t.at(-1.0));
        assertEquals(zeros(10), t.at(-0.5));
        for (int i = 1; i <= 3; i++) l.update(full(new int[] {10}, i));
        assertEquals(3.0, l.at(0).getDouble(0));
        assertEquals(1.0, l.at(2).getDouble(0));
        assertEquals(array(new float[] {3, 2, 0}), l.at(new int[] {0, 1, 5}, new int[] {0, 4, 9}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.at(11));
        assertTrue(e.getMessage().contains("11 steps") && e.getMessage().contains("0 … 10"), e.getMessage());
    }

    /** y' = −y(t − 1), constant history φ, Euler with rounding interpolation (BrainPy's H3 setup), y(t) at t = 1 and 2. */
    static double[] firstOrder(double phi) {
        double dt = 0.1;
        TimeDelay yd = new TimeDelay(scalar(phi, DType.F64), 1.0, dt, 0, t -> scalar(phi, DType.F64), TimeDelay.Interp.ROUND);
        DelayedOde dde = new DelayedOde(Odeint.odeint((y, t, p) -> new Tensor[] {yd.at(t - 1).neg()}, Method.EULER, dt)).stateDelay(0, yd);
        Tensor[] y = {scalar(phi, DType.F64)};
        double y1 = 0;
        for (int i = 0; i < 20; i++) {
            y = dde.step(y, i * dt);
            if (i == 9) y1 = y[0].item();
        }
        return new double[] {y1, y[0].item()};
    }

    @Test
    void firstOrderDdeByTheMethodOfStepsH3() {
        double[] one = firstOrder(1);
        assertEquals(0.0, one[0], 1e-12, "y = 1 − t on [0, 1]");
        assertEquals(-0.5, one[1], 0.06, "y(2) = −1/2");
        assertArrayEquals(new double[] {0, 0}, firstOrder(0), 0, "zero history stays zero");
        double[] minus = firstOrder(-1);
        assertEquals(-one[1], minus[1], 1e-12, "linear: history −1 mirrors history 1");
    }

    @Test
    void twoDelaysWithLinearInterpolation() {
        // y' = −y(t−1) + 0.3·y(t−2), φ = 1: on [0, 1] y' = −0.7, so y(1) = 0.3
        double dt = 0.01;
        TimeDelay yd = new TimeDelay(scalar(1.0, DType.F64), 2.0, dt, 0, t -> scalar(1.0, DType.F64), TimeDelay.Interp.LINEAR);
        DelayedOde dde = new DelayedOde(Odeint.odeint((y, t, p) -> new Tensor[] {yd.at(t - 1).neg().add(yd.at(t - 2).mul(0.3))}, Method.RK4, dt)).stateDelay(0, yd);
        Tensor[] y = {scalar(1.0, DType.F64)};
        for (int i = 0; i < 100; i++) y = dde.step(y, i * dt);
        assertEquals(0.3, y[0].item(), 1e-9);
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> new DelayedOde(Odeint.odeint((yy, t, p) -> yy, Method.EULER, 0.05)).stateDelay(0, yd));
        assertTrue(mismatch.getMessage().contains("differs from the integrator step"), mismatch.getMessage());
        TimeDelay shortBuf = new TimeDelay(scalar(1.0, DType.F64), 0.5, 0.1);
        for (int i = 0; i < 20; i++) shortBuf.update(scalar(1.0, DType.F64));
        IllegalArgumentException tooOld = assertThrows(IllegalArgumentException.class, () -> shortBuf.at(0.5));
        assertTrue(tooOld.getMessage().contains("beyond the delay length"), tooOld.getMessage());
    }

    @Test
    void mackeyGlassIsBoundedAndIrregular() {
        double dt = 0.1, tau = 17;
        TimeDelay xd = new TimeDelay(scalar(1.2, DType.F64), tau, dt, 0, t -> scalar(1.2, DType.F64), TimeDelay.Interp.LINEAR);
        DelayedOde mg = new DelayedOde(Odeint.odeint((y, t, p) -> {
            Tensor xt = xd.at(t - tau);
            return new Tensor[] {xt.mul(0.2).div(xt.pow(10).add(1)).sub(y[0].mul(0.1))};
        }, Method.RK4, dt)).stateDelay(0, xd);
        Tensor[] y = {scalar(1.2, DType.F64)};
        double[] trace = new double[5000];
        for (int i = 0; i < 5000; i++) { y = mg.step(y, i * dt); trace[i] = y[0].item(); }
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (int i = 2000; i < 5000; i++) { min = Math.min(min, trace[i]); max = Math.max(max, trace[i]); }
        assertTrue(min > 0.2 && max < 1.5 && max - min > 0.5, "Mackey–Glass attractor range [" + min + ", " + max + "]");
    }
}
