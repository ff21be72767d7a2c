package org.optdyn.engine.rotation;

import java.util.random.RandomGenerator;

/**
 * An orthogonal map {@code R} of {@code R^D} (adam-rotation.md §2): {@link #rotate} computes {@code R x},
 * {@link #rotateBack} computes {@code R^T x = R^-1 x}. Implementations allocate nothing per call; those that need
 * scratch space own it, so one instance must not be used by two threads at once.
 */
public interface Rotation {

    /** @return the dimension {@code D} */
    int dimension();

    /**
     * {@code out = R x}.
     *
     * @param x   input, length {@link #dimension()} (read only)
     * @param out output, length {@link #dimension()}, not the same array as {@code x}
     */
    void rotate(double[] x, double[] out);

    /**
     * {@code out = R^T x}, the inverse of {@link #rotate}.
     *
     * @param x   input, length {@link #dimension()} (read only)
     * @param out output, length {@link #dimension()}, not the same array as {@code x}
     */
    void rotateBack(double[] x, double[] out);

    /** @return the identity of {@code R^dimension} */
    static Rotation identity(int dimension) {
        return SignedPermutation.identity(dimension);
    }

    /** @return a Haar-distributed element of {@code O(n)} ({@link DenseRotation#haar}) */
    static DenseRotation haar(int n, RandomGenerator rng) {
        return DenseRotation.haar(n, rng);
    }

    /**
     * The paper's block rotation of {@code R^dimension} ({@link BlockRotation#haarBlocks}): one Haar block of size
     * {@code blockSize} shared by every full block, one residual Haar block, one random permutation.
     */
    static BlockRotation haarBlocks(int dimension, int blockSize, RandomGenerator rng) {
        return BlockRotation.haarBlocks(dimension, blockSize, rng);
    }

    /** Validates the arrays of a call. */
    static void checkArguments(Rotation r, double[] x, double[] out) {
        int d = r.dimension();
        if (x.length != d || out.length != d) {
            throw new IllegalArgumentException("rotation of dimension " + d + " needs arrays of length " + d + ", got x: "
                    + x.length + ", out: " + out.length);
        }
        if (x == out) {
            throw new IllegalArgumentException("out must not be the input array");
        }
    }
}
