package org.braindyn.integrators;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * A delay of a whole number of steps (BrainPy's {@code bm.LengthDelay}): a ring buffer of the last
 * {@code delayLen + 1} values. {@code at(k)} is the value {@code k} updates ago ({@code at(0)} the newest);
 * {@code at(steps, indices)} gives each selected element its own delay (heterogeneous axonal delays).
 * <pre>{@code
 * LengthDelay d = new LengthDelay(BM.zeros(10), 10);
 * d.update(spikes);
 * Tensor delayed = d.at(5);                       // spikes of 5 steps ago
 * }</pre>
 */
public class LengthDelay {
    private final Tensor[] buf;
    private final int delayLen;
    private int head;

    /** A buffer for delays up to {@code delayLen} steps, filled with {@code target}. */
    public LengthDelay(Tensor target, int delayLen) {
        if (delayLen < 0) throw new IllegalArgumentException("LengthDelay.delayLen: must be >= 0 steps; got " + delayLen);
        this.delayLen = delayLen;
        this.buf = new Tensor[delayLen + 1];
        java.util.Arrays.fill(buf, target);
    }

    /** Longest delay in steps. */
    public int delayLen() { return delayLen; }

    /** Pushes the newest value. */
    public void update(Tensor value) {
        org.braindyn.jit.Jit.refuseTracing("LengthDelay");
        if (!value.shape().equals(buf[head].shape()))
            throw new IllegalArgumentException("LengthDelay.update: value of shape " + value.shape() + "; expected " + buf[head].shape());
        head = (head + 1) % buf.length;
        buf[head] = value;
    }

    /** The value {@code steps} updates ago. */
    public Tensor at(int steps) {
        org.braindyn.jit.Jit.refuseTracing("LengthDelay");
        if (steps < 0 || steps > delayLen)
            throw new IllegalArgumentException("LengthDelay: delay of " + steps + " steps is outside 0 … " + delayLen + "; build the delay with a larger delayLen");
        return buf[Math.floorMod(head - steps, buf.length)];
    }

    /** Element {@code indices[i]} of the value {@code steps[i]} updates ago, for each i. */
    public Tensor at(int[] steps, int[] indices) {
        org.braindyn.jit.Jit.refuseTracing("LengthDelay");
        if (steps.length != indices.length) throw new IllegalArgumentException("LengthDelay: " + steps.length + " delays for " + indices.length + " indices");
        Tensor[] parts = new Tensor[steps.length];
        for (int i = 0; i < steps.length; i++) parts[i] = at(steps[i]).get(Index.at(indices[i]));
        return parts.length == 0 ? BM.zeros(0) : BM.stack(parts);
    }

}
