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
    void nonConstantHistoryH4() {
        // y' = −y(t − 2), φ(t) = e^{−t} − 1: on [0, 2] y' = 1 − e^{2−t}, so y(2) = 3 − e²
        double dt = 0.01;
        TimeDelay yd = new TimeDelay(scalar(0.0, DType.F64), 2.0, dt, 0, t -> scalar(Math.exp(-t) - 1, DType.F64), TimeDelay.Interp.LINEAR);
        DelayedOde dde = new DelayedOde(Odeint.odeint((y, t, p) -> new Tensor[] {yd.at(t - 2).neg()}, Method.RK4, dt)).stateDelay(0, yd);
        Tensor[] y = {scalar(0.0, DType.F64)};
        for (int i = 0; i < 200; i++) y = dde.step(y, i * dt);
        assertEquals(3 - Math.exp(2), y[0].item(), 1e-9);
    }

    @Test
    void systemWithCrossDelays() {
        // x' = x·y(t − ½), y' = y·x(t − ½), φ = (1, −1): on [0, ½] x = e^{−t}, y = −e^{t}
        double dt = 0.01;
        TimeDelay xd = new TimeDelay(scalar(1.0, DType.F64), 0.5, dt, 0, t -> scalar(1.0, DType.F64), TimeDelay.Interp.LINEAR);
        TimeDelay yd = new TimeDelay(scalar(-1.0, DType.F64), 0.5, dt, 0, t -> scalar(-1.0, DType.F64), TimeDelay.Interp.LINEAR);
        DelayedOde dde = new DelayedOde(Odeint.odeint((v, t, p) -> new Tensor[] {v[0].mul(yd.at(t - 0.5)), v[1].mul(xd.at(t - 0.5))}, Method.RK4, dt))
                .stateDelay(0, xd).stateDelay(1, yd);
        Tensor[] v = {scalar(1.0, DType.F64), scalar(-1.0, DType.F64)};
        for (int i = 0; i < 50; i++) v = dde.step(v, i * dt);
        assertEquals(Math.exp(-0.5), v[0].item(), 1e-9);
        assertEquals(-Math.exp(0.5), v[1].item(), 1e-9);
    }

    @Test
    void secondOrderDdeAgreesWithTheOdeOnItsFirstInterval() {
        // y'' = −y' − 2y − ½·y(t − 1), history y = 1: on [0, 1] it is the ODE y'' = −y' − 2y − ½
        double dt = 0.01;
        TimeDelay yd = new TimeDelay(scalar(1.0, DType.F64), 1.0, dt, 0, t -> scalar(1.0, DType.F64), TimeDelay.Interp.LINEAR);
        DelayedOde dde = new DelayedOde(Odeint.odeint((v, t, p) -> new Tensor[] {v[1], v[1].neg().sub(v[0].mul(2)).sub(yd.at(t - 1).mul(0.5))}, Method.RK4, dt))
                .stateDelay(0, yd);
        OdeIntegrator ode = Odeint.odeint((v, t, p) -> new Tensor[] {v[1], v[1].neg().sub(v[0].mul(2)).sub(0.5)}, Method.RK4, dt);
        Tensor[] a = {scalar(1.0, DType.F64), scalar(0.0, DType.F64)}, b = a.clone();
        for (int i = 0; i < 100; i++) { a = dde.step(a, i * dt); b = ode.step(b, i * dt); }
        assertEquals(b[0].item(), a[0].item(), 1e-12);
        for (int i = 100; i < 1600; i++) a = dde.step(a, i * dt);
        assertTrue(Math.abs(a[0].item()) < 1, "damped: |y(16)| = " + Math.abs(a[0].item()));
    }

    @Test
    void stateDependentDelay() {
        // y' = y(t − |t·y(0.1t)/10|), history ±1: the solutions are mirror images and the one from +1 grows
        double[] end = new double[2];
        for (int k = 0; k < 2; k++) {
            double phi = k == 0 ? 1 : -1, dt = 0.01;
            TimeDelay yd = new TimeDelay(scalar(phi, DType.F64), 30, dt, 0, t -> scalar(phi, DType.F64), TimeDelay.Interp.LINEAR);
            DelayedOde dde = new DelayedOde(Odeint.odeint((y, t, p) -> {
                double lag = Math.abs(t * yd.at(0.1 * t).item() / 10);
                return new Tensor[] {yd.at(t - lag)};
            }, Method.EULER, dt)).stateDelay(0, yd);
            Tensor[] y = {scalar(phi, DType.F64)};
            for (int i = 0; i < 300; i++) y = dde.step(y, i * dt);
            end[k] = y[0].item();
        }
        assertEquals(-end[0], end[1], 1e-12);
        assertTrue(end[0] > 3, "grows from history 1: y(3) = " + end[0]);
    }

    @Test
    void delayedSdeAndFde() {
        double dt = 0.05;
        TimeDelay xd = new TimeDelay(scalar(1.0, DType.F64), 2.0, dt, 0, t -> scalar(1.0, DType.F64), TimeDelay.Interp.LINEAR);
        SdeIntegrator sde = Sdeint.sdeint((x, t, p) -> new Tensor[] {xd.at(t - 2).neg()}, (x, t, p) -> new Tensor[] {onesLike(x[0]).mul(0.01)},
                dt, new org.braindyn.random.RandomState(4));
        DelayedOde noisy = new DelayedOde(sde).stateDelay(0, xd);
        Tensor[] x = {scalar(1.0, DType.F64)};
        for (int i = 0; i < 40; i++) x = noisy.step(x, i * dt);
        assertEquals(-1.0, x[0].item(), 0.05, "x(2) ≈ 1 − 2 with small noise");
        // the lemmings: D^α y = 3.5·y·(1 − y(t − 0.74)/19), α = 0.97, around the carrying capacity 19
        TimeDelay yd = new TimeDelay(scalar(19.00001, DType.F64), 0.74, dt, 0, t -> scalar(19.00001, DType.F64), TimeDelay.Interp.LINEAR);
        FdeIntegrator lem = Fdeint.fdeint((y, t, p) -> new Tensor[] {y[0].mul(3.5).mul(subtract(1.0, yd.at(t - 0.74).div(19)))},
                new double[] {0.97}, new Tensor[] {scalar(19.00001, DType.F64)}, FdeIntegrator.Scheme.GL_SHORT_MEMORY, dt, 500).stateDelay(0, yd);
        double min = Double.MAX_VALUE, max = 0;
        for (int i = 0; i < 2000; i++) { double v = lem.step(i * dt)[0].item(); if (i > 1000) { min = Math.min(min, v); max = Math.max(max, v); } }
        assertTrue(min > 0 && max > 19.5, "the population oscillates around 19: [" + min + ", " + max + "]");
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
