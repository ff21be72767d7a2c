package org.optdyn.verification.sgdode;

import java.util.function.DoubleUnaryOperator;

/**
 * An independent solver of the least-squares Volterra equation of sgd-ode.md §3.2 ([HL] display after eq. (7),
 * App. D.2 eqs. (64)-(66); [SGDL]):
 * <pre>
 *   R(t) = omega^2/2 + F(Gamma(t)) + int_0^t gamma_s^2 K(Gamma(t) - Gamma(s)) R(s) ds,
 *   F(u) = 1/2 sum_j lambda_j r_j(0) e^{-2 lambda_j u},   K(u) = sum_j w_j lambda_j^2 e^{-2 lambda_j u},
 *   Gamma(t) = int_0^t gamma,
 * </pre>
 * discretized by the trapezoidal rule on a uniform grid of step h (implicit in the newest value, K(0) = m_2):
 * {@code R_n (1 - h gamma_n^2 K(0)/2) = f_n + h [gamma_0^2 K(Gamma_n) R_0 / 2 + sum_{0<m<n} gamma_m^2
 * K(Gamma_n - Gamma_m) R_m]}, O(N^2 J) work. The error is O(h^2) with a smooth expansion, so one Richardson
 * step {@code (4 R_{h/2} - R_h)/3} gives O(h^4).
 */
final class VolterraLeastSquares {

    private VolterraLeastSquares() {
    }

    /**
     * @param lambda distinct eigenvalues
     * @param weight their weights w_j (sum 1)
     * @param r0     initial residual group sums r_j(0)
     * @param omega  label-noise standard deviation
     * @param gamma  learning rate t -> gamma(t)
     * @param horizon T, a multiple of h
     * @param steps  N = T/h
     * @return R on the grid t_n = n h, n = 0..N
     */
    static double[] solve(double[] lambda, double[] weight, double[] r0, double omega, DoubleUnaryOperator gamma,
                          double horizon, int steps) {
        double h = horizon / steps;
        int n1 = steps + 1;
        double[] g = new double[n1];
        double[] cap = new double[n1];            // Gamma(t_n) by the trapezoidal rule on the same grid
        for (int n = 0; n < n1; n++) {
            g[n] = gamma.applyAsDouble(n * h);
        }
        for (int n = 1; n < n1; n++) {
            cap[n] = cap[n - 1] + 0.5 * h * (g[n - 1] + g[n]);
        }
        double k0 = kernel(lambda, weight, 0);
        double[] r = new double[n1];
        for (int n = 0; n < n1; n++) {
            double f = 0.5 * omega * omega;
            for (int j = 0; j < lambda.length; j++) {
                f += 0.5 * lambda[j] * r0[j] * Math.exp(-2 * lambda[j] * cap[n]);
            }
            if (n == 0) {
                r[0] = f;
                continue;
            }
            double s = 0.5 * g[0] * g[0] * kernel(lambda, weight, cap[n]) * r[0];
            for (int m = 1; m < n; m++) {
                s += g[m] * g[m] * kernel(lambda, weight, cap[n] - cap[m]) * r[m];
            }
            r[n] = (f + h * s) / (1 - 0.5 * h * g[n] * g[n] * k0);
        }
        return r;
    }

    /** One Richardson step from steps N and 2N: O(h^4) values on the coarse grid. */
    static double[] richardson(double[] lambda, double[] weight, double[] r0, double omega, DoubleUnaryOperator gamma,
                               double horizon, int steps) {
        double[] coarse = solve(lambda, weight, r0, omega, gamma, horizon, steps);
        double[] fine = solve(lambda, weight, r0, omega, gamma, horizon, 2 * steps);
        double[] out = new double[coarse.length];
        for (int n = 0; n < coarse.length; n++) {
            out[n] = (4 * fine[2 * n] - coarse[n]) / 3;
        }
        return out;
    }

    private static double kernel(double[] lambda, double[] weight, double u) {
        double k = 0;
        for (int j = 0; j < lambda.length; j++) {
            k += weight[j] * lambda[j] * lambda[j] * Math.exp(-2 * lambda[j] * u);
        }
        return k;
    }
}
