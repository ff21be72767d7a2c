package org.optdyn.engine.rotation;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The paper's block rotation of {@code R^D} (adam-rotation.md §3, "reference mode"): with {@code D = n q + p},
 * {@code 0 <= p < n},
 * <pre>
 *   R = B P,   B = blockdiag(R_n, ..., R_n, R_p)     (q copies of the same R_n in SO(n), R_p in SO(p) if p &gt; 0)
 * </pre>
 * and {@code P} a uniform random permutation, {@code (P x)_i = x_perm[i]}. A scope with {@code D < n} is the single
 * block {@code R_p}, {@code p = D}. Memory {@code O(n^2 + D)}, time {@code 2 n D} flops per application (one gather
 * or scatter and one {@code n x n} product per block). Instances own an {@code n}-long scratch buffer: one thread at
 * a time.
 */
public final class BlockRotation implements Rotation {

    private final int dimension;
    private final DenseRotation block;
    private final DenseRotation residual;
    private final int[] permutation;
    private final int fullBlocks;
    private final double[] in;
    private final double[] out;

    BlockRotation(int dimension, DenseRotation block, DenseRotation residual, int[] permutation) {
        this.dimension = dimension;
        this.block = block;
        this.residual = residual;
        this.permutation = permutation;
        int n = block == null ? 0 : block.dimension();
        this.fullBlocks = n == 0 ? 0 : dimension / n;
        int p = residual == null ? 0 : residual.dimension();
        if (fullBlocks * n + p != dimension || permutation.length != dimension) {
            throw new IllegalArgumentException("blocks " + fullBlocks + " x " + n + " + " + p + " do not tile dimension "
                    + dimension);
        }
        int scratch = Math.max(n, p);
        this.in = new double[scratch];
        this.out = new double[scratch];
    }

    /**
     * @param dimension the dimension {@code D}, {@code >= 1}
     * @param blockSize the block size {@code n}, {@code >= 1} (the paper uses 768)
     * @param rng       draws, in this order, {@code R_n} (Haar on {@code SO(n)}, if {@code D >= n}), the permutation
     *                  (Fisher–Yates) and {@code R_p} (Haar on {@code SO(p)}, if {@code p > 0})
     */
    public static BlockRotation haarBlocks(int dimension, int blockSize, RandomGenerator rng) {
        return new Blocks(blockSize, rng).rotation(dimension);
    }

    /** @return the dimension {@code D} */
    @Override
    public int dimension() {
        return dimension;
    }

    /** @return the shared block {@code R_n}, or null when {@code D < n} */
    public DenseRotation block() {
        return block;
    }

    /** @return a copy of the permutation: {@code (P x)_i = x[perm[i]]} */
    public int[] permutation() {
        return permutation.clone();
    }

    @Override
    public void rotate(double[] x, double[] y) {
        Rotation.checkArguments(this, x, y);
        int n = block == null ? 0 : block.dimension();
        int at = 0;
        for (int b = 0; b < fullBlocks; b++) {
            for (int i = 0; i < n; i++) {
                in[i] = x[permutation[at + i]];
            }
            block.rotate(in, 0, y, at);
            at += n;
        }
        if (residual != null) {
            int p = residual.dimension();
            for (int i = 0; i < p; i++) {
                in[i] = x[permutation[at + i]];
            }
            residual.rotate(in, 0, y, at);
        }
    }

    @Override
    public void rotateBack(double[] x, double[] y) {
        Rotation.checkArguments(this, x, y);
        int n = block == null ? 0 : block.dimension();
        int at = 0;
        for (int b = 0; b < fullBlocks; b++) {
            block.rotateBack(x, at, out, 0);
            for (int i = 0; i < n; i++) {
                y[permutation[at + i]] = out[i];
            }
            at += n;
        }
        if (residual != null) {
            int p = residual.dimension();
            residual.rotateBack(x, at, out, 0);
            for (int i = 0; i < p; i++) {
                y[permutation[at + i]] = out[i];
            }
        }
    }

    @Override
    public String toString() {
        return "BlockRotation[D = " + dimension + ", " + fullBlocks + " x " + (block == null ? 0 : block.dimension())
                + " + " + (residual == null ? 0 : residual.dimension()) + "]";
    }

    /** @return a uniform random permutation of {@code 0..n-1} (Fisher–Yates) */
    static int[] randomPermutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * The shared draws of one run (adam-rotation.md §3): one {@code R_n}, one {@code R_p} per distinct residual size,
     * drawn on first use; each {@link #rotation} draws its own permutation.
     */
    static final class Blocks {
        private final int blockSize;
        private final RandomGenerator rng;
        private DenseRotation shared;
        private final Map<Integer, DenseRotation> residuals = new HashMap<>();

        Blocks(int blockSize, RandomGenerator rng) {
            if (blockSize < 1) {
                throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
            }
            this.blockSize = blockSize;
            this.rng = Objects.requireNonNull(rng, "rng");
        }

        BlockRotation rotation(int dimension) {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
            }
            if (dimension >= blockSize && shared == null) {
                shared = DenseRotation.haarSpecial(blockSize, rng);
            }
            int[] perm = randomPermutation(dimension, rng);
            int p = dimension % blockSize;
            DenseRotation res = p == 0 ? null : residuals.computeIfAbsent(p, s -> DenseRotation.haarSpecial(s, rng));
            return new BlockRotation(dimension, dimension >= blockSize ? shared : null, res, perm);
        }
    }
}
