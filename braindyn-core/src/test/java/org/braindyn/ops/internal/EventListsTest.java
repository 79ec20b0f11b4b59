package org.braindyn.ops.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Event vectors to index lists, and the event sum over such a list, against plain loops. */
class EventListsTest {
    private static int[] reference(boolean[] ev, int off, int n) {
        return java.util.stream.IntStream.range(0, n).filter(i -> ev[off + i]).toArray();
    }

    @Test
    void compactListsTheTruePositionsInOrderForAnyLengthOffsetAndDensity() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {0, 1, 7, 31, 32, 33, 64, 65, 100, 1000, 4000}) {
            for (double p : new double[] {0, 0.003, 0.1, 0.5, 1}) {
                int off = r.nextInt(5);
                boolean[] ev = new boolean[off + n + 3];
                for (int i = 0; i < ev.length; i++) ev[i] = r.nextDouble() < p;
                int[] out = new int[n];
                int c = EventLists.compact(ev, off, n, out);
                assertArrayEquals(reference(ev, off, n), java.util.Arrays.copyOf(out, c), "n " + n + ", p " + p + ", offset " + off);
            }
        }
    }

    @Test
    void compactGivesTheSameListsBeforeDuringAndAfterItsSimdWarmUp() {
        // the scalar loop, the timed SIMD prefix and the whole SIMD scan take turns while the gate warms up (SimdGate)
        SplittableRandom r = new SplittableRandom(11);
        int n = 4000;
        boolean[] ev = new boolean[n + 1];
        int[] out = new int[n];
        for (int call = 0; call < 3 * SimdGate.TRIGGER; call++) {
            for (int i = 0; i < ev.length; i++) ev[i] = r.nextDouble() < 0.02;
            int c = EventLists.compact(ev, call & 1, n, out);
            assertArrayEquals(reference(ev, call & 1, n), java.util.Arrays.copyOf(out, c), "call " + call);
        }
    }

    @Test
    void theListSumsTolerateEmptyLastRowsAndAnEmptyMatrix() {
        // rows 2 and 3 have no synapses: the look-ahead read of a later row must stay inside the arrays
        int[] ip = {0, 2, 3, 3, 3}, ix = {1, 2, 0};
        float[] w = {1f, 2f, 4f};
        int[] rows = {0, 1, 2, 3};
        for (boolean homo : new boolean[] {true, false}) {
            float[] out = new float[3];
            CsrKernels.eventSumListInto(ip, 0, ix, 0, w, 0, homo, rows, rows.length, out, 0, 3);
            assertArrayEquals(homo ? new float[] {1, 1, 1} : new float[] {4, 1, 2}, out, "homogeneous " + homo);
            float[] cols = {9, 9, 9};
            int[] from = CsrKernels.columnSplit(ip, 0, ix, 0, 4, 0), to = CsrKernels.columnSplit(ip, 0, ix, 0, 4, 3);
            CsrKernels.eventSumListColumns(ix, 0, w, 0, homo, rows, rows.length, from, to, cols, 0, 0, 3);
            assertArrayEquals(out, cols, "columns, homogeneous " + homo);
            float[] none = {9, 9};
            CsrKernels.eventSumListInto(new int[] {0, 0}, 0, new int[0], 0, homo ? new float[] {1} : new float[0], 0, homo, new int[] {0}, 1, none, 0, 2);
            assertArrayEquals(new float[] {0, 0}, none);
        }
    }

    @Test
    void theEventSumOverAListEqualsTheEventSumOverTheBooleans() {
        SplittableRandom r = new SplittableRandom(8);
        int rows = 500, cols = 300, fan = 12;
        int[] ip = new int[rows + 1], ix = new int[rows * fan];
        float[] w = new float[rows * fan];
        for (int i = 0; i < rows; i++) {
            ip[i + 1] = ip[i] + fan;
            for (int k = 0; k < fan; k++) { ix[i * fan + k] = r.nextInt(cols); w[i * fan + k] = (float) r.nextDouble(); }
        }
        boolean[] ev = new boolean[rows];
        for (int i = 0; i < rows; i++) ev[i] = r.nextDouble() < 0.05;
        int[] list = new int[rows];
        int count = EventLists.compact(ev, 0, rows, list);
        for (boolean homo : new boolean[] {true, false}) {
            float[] a = new float[cols + 2], b = new float[cols + 2];
            java.util.Arrays.fill(a, 9f);   // stale values: both must zero their output range first
            java.util.Arrays.fill(b, 9f);
            CsrKernels.eventSumInto(ip, 0, ix, 0, w, 0, homo, ev, 0, rows, a, 1, cols);
            CsrKernels.eventSumListInto(ip, 0, ix, 0, w, 0, homo, list, count, b, 1, cols);
            assertArrayEquals(a, b, "homogeneous " + homo);
            assertEquals(9f, b[0]);
            assertEquals(9f, b[cols + 1]);
        }
    }

    @Test
    void thePlannedTransposedMatvecIsBitIdenticalToTheEagerKernel() {
        SplittableRandom r = new SplittableRandom(5);
        int rows = 300, cols = 200, fan = 9;
        int[][] t = new int[rows][fan];
        for (int i = 0; i < rows; i++) for (int k = 0; k < fan; k++) t[i][k] = r.nextInt(cols);
        org.braindyn.tensor.Csr csr = org.braindyn.tensor.Csr.fromRows(cols, t);
        float[] w = new float[csr.nnz()], x = new float[rows];
        for (int k = 0; k < w.length; k++) w[k] = (float) (r.nextDouble() - 0.3);
        for (int i = 0; i < rows; i++) x[i] = r.nextDouble() < 0.4 ? 0 : (float) r.nextDouble();
        org.braindyn.tensor.Tensor eager = org.braindyn.tensor.BM.csrMatvec(csr, org.braindyn.tensor.BM.array(w), org.braindyn.tensor.BM.array(x), true);
        int[] ip = csr.indptr().toIntArray(), ix = csr.indices().toIntArray();
        float[] out = new float[cols];
        CsrKernels.matvecTransposeInto(ip, 0, ix, 0, w, 0, false, x, 0, rows, new double[cols], out, 0, cols);
        assertArrayEquals(eager.toFloatArray(), out);
    }
}
