package org.braindyn.random;

/**
 * The Philox4x32-10 counter-based bijection (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3",
 * SC'11): four 32-bit counter words and a two-word key give four pseudo-random 32-bit words after ten rounds of
 * multiply-high/low mixing with a Weyl-sequence key schedule. Stateless, so any element of any stream can be
 * computed independently: the same seed gives the same numbers whatever the thread count or device.
 */
public final class Philox {
    private static final long M0 = 0xD2511F53L, M1 = 0xCD9E8D57L;
    private static final int W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    private Philox() {}

    /** Applies Philox4x32-10 to counter {@code (c0, c1, c2, c3)} under key {@code (k0, k1)}; writes 4 words to {@code out}. */
    public static void block(int k0, int k1, int c0, int c1, int c2, int c3, int[] out) {
        for (int r = 0; r < 10; r++) {
            long p0 = M0 * (c0 & 0xFFFFFFFFL), p1 = M1 * (c2 & 0xFFFFFFFFL);
            int hi0 = (int) (p0 >>> 32), lo0 = (int) p0, hi1 = (int) (p1 >>> 32), lo1 = (int) p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }
}
