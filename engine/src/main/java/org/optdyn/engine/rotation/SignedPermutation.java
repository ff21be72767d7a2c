package org.optdyn.engine.rotation;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A signed permutation {@code Q = S P}: {@code (Q x)_i = s_i x_perm[i]}, {@code s_i = +-1}. Adam is exactly
 * equivariant under these, even in floating point (adam-rotation.md §2 fact 3): they only move and negate entries.
 */
public final class SignedPermutation implements Rotation {

    private final int[] permutation;
    private final double[] signs;

    /**
     * @param permutation a permutation of {@code 0..D-1} (copied)
     * @param signs       {@code D} entries, each {@code +1} or {@code -1} (copied)
     */
    public SignedPermutation(int[] permutation, double[] signs) {
        Objects.requireNonNull(permutation, "permutation");
        Objects.requireNonNull(signs, "signs");
        int d = permutation.length;
        if (d < 1 || signs.length != d) {
            throw new IllegalArgumentException("need D >= 1 indices and D signs, got " + d + " and " + signs.length);
        }
        boolean[] seen = new boolean[d];
        for (int i = 0; i < d; i++) {
            int p = permutation[i];
            if (p < 0 || p >= d || seen[p]) {
                throw new IllegalArgumentException("permutation is not a permutation of 0.." + (d - 1) + ": entry " + i
                        + " is " + p);
            }
            seen[p] = true;
            if (signs[i] != 1 && signs[i] != -1) {
                throw new IllegalArgumentException("signs must be +1 or -1, got " + signs[i] + " at " + i);
            }
        }
        this.permutation = permutation.clone();
        this.signs = signs.clone();
    }

    /** @return the identity of {@code R^dimension} */
    public static SignedPermutation identity(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        int[] p = new int[dimension];
        double[] s = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            p[i] = i;
            s[i] = 1;
        }
        return new SignedPermutation(p, s);
    }

    /** @return a uniform random signed permutation (Fisher–Yates, then one fair sign per entry) */
    public static SignedPermutation random(int dimension, RandomGenerator rng) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        int[] p = BlockRotation.randomPermutation(dimension, rng);
        double[] s = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            s[i] = rng.nextBoolean() ? 1 : -1;
        }
        return new SignedPermutation(p, s);
    }

    @Override
    public int dimension() {
        return permutation.length;
    }

    @Override
    public void rotate(double[] x, double[] out) {
        Rotation.checkArguments(this, x, out);
        for (int i = 0; i < permutation.length; i++) {
            out[i] = signs[i] * x[permutation[i]];
        }
    }

    @Override
    public void rotateBack(double[] x, double[] out) {
        Rotation.checkArguments(this, x, out);
        for (int i = 0; i < permutation.length; i++) {
            out[permutation[i]] = signs[i] * x[i];
        }
    }

    @Override
    public String toString() {
        return "SignedPermutation[D = " + permutation.length + "]";
    }
}
