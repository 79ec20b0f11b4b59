package org.braindyn.dyn;

import org.braindyn.connect.Conn;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.Tensor;

/**
 * The communication layer of a projection: presynaptic activity to per-postsynaptic-neuron input (BrainPy's
 * {@code EventCSRLinear}, {@code Linear}, {@code One2One}). Event-driven forms cost spikes × fan-out.
 */
@FunctionalInterface
public interface Comm {
    /** Input to each postsynaptic neuron from presynaptic {@code activity}. */
    Tensor apply(Tensor activity);

    /** Event-driven sparse connectivity with a scalar or per-synapse {@code weight}. */
    static Comm eventCsr(Conn conn, Tensor weight) {
        Csr csr = conn.csr();
        if (weight.ndim() != 0 && weight.size() != conn.size())
            throw new IllegalArgumentException("Comm.eventCsr: " + weight.size() + " weights for " + conn.size() + " synapses; give one per synapse or a scalar");
        Tensor data = weight.ndim() == 0 ? BM.broadcastTo(weight, conn.size()).contiguous() : weight;
        return spikes -> spikes.ndim() == 2                     // a batch (B, pre): Aᵀ·Xᵀ, transposed back to (B, post)
                ? BM.transpose(BM.csrMatmat(csr, data, BM.transpose(spikes.astype(data.dtype())), true))
                : BM.csrEventSum(csr, weight, spikes);
    }

    /**
     * Sparse connectivity carrying graded activity (align-pre synapse states, rates): {@code out_j = Σ_i a_i·w_ij} over
     * the synapses {@code i → j}, with a scalar or per-synapse {@code weight}.
     */
    static Comm csr(Conn conn, Tensor weight) {
        Csr csr = conn.csr();
        if (weight.ndim() != 0 && weight.size() != conn.size())
            throw new IllegalArgumentException("Comm.csr: " + weight.size() + " weights for " + conn.size() + " synapses; give one per synapse or a scalar");
        Tensor data = weight.ndim() == 0 ? BM.broadcastTo(weight, conn.size()).contiguous() : weight;
        return a -> a.ndim() == 2                               // a batch (B, pre): Aᵀ·Xᵀ, transposed back to (B, post)
                ? BM.transpose(BM.csrMatmat(csr, data, BM.transpose(a.astype(data.dtype())), true))
                : BM.csrMatvec(csr, data, a, true);
    }

    /** Dense weights {@code (pre, post)}: {@code activity @ W}. */
    static Comm dense(Tensor w) { return a -> BM.matmul(a.astype(w.dtype()), w); }

    /** One-to-one with a scalar or per-neuron weight. */
    static Comm oneToOne(Tensor w) { return a -> a.astype(w.dtype()).mul(w); }
}
