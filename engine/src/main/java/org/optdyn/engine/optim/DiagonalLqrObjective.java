package org.optdyn.engine.optim;

import java.util.Objects;

/**
 * The relaxed LLQR inner problem for a diagonal inverse preconditioner {@code U = diag(u)} (docs/theory/sam.md
 * section 2; Dufort-Labbé et al. 2026, as implemented in the authors' reference code): for per-sample gradients
 * {@code g_i} and per-sample curvatures {@code G_i} of the chosen metric,
 * <pre>
 *   J(u)        = (1/B) sum_i [ -g_i^T diag(u) g_i + (1/2) (u*g_i)^T G_i (u*g_i) ]
 *   dJ/du_j     = (1/B) sum_i [ -g_ij^2 + g_ij (G_i (u*g_i))_j ]
 *   minimiser:  M u = s,  M_jl = (1/B) sum_i g_ij G_i,jl g_il,  s_j = (1/B) sum_i g_ij^2
 * </pre>
 * and the reference implementation's partial refresh: a few momentum-SGD steps on {@code J} from a warm start, the
 * gradient clipped to norm 5. Cost {@code O(B n^2)} per evaluation (dense {@code G_i}); a small reference model for
 * tests, not a scalable implementation. Check S9 of sam.md. Immutable (inputs are copied).
 */
public final class DiagonalLqrObjective {

    private final double[][] g;
    private final double[][][] curvature;
    private final int n;

    /**
     * @param gradients  per-sample gradients {@code g_i} (read, copied), {@code B >= 1} rows of equal length
     *                   {@code n >= 1}, finite
     * @param curvatures per-sample symmetric curvatures {@code G_i} (read, copied), {@code B} matrices {@code n x n}
     */
    public DiagonalLqrObjective(double[][] gradients, double[][][] curvatures) {
        Objects.requireNonNull(gradients, "gradients");
        Objects.requireNonNull(curvatures, "curvatures");
        if (gradients.length == 0 || gradients.length != curvatures.length) {
            throw new IllegalArgumentException("gradients.length = " + gradients.length + ", curvatures.length = "
                    + curvatures.length + ": must be equal and >= 1");
        }
        this.n = Checks.dimension(gradients[0].length);
        this.g = new double[gradients.length][];
        this.curvature = new double[gradients.length][n][];
        for (int i = 0; i < gradients.length; i++) {
            Checks.length("gradients[" + i + "]", gradients[i].length, n);
            Checks.length("curvatures[" + i + "]", curvatures[i].length, n);
            g[i] = finiteCopy("gradients[" + i + "]", gradients[i]);
            for (int j = 0; j < n; j++) {
                Checks.length("curvatures[" + i + "][" + j + "]", curvatures[i][j].length, n);
                curvature[i][j] = finiteCopy("curvatures[" + i + "][" + j + "]", curvatures[i][j]);
            }
        }
    }

