package org.optdyn.engine.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One input of a kernel agreement test, named by everything that determines it: the length {@code n}, the offsets of
 * the arrays read and written, a boolean variant (Nesterov, AMSGrad) and the seed of the values, which the test
 * draws from a {@link SplittableRandom} seeded with {@link #seed}. A failing case is reproduced from its name alone.
 *
 * <p>The cases of a test are fixed (style.md rule 14: same suite, same cases, every run): first the lengths that reach
 * every branch of the SIMD loop anatomy (style.md rule 7: 0, 1, lanes &plusmn; 1, unroll &middot; lanes &plusmn; 1, the
 * prime 1021 and 2000) at offsets 0 and 9 with both variants, then lengths, offsets and variants drawn uniformly
 * (n in 0..2000, offsets in 0..9) from one master seed, so every tail length modulo lanes and unroll step occurs.
 *
 * @param n       number of elements the kernel touches
 * @param xOff    offset of the first read array
 * @param yOff    offset of the second read (or read-write) array
 * @param outOff  offset of the written array
 * @param variant the kernel's boolean variant, where it has one
 * @param seed    seed of the array values
 */
record KernelCase(int n, int xOff, int yOff, int outOff, boolean variant, long seed) {

    /** Largest length of the drawn cases. */
    static final int MAX_LENGTH = 2000;
    /** Largest offset of the drawn cases. */
    static final int MAX_OFFSET = 9;

    /** The values of this case: a generator seeded with {@link #seed}. */
    SplittableRandom random() {
        return new SplittableRandom(seed);
    }

    /**
     * The fixed cases of a test: branch lengths for a vector of {@code lanes} lanes unrolled {@code unroll} times,
     * each at offsets all 0 and all {@link #MAX_OFFSET} with both variants, then {@code drawn} cases from
     * {@code masterSeed}.
     */
    static List<KernelCase> cases(int lanes, int unroll, long masterSeed, int drawn) {
        var cases = new ArrayList<KernelCase>();
        var random = new SplittableRandom(masterSeed);
        int step = lanes * unroll;
        int[] lengths = {0, 1, lanes - 1, lanes, lanes + 1, step - 1, step, step + 1, 1021, MAX_LENGTH};
        for (int n : lengths) {
            for (int off : new int[] {0, MAX_OFFSET}) {
                for (boolean variant : new boolean[] {false, true}) {
                    cases.add(new KernelCase(n, off, off, off, variant, random.nextLong()));
                }
            }
        }
        for (int k = 0; k < drawn; k++) {
            cases.add(new KernelCase(random.nextInt(MAX_LENGTH + 1), random.nextInt(MAX_OFFSET + 1),
                    random.nextInt(MAX_OFFSET + 1), random.nextInt(MAX_OFFSET + 1), random.nextBoolean(),
                    random.nextLong()));
        }
        return List.copyOf(cases);
    }

    @Override
    public String toString() {
        return "n=" + n + " xOff=" + xOff + " yOff=" + yOff + " outOff=" + outOff + " variant=" + variant
                + " seed=" + seed;
    }
}
