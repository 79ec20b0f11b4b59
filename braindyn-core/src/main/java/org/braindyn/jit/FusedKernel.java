package org.braindyn.jit;

/**
 * A generated element loop over one fused group ({@link KernelEmitter}): {@code arrays[j]} and
 * {@code offsets[j]} give each input, then each output, as a primitive array and the index of element 0;
 * {@code n} is the number of elements.
 */
interface FusedKernel {
    /** Runs the loop over elements {@code 0 … n-1}. */
    void run(Object[] arrays, int[] offsets, int n);
}
