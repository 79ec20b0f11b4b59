package org.braindyn.ops.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both forms of the float64 CSR mat-vec equal the plain row sums, for every row length around the vector widths. */
class CsrRowDotsTest {
    @Test
    void gatheredAndScalarFormsEqualTheDirectSumForAnyRowLengthAndOffsets() {
        Random rng = new Random(3);
        int[] lengths = {0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 0, 250};
        int rows = lengths.length, cols = 300, pad = 5;
        int nnz = 0;
        for (int l : lengths) nnz += l;
        int[] ip = new int[pad + rows + 1], ix = new int[pad + nnz];
        double[] d = new double[pad + nnz], x = new double[pad + cols];
        for (int r = 0, s = 0; r < rows; r++) {
            ip[pad + r] = s;
            for (int q = 0; q < lengths[r]; q++, s++) { ix[pad + s] = rng.nextInt(cols); d[pad + s] = rng.nextGaussian(); }
            ip[pad + r + 1] = s;
        }
        for (int j = 0; j < x.length; j++) x[j] = rng.nextGaussian();
        double[] want = new double[rows];
        for (int r = 0; r < rows; r++)
            for (int s = ip[pad + r]; s < ip[pad + r + 1]; s++) want[r] += d[pad + s] * x[pad + ix[pad + s]];
        double[] g = new double[rows + 2], sc = new double[rows + 2], viaRows = new double[rows + 2];
        CsrRowDots.gathered(ip, pad, ix, pad, d, pad, x, pad, rows, g, 2);
        CsrRowDots.scalar(ip, pad, ix, pad, d, pad, x, pad, rows, sc, 2);
        CsrRowDots.rows(ip, pad, ix, pad, d, pad, x, pad, rows, viaRows, 2);
        for (int r = 0; r < rows; r++) {
            double tol = 1e-12 * (1 + Math.abs(want[r])) * Math.max(1, lengths[r]);
            assertEquals(want[r], g[2 + r], tol, "gathered row " + r + " (" + lengths[r] + " entries)");
            assertEquals(want[r], sc[2 + r], tol, "scalar row " + r);
            assertEquals(CsrRowDots.GATHER ? g[2 + r] : sc[2 + r], viaRows[2 + r], 0.0, "rows() runs the form chosen for this machine");
        }
        assertEquals(0.0, g[0] + g[1] + sc[0] + sc[1], 0.0, "nothing written before the output offset");
    }

    @Test
    void theOffsetFreeAndSplitFormsGiveTheSameBitsAsTheGeneralOne() {
        Random rng = new Random(5);
        int rows = 1500, cols = 1500;
        int[] ip = new int[rows + 1];
        java.util.List<Integer> c = new java.util.ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) if (rng.nextDouble() < (r < 100 ? 0.5 : 0.08)) c.add(j);   // uneven rows: the split balances entries
            ip[r + 1] = c.size();
        }
        int nnz = c.size();
        org.junit.jupiter.api.Assertions.assertTrue(nnz >= CsrRowDots.SPLIT_ENTRIES, "large enough to split: " + nnz);
        int[] ix = c.stream().mapToInt(Integer::intValue).toArray();
        double[] d = rng.doubles(nnz, -1, 1).toArray(), x = rng.doubles(cols, -1, 1).toArray();
        double[] general = new double[rows], alone = new double[rows], split = new double[rows];
        CsrRowDots.gathered(ip, 0, ix, 0, d, 0, x, 0, rows, general, 0);
        boolean before = Parallel.enabled();
        try {
            Parallel.setEnabled(false);
            CsrRowDots.rows(ip, 0, ix, 0, d, 0, x, 0, rows, alone, 0);
            Parallel.setEnabled(true);
            CsrRowDots.rows(ip, 0, ix, 0, d, 0, x, 0, rows, split, 0);
        } finally {
            Parallel.setEnabled(before);
        }
        for (int r = 0; r < rows; r++) {
            double want = 0;
            for (int s = ip[r]; s < ip[r + 1]; s++) want += d[s] * x[ix[s]];
            assertEquals(want, alone[r], 1e-12 * (ip[r + 1] - ip[r] + 1), "row " + r);
            if (CsrRowDots.GATHER) assertEquals(general[r], alone[r], 0.0, "offset-free form, row " + r);
            assertEquals(alone[r], split[r], 0.0, "split across cores, row " + r);
        }
    }
}