    /**
     * The least-squares toy of sam.md S9: rows {@code x_i}, residuals {@code r_i}, {@code g_i = r_i x_i},
     * {@code G_i = x_i x_i^T}.
     *
     * @param x rows (read), equal lengths
     * @param r residuals (read), one per row
     * @return the objective
     */
    public static DiagonalLqrObjective leastSquares(double[][] x, double[] r) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(r, "r");
        if (x.length != r.length) {
            throw new IllegalArgumentException("x.length = " + x.length + " but r.length = " + r.length);
        }
        double[][] grads = new double[x.length][];
        double[][][] curv = new double[x.length][][];
        for (int i = 0; i < x.length; i++) {
            int d = x[i].length;
            grads[i] = new double[d];
            curv[i] = new double[d][d];
            for (int j = 0; j < d; j++) {
                grads[i][j] = r[i] * x[i][j];
                for (int l = 0; l < d; l++) {
                    curv[i][j][l] = x[i][j] * x[i][l];
                }
            }
        }
        return new DiagonalLqrObjective(grads, curv);
    }

    /** @return the dimension {@code n} of {@code u}. */
    public int dimension() {
        return n;
    }

    /**
     * @param u the diagonal (read), length {@code n}
     * @return {@code J(u)}
     */
    public double value(double[] u) {
        Checks.length("u", u.length, n);
        double[] ug = new double[n];
        double sum = 0.0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < n; j++) {
                ug[j] = u[j] * g[i][j];
            }
            for (int j = 0; j < n; j++) {
                double gu = 0.0;
                for (int l = 0; l < n; l++) {
                    gu += curvature[i][j][l] * ug[l];
                }
                sum += -g[i][j] * ug[j] + 0.5 * ug[j] * gu;
            }
        }
        return sum / g.length;
    }

    /**
     * @param u   the diagonal (read), length {@code n}
     * @param out {@code dJ/du} (written), length {@code n}, not {@code u}
     */
    public void gradient(double[] u, double[] out) {
        Checks.length("u", u.length, n);
        Checks.length("out", out.length, n);
        if (u == out) {
            throw new IllegalArgumentException("out aliases u: it must be a separate array");
        }
        java.util.Arrays.fill(out, 0.0);
        double[] ug = new double[n];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < n; j++) {
                ug[j] = u[j] * g[i][j];
            }
            for (int j = 0; j < n; j++) {
                double gu = 0.0;
                for (int l = 0; l < n; l++) {
                    gu += curvature[i][j][l] * ug[l];
                }
                out[j] += -g[i][j] * g[i][j] + g[i][j] * gu;
            }
        }
        for (int j = 0; j < n; j++) {
            out[j] /= g.length;
        }
    }

    /**
     * The exact minimiser: solves {@code M u = s} by Gaussian elimination with partial pivoting ({@code O(n^3)}).
     * The reference implementation never does this ({@code M} is often ill-conditioned); it is the limit of
     * {@link #refresh} with many steps.
     *
     * @return {@code u*}
     * @throws IllegalArgumentException if {@code M} is singular
     */
    public double[] minimiser() {
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    a[j][l] += g[i][j] * curvature[i][j][l] * g[i][l] / g.length;
                }
                a[j][n] += g[i][j] * g[i][j] / g.length;
            }
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int rIdx = c + 1; rIdx < n; rIdx++) {
                if (Math.abs(a[rIdx][c]) > Math.abs(a[pivot][c])) {
                    pivot = rIdx;
                }
            }
            if (a[pivot][c] == 0.0) {
                throw new IllegalArgumentException("M is singular (column " + c + "): no unique minimiser");
            }
            double[] tmp = a[c];
            a[c] = a[pivot];
            a[pivot] = tmp;
            for (int rIdx = c + 1; rIdx < n; rIdx++) {
                double f = a[rIdx][c] / a[c][c];
                for (int l = c; l <= n; l++) {
                    a[rIdx][l] -= f * a[c][l];
                }
            }
        }
        double[] u = new double[n];
        for (int c = n - 1; c >= 0; c--) {
            double s = a[c][n];
            for (int l = c + 1; l < n; l++) {
                s -= a[c][l] * u[l];
            }
            u[c] = s / a[c][c];
        }
        return u;
    }

    /**
     * The partial refresh of the reference implementation (sam.md section 2): {@code steps} momentum-SGD steps on
     * {@code J} from {@code u} (warm start), the gradient clipped to Euclidean norm {@code clip} first, with the
     * PyTorch/Optax momentum convention {@code v <- momentum v + grad}, {@code u <- u - lr v} ({@code v_0 = 0}).
     * Reference defaults: {@code steps = 50}, {@code lr = 1e-3}, {@code momentum = 0.9}, {@code clip = 5}.
     *
     * @param u        the diagonal (read and written: the refreshed {@code U_T})
     * @param steps    the number of inner steps, {@code >= 0}
     * @param lr       the inner learning rate, finite and {@code >= 0}
     * @param momentum the momentum, in {@code [0, 1)}
     * @param clip     the gradient-norm clip, finite and {@code > 0}
     */
    public void refreshInPlace(double[] u, int steps, double lr, double momentum, double clip) {
        Checks.length("u", u.length, n);
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + ": must be >= 0");
        }
        Checks.finiteNonNegative("lr", lr);
        Checks.unitInterval("momentum", momentum);
        Checks.finitePositive("clip", clip);
        double[] grad = new double[n];
        double[] v = new double[n];
        for (int t = 0; t < steps; t++) {
            gradient(u, grad);
            double norm = 0.0;
            for (double x : grad) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            double scale = norm > clip ? clip / norm : 1.0;
            for (int j = 0; j < n; j++) {
                v[j] = momentum * v[j] + scale * grad[j];
                u[j] -= lr * v[j];
            }
        }
    }

    private static double[] finiteCopy(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + ": must be finite");
            }
        }
        return values.clone();
    }
}
