package org.braindyn.tensor;

import java.util.Arrays;

/**
 * A sparse connectivity structure in compressed-sparse-row form: row {@code r} (a presynaptic neuron) connects
 * to columns {@code indices[indptr[r] .. indptr[r+1])} (postsynaptic neurons). Values live beside it (a scalar
 * weight or one per synapse), so one structure serves many weight sets.
 * <pre>{@code
 * Csr c = Csr.fromRows(3, new int[][] {{0, 2}, {}, {1}});   // 3 rows × 3 cols, 3 synapses
 * Tensor g = BM.csrEventSum(c, BM.scalar(0.5), spikes);     // adds 0.5 at the targets of every spiking row
 * }</pre>
 */
public record Csr(Tensor indptr, Tensor indices, int rows, int cols) {
    public Csr {
        if (indptr.dtype() != DType.I32 || indices.dtype() != DType.I32)
            throw new IllegalArgumentException("Csr: indptr and indices must be int32; got " + indptr.dtype().numpyName() + " and " + indices.dtype().numpyName());
        if (indptr.ndim() != 1 || indptr.size() != rows + 1)
            throw new IllegalArgumentException("Csr.indptr: shape " + indptr.shape() + "; expected (" + (rows + 1) + ",) for " + rows + " rows");
        int[] ip = indptr.toIntArray();
        if (ip[0] != 0 || ip[rows] != indices.size())
            throw new IllegalArgumentException("Csr.indptr: must start at 0 and end at nnz=" + indices.size() + "; got " + ip[0] + " .. " + ip[rows]);
        for (int r = 0; r < rows; r++) if (ip[r + 1] < ip[r])
            throw new IllegalArgumentException("Csr.indptr: decreases at row " + r + " (" + ip[r] + " > " + ip[r + 1] + ")");
        for (int j : indices.toIntArray()) if (j < 0 || j >= cols)
            throw new IllegalArgumentException("Csr.indices: column " + j + " out of range; expected 0 <= column < " + cols);
    }

    /** Number of synapses. */
    public int nnz() { return indices.size(); }

    /** From per-row target lists. */
    public static Csr fromRows(int cols, int[][] targets) {
        int[] ip = new int[targets.length + 1];
        for (int r = 0; r < targets.length; r++) ip[r + 1] = ip[r] + targets[r].length;
        int[] ix = new int[ip[targets.length]];
        for (int r = 0; r < targets.length; r++) System.arraycopy(targets[r], 0, ix, ip[r], targets[r].length);
        return new Csr(Tensor.wrap(DType.I32, Shape.of(ip.length), ip), Tensor.wrap(DType.I32, Shape.of(ix.length), ix), targets.length, cols);
    }

    /** The structure of the non-zeros of a dense 2-D tensor (row-major order). */
    public static Csr fromDense(Tensor dense) {
        if (dense.ndim() != 2) throw new IllegalArgumentException("Csr.fromDense: needs a matrix; got shape " + dense.shape());
        int rows = dense.dim(0), cols = dense.dim(1);
        double[] v = dense.toDoubleArray();
        int[][] t = new int[rows][];
        for (int r = 0; r < rows; r++) {
            int[] buf = new int[cols];
            int n = 0;
            for (int c = 0; c < cols; c++) if (v[r * cols + c] != 0) buf[n++] = c;
            t[r] = Arrays.copyOf(buf, n);
        }
        return fromRows(cols, t);
    }

    /** The dense {@code rows × cols} matrix with {@code data} (scalar or per synapse) at the synapses; duplicates add. */
    public Tensor toDense(Tensor data) {
        double[] d = new double[rows * cols];
        int[] ip = indptr.toIntArray(), ix = indices.toIntArray();
        double[] w = data.ndim() == 0 ? null : data.toDoubleArray();
        for (int r = 0; r < rows; r++)
            for (int s = ip[r]; s < ip[r + 1]; s++) d[r * cols + ix[s]] += w == null ? data.item() : w[s];
        return BM.astype(Tensor.wrap(DType.F64, Shape.of(rows, cols), d), data.dtype());
    }
}
