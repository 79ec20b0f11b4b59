package org.braindyn.random;

/**
 * The random stream of one element of a sample: Philox words at counters {@code (element, block, DOMAIN, 0)}.
 * Each element owns an unbounded stream, so rejection samplers stay reproducible under any parallel split.
 */
final class Stream {
    private final int k0, k1, element;
    private final int[] buf = new int[4];
    private int block, pos = 4;

    Stream(Key key, int element) {
        this.k0 = key.k0();
        this.k1 = key.k1();
        this.element = element;
    }

    int nextInt() {
        if (pos == 4) {
            Philox.block(k0, k1, element, block++, Key.DOMAIN_SAMPLE, 0, buf);
            pos = 0;
        }
        return buf[pos++];
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        long hi = nextInt() & 0xFFFFFFFFL, lo = nextInt() & 0xFFFFFFFFL;
        return ((hi << 21) ^ (lo >>> 11)) * 0x1.0p-53;
    }

    /** Uniform in (0, 1]. */
    double nextOpenDouble() { return 1.0 - nextDouble(); }

    /** Uniform integer in [0, bound) by Lemire's multiply-shift with rejection (unbiased). */
    int nextInt(int bound) {
        long m = (nextInt() & 0xFFFFFFFFL) * bound;
        long l = m & 0xFFFFFFFFL;
        if (l < bound) {
            long t = (0x1_0000_0000L - bound) % bound;
            while (l < t) {
                m = (nextInt() & 0xFFFFFFFFL) * bound;
                l = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal by Box–Muller (one of the pair). */
    double nextGaussian() {
        double u1 = nextOpenDouble(), u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
