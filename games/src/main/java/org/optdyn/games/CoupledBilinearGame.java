package org.optdyn.games;

import java.util.Arrays;
import java.util.Objects;

/**
 * A regularized bilinear game with a nonlinear coupling (a multi-dimensional relative of the Dirac-GAN toy of
 * Mescheder, Geiger, Nowozin 2018):
 * <pre>
 *   min_x max_y  f(x, y) = (μ/2)‖x‖² + xᵀ B tanh(y) - (μ/2)‖y‖²,
 *   F(x, y) = ( μx + B tanh(y),  -s ⊙ (Bᵀx) + μy ),   s = 1 - tanh²(y).
 * </pre>
 * The equilibrium is {@code w* = 0} and {@code J(w*) = [[μI, B], [-Bᵀ, μI]]}, so near {@code w*} every method
 * converges at the rate of the regularized bilinear shape {@code ShiftedBilinear(μ, σ_min(B), σ_max(B))}
 * (spectral-shapes.md §1: local analysis). Jacobian at {@code w = (x, y)}, with {@code t = tanh(y)}:
 * {@code J = [[μI, B S], [-S Bᵀ, μI + diag(2 t s ⊙ Bᵀx)]]}, {@code S = diag(s)}.
 */
public final class CoupledBilinearGame implements Game {

    private final int n;
    private final double[] b;
    private final double mu;

    /**
     * @param b  row-major square coupling {@code n × n} (copied)
     * @param n  size of each player
     * @param mu regularization {@code >= 0}
     */
    public CoupledBilinearGame(double[] b, int n, double mu) {
        Objects.requireNonNull(b, "b");
        if (n < 1 || b.length != n * n) {
            throw new IllegalArgumentException("b must be n × n with n >= 1, got n = " + n + ", length " + b.length);
        }
        if (!(mu >= 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite and >= 0, got " + mu);
        }
        this.b = b.clone();
        this.n = n;
        this.mu = mu;
    }

    @Override
    public int dimension() {
        return 2 * n;
    }

    @Override
    public int split() {
        return n;
    }

    /** {@code (B z)_i} for z = tanh(y) or a direction, without allocation. */
    private double rowDot(int i, double[] z, int off, boolean tanh) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += b[i * n + j] * (tanh ? Math.tanh(z[off + j]) : z[off + j]);
        }
        return s;
    }

    /** {@code (Bᵀ x)_j}. */
    private double colDot(int j, double[] x) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += b[i * n + j] * x[i];
        }
        return s;
    }

    @Override
    public void field(double[] w, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = mu * w[i] + rowDot(i, w, n, true);
        }
        for (int j = 0; j < n; j++) {
            double t = Math.tanh(w[n + j]);
            out[n + j] = -(1 - t * t) * colDot(j, w) + mu * w[n + j];
        }
    }

    @Override
    public void jvp(double[] w, double[] v, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                double t = Math.tanh(w[n + j]);
                s += b[i * n + j] * (1 - t * t) * v[n + j];
            }
            out[i] = mu * v[i] + s;
        }
        for (int j = 0; j < n; j++) {
            double t = Math.tanh(w[n + j]), s = 1 - t * t;
            out[n + j] = -s * colDot(j, v) + (2 * t * s * colDot(j, w) + mu) * v[n + j];
        }
    }

    @Override
    public void vjp(double[] w, double[] u, double[] out) {
        // Jᵀ = [[μI, -B S], [S Bᵀ, μI + D]]
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                double t = Math.tanh(w[n + j]);
                s += b[i * n + j] * (1 - t * t) * u[n + j];
            }
            out[i] = mu * u[i] - s;
        }
        for (int j = 0; j < n; j++) {
            double t = Math.tanh(w[n + j]), s = 1 - t * t;
            out[n + j] = s * colDot(j, u) + (2 * t * s * colDot(j, w) + mu) * u[n + j];
        }
    }

    @Override
    public double[] equilibrium() {
        return new double[2 * n];
    }

    /** @return a copy of the coupling matrix. */
    public double[] coupling() {
        return Arrays.copyOf(b, b.length);
    }
}
