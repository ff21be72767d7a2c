package org.optdyn.engine.rotation;

import java.util.Objects;

/**
 * A two-sided rotation of {@code m x n} matrices stored row-major (adam-rotation.md §3, the SVD and eigen-aligned
 * bases): {@code W -> U^T W V} with {@code U in O(m)}, {@code V in O(n)}, i.e. the orthogonal map
 * {@code vec(W) -> (V (x) U)^T vec(W)} of {@code R^{mn}}, and back {@code W~ -> U W~ V^T}. Cost {@code mn(m + n)}
 * multiply-adds; owns an {@code m x n} scratch matrix (one thread at a time).
 */
public final class TwoSidedRotation implements Rotation {

    private final int m;
    private final int n;
    private final double[] u;
    private final double[] v;
    private final double[] scratch;

    /**
     * @param left  {@code U}, {@code m x m}
     * @param right {@code V}, {@code n x n}
     */
    public TwoSidedRotation(DenseRotation left, DenseRotation right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        this.m = left.dimension();
        this.n = right.dimension();
        this.u = left.matrix();
        this.v = right.matrix();
        this.scratch = new double[Math.multiplyExact(m, n)];
    }

    /** @return the number of rows {@code m} of the matrices rotated */
    public int rows() {
        return m;
    }

    /** @return the number of columns {@code n} */
    public int cols() {
        return n;
    }

    @Override
    public int dimension() {
        return m * n;
    }

    /** {@code out = U^T x V}. */
    @Override
    public void rotate(double[] x, double[] out) {
        Rotation.checkArguments(this, x, out);
        // scratch = U^T x:  scratch[i][j] = sum_k u[k][i] x[k][j]
        java.util.Arrays.fill(scratch, 0);
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                double a = u[k * m + i];
                if (a != 0) {
                    for (int j = 0; j < n; j++) {
                        scratch[i * n + j] += a * x[k * n + j];
                    }
                }
            }
        }
        // out = scratch V:  out[i][j] = sum_k scratch[i][k] v[k][j]
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < n; k++) {
                double a = scratch[i * n + k];
                if (a != 0) {
                    for (int j = 0; j < n; j++) {
                        out[i * n + j] += a * v[k * n + j];
                    }
                }
            }
        }
    }

    /** {@code out = U x V^T}. */
    @Override
    public void rotateBack(double[] x, double[] out) {
        Rotation.checkArguments(this, x, out);
        // scratch = U x
        java.util.Arrays.fill(scratch, 0);
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                double a = u[i * m + k];
                if (a != 0) {
                    for (int j = 0; j < n; j++) {
                        scratch[i * n + j] += a * x[k * n + j];
                    }
                }
            }
        }
        // out = scratch V^T:  out[i][j] = sum_k scratch[i][k] v[j][k]
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += scratch[i * n + k] * v[j * n + k];
                }
                out[i * n + j] = s;
            }
        }
    }

    @Override
    public String toString() {
        return "TwoSidedRotation[" + m + " x " + n + "]";
    }
}
