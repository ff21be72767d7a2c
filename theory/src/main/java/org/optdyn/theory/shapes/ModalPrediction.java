package org.optdyn.theory.shapes;

import java.util.Objects;

import org.hipparchus.complex.Complex;

/**
 * The exact error trajectory of a stationary method on a normal linear game, from the per-eigenvalue
 * characteristic recurrences (spectral-shapes.md §3).
 *
 * <p>For a normal real Jacobian {@code A = Q D Qᵀ} with {@code D} block diagonal ({@code 1×1} blocks for real
 * eigenvalues, {@code 2×2} scaled rotations {@code [[x, -y], [y, x]]} for pairs {@code x ± iy}) every method of
 * {@link FirstOrderMethod} acts on block {@code j} as multiplication by a scalar {@code u_t(λ_j)} obeying its
 * characteristic recurrence {@code u_{t+1} = b u_t - c u_{t-1}} with {@code u_{-1} = u_0 = 1} (the convention
 * {@code w_{-1} = w_0}, §10.3). Hence, exactly,
 * {@code ‖e_t‖² = Σ_j |u_t(λ_j)|² ‖P_j e_0‖²}, where {@code P_j} projects on block {@code j}'s invariant subspace.
 */
public final class ModalPrediction {

    private ModalPrediction() {
    }

    /**
     * @param method      the method
     * @param eigenvalues one representative eigenvalue per invariant block ({@code Im >= 0} for pairs)
     * @param weights     {@code ‖P_j e_0‖}, same length
     * @param steps       number of iterations {@code T}
     * @return {@code ‖e_t‖} for {@code t = 0..T}
     */
    public static double[] errorNorms(FirstOrderMethod method, Complex[] eigenvalues, double[] weights, int steps) {
        Objects.requireNonNull(method, "method");
        if (eigenvalues.length != weights.length) {
            throw new IllegalArgumentException("eigenvalues.length = " + eigenvalues.length + " but weights.length = "
                    + weights.length);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        double[] sq = new double[steps + 1];
        for (int j = 0; j < eigenvalues.length; j++) {
            Complex b = method.b(eigenvalues[j]);
            Complex c = method.c(eigenvalues[j]);
            double br = b.getReal(), bi = b.getImaginary();
            double cr = c == null ? 0 : c.getReal(), ci = c == null ? 0 : c.getImaginary();
            double ur = 1, ui = 0, pr = 1, pi = 0;
            double w2 = weights[j] * weights[j];
            for (int t = 0; t <= steps; t++) {
                sq[t] += w2 * (ur * ur + ui * ui);
                double nr = br * ur - bi * ui - (cr * pr - ci * pi);
                double ni = br * ui + bi * ur - (cr * pi + ci * pr);
                pr = ur;
                pi = ui;
                ur = nr;
                ui = ni;
            }
        }
        for (int t = 0; t <= steps; t++) {
            sq[t] = Math.sqrt(sq[t]);
        }
        return sq;
    }

    /**
     * Least-squares slope of {@code log y_t} on {@code t in [from, to]}, returned as a rate {@code exp(slope)}.
     *
     * @param y    positive values
     * @param from first index of the window
     * @param to   last index of the window, {@code > from}
     * @return the fitted linear rate
     */
    public static double fittedRate(double[] y, int from, int to) {
        if (from < 0 || to <= from || to >= y.length) {
            throw new IllegalArgumentException("need 0 <= from < to < y.length, got from = " + from + ", to = " + to
                    + ", length = " + y.length);
        }
        int n = to - from + 1;
        double tm = (from + to) / 2.0, lm = 0;
        for (int t = from; t <= to; t++) {
            lm += Math.log(y[t]);
        }
        lm /= n;
        double num = 0, den = 0;
        for (int t = from; t <= to; t++) {
            num += (t - tm) * (Math.log(y[t]) - lm);
            den += (t - tm) * (t - tm);
        }
        return Math.exp(num / den);
    }
}
