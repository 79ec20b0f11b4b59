package org.braindyn.ops;

/**
 * Java code run as one primitive ({@link Op#HOST_CALL}): reads its operands' elements and writes every element of
 * its output. Operands and output are contiguous, in C order: operand {@code j} is {@code in[j]} (a
 * {@code float[]}, {@code double[]}, {@code int[]} or {@code boolean[]}) from index {@code inOffsets[j]}, the output
 * {@code out} from {@code outOffset}. It must be pure (the same operands give the same output) and must not keep the
 * arrays: eager runs pass fresh arrays, compiled loops reuse one output buffer every step.
 */
@FunctionalInterface
public interface HostKernel {
    /** Computes the output from the operands. */
    void run(Object[] in, int[] inOffsets, Object out, int outOffset);
}
