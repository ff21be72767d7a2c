package org.optdyn.engine.linalg;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * The full singular value decomposition {@code A = U diag(s) V^T} of a real {@code m x n} matrix: {@code U} is
 * {@code m x m} and {@code V} is {@code n x n}, both orthogonal (square, so that {@code vec(W) -> (V (x) U)^T vec(W)}
 * is an orthogonal map of {@code R^{mn}}, adam-rotation.md §3), and {@code s} holds the {@code r = min(m, n)}
 * singular values in decreasing order.
 *
 * <p>Algorithm: one-sided Jacobi (Hestenes 1958; Demmel and Veselić 1992). The columns of {@code A} (of
 * {@code A^T} when {@code m < n}) are orthogonalised by plane rotations, accumulated in {@code V}, sweeping all
 * pairs until every pair satisfies {@code |w_p . w_q| <= 1e-15 |w_p| |w_q|}; then {@code s_j = |w_j|} and
 * {@code u_j = w_j / s_j}. It computes singular values to high relative accuracy. Columns of {@code U} for zero
 * singular values, and the {@code m - n} columns beyond {@code n}, complete the basis by Gram–Schmidt against the
 * standard basis (an implementation-defined choice for the null space, which adam-rotation.md §3 asks to record).
 * Cost: about {@code 6 m n^2} flops per sweep, usually 6–10 sweeps.
 *
 * @param rows           {@code m}
 * @param cols           {@code n}
 * @param u              {@code U}, {@code m x m} row-major
 * @param singularValues {@code s_1 >= ... >= s_r >= 0}, {@code r = min(m, n)}
 * @param v              {@code V}, {@code n x n} row-major
 */
public record SingularValueDecomposition(int rows, int cols, double[] u, double[] singularValues, double[] v) {

    private static final DoubleKernels K = Kernels.doubles();
    private static final double TOLERANCE = 1e-15;
    private static final int MAX_SWEEPS = 60;

    public SingularValueDecomposition {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(singularValues, "singularValues");
        Objects.requireNonNull(v, "v");
        u = u.clone();
        singularValues = singularValues.clone();
        v = v.clone();
    }

    /**
     * @param a    {@code m x n} row-major (read only)
     * @param rows {@code m >= 1}
     * @param cols {@code n >= 1}
     * @throws IllegalArgumentException on a bad size or a non-finite entry
     */
    public static SingularValueDecomposition of(double[] a, int rows, int cols) {
        check(a, rows, cols);
        if (rows >= cols) {
            return decompose(a, rows, cols, false);
        }
        double[] t = transpose(a, rows, cols);
        SingularValueDecomposition s = decompose(t, cols, rows, false);
        return new SingularValueDecomposition(rows, cols, s.v, s.singularValues, s.u);
    }

    /** @return the singular values of the {@code m x n} row-major matrix {@code a}, decreasing */
    public static double[] singularValues(double[] a, int rows, int cols) {
        check(a, rows, cols);
        if (rows >= cols) {
            return decompose(a, rows, cols, true).singularValues;
        }
        return decompose(transpose(a, rows, cols), cols, rows, true).singularValues;
    }

    @Override
    public double[] u() {
        return u.clone();
    }

    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    @Override
    public double[] v() {
        return v.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SingularValueDecomposition d && rows == d.rows && cols == d.cols && Arrays.equals(u, d.u)
                && Arrays.equals(singularValues, d.singularValues) && Arrays.equals(v, d.v);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, cols, Arrays.hashCode(u), Arrays.hashCode(singularValues), Arrays.hashCode(v));
    }

    @Override
    public String toString() {
        return "SingularValueDecomposition[" + rows + " x " + cols + ", s = " + Arrays.toString(singularValues) + "]";
    }

    private static void check(double[] a, int rows, int cols) {
        Objects.requireNonNull(a, "a");
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be >= 1, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != a.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + (long) rows * cols
                    + " entries, got " + a.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException("matrix entry " + i + " is not finite: " + a[i]);
            }
        }
    }

    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    /** One-sided Jacobi on the columns of {@code a} ({@code m x n}, {@code m >= n}). */
    private static SingularValueDecomposition decompose(double[] a, int m, int n, boolean valuesOnly) {
        // w[j] is column j of A (contiguous), vc[j] column j of V
        double[][] w = new double[n][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                w[j][i] = a[i * n + j];
            }
        }
        double[][] vc = new double[n][n];
        for (int j = 0; j < n; j++) {
            vc[j][j] = 1;
        }
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            norms[j] = dot(w[j], w[j]);
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = norms[p];
                    double beta = norms[q];
                    if (alpha == 0 || beta == 0) {
                        continue;
                    }
                    double gamma = dot(w[p], w[q]);
                    if (Math.abs(gamma) <= TOLERANCE * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    rotate(w[p], w[q], c, s);
                    if (!valuesOnly) {
                        rotate(vc[p], vc[q], c, s);
                    }
                    norms[p] = dot(w[p], w[p]);
                    norms[q] = dot(w[q], w[q]);
                }
            }
            if (!rotated) {
                break;
            }
        }
        Integer[] order = new Integer[n];
        double[] sv = new double[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
            sv[j] = Math.sqrt(dot(w[j], w[j]));
        }
        Arrays.sort(order, (x, y) -> Double.compare(sv[y], sv[x]));
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            s[k] = sv[order[k]];
        }
        if (valuesOnly) {
            return new SingularValueDecomposition(m, n, new double[0], s, new double[0]);
        }
        double[] v = new double[n * n];
        double[][] uc = new double[m][];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            for (int i = 0; i < n; i++) {
                v[i * n + k] = vc[j][i];
            }
            if (s[k] > 0 && s[k] > s[0] * 1e-300) {
                double[] col = w[j].clone();
                for (int i = 0; i < m; i++) {
                    col[i] /= s[k];
                }
                uc[k] = col;
            }
        }
        completeBasis(uc, m);
        double[] u = new double[m * m];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                u[i * m + k] = uc[k][i];
            }
        }
        return new SingularValueDecomposition(m, n, u, s, v);
    }

    /**
     * Fills the null entries of {@code cols} with unit vectors orthogonal to the rest: for each, the standard basis
     * vector with the largest residual after projecting out the filled columns (Gram–Schmidt, twice). With {@code k}
     * columns filled the residuals' squared norms sum to {@code m - k >= 1}, so the largest is at least
     * {@code 1/m}: never a cancellation to rounding.
     */
    private static void completeBasis(double[][] cols, int m) {
        for (int k = 0; k < m; k++) {
            if (cols[k] != null) {
                continue;
            }
            double[] best = null;
            double bestNorm = -1;
            for (int candidate = 0; candidate < m; candidate++) {
                double[] e = new double[m];
                e[candidate] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (double[] c : cols) {
                        if (c != null) {
                            double d = dot(c, e);
                            for (int i = 0; i < m; i++) {
                                e[i] -= d * c[i];
                            }
                        }
                    }
                }
                double norm = Math.sqrt(dot(e, e));
                if (norm > bestNorm) {
                    best = e;
                    bestNorm = norm;
                }
            }
            for (int i = 0; i < m; i++) {
                best[i] /= bestNorm;
            }
            cols[k] = best;
        }
    }

    private static double dot(double[] x, double[] y) {
        return K.dot(x, 0, y, 0, x.length);
    }

    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double yi = y[i];
            x[i] = c * xi - s * yi;
            y[i] = s * xi + c * yi;
        }
    }
}
