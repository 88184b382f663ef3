package io.smoothspike.data;

/**
 * The draws of numpy's legacy {@code numpy.random.RandomState(seed)}, bit for bit: the Mersenne Twister MT19937
 * seeded from a 32-bit integer (Matsumoto and Nishimura's {@code init_genrand}), {@link #randint} by masked
 * rejection sampling on 32-bit draws and {@link #rand} as a 53-bit double from two 32-bit draws.
 */
final class LegacyNumpyRandom {

    private static final int N = 624;
    private static final int M = 397;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7fffffff;
    private static final int MATRIX_A = 0x9908b0df;

    private final int[] state = new int[N];
    private int next;

    /** The generator {@code RandomState(seed)} makes; seed in [0, 2³² − 1]. */
    LegacyNumpyRandom(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed " + seed + ": numpy's RandomState takes seeds 0 to 2^32 - 1");
        }
        state[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
        next = N;
    }

    /** The next 32-bit output (as an unsigned value in an int). */
    int nextInt() {
        if (next == N) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    /** Regenerates all N words of the state. */
    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & UPPER) | (state[(i + 1) % N] & LOWER);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        next = 0;
    }

    /**
     * {@code randint(high)}: uniform in [0, high). The 32-bit draws are masked to the bits that {@code high − 1}
     * needs and drawn again while above it; {@code high == 1} draws nothing.
     */
    int randint(int high) {
        if (high < 1) {
            throw new IllegalArgumentException("randint: high must be at least 1, got " + high);
        }
        int max = high - 1;
        if (max == 0) {
            return 0;
        }
        int mask = -1 >>> Integer.numberOfLeadingZeros(max);
        int v;
        do {
            v = nextInt() & mask;
        } while (v > max);
        return v;
    }

    /** {@code rand()}: uniform in [0, 1), 27 bits of one draw over 26 bits of the next. */
    double rand() {
        int a = nextInt() >>> 5;
        int b = nextInt() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
