package org.optdyn.engine.random;

/**
 * Standard normal CDF for the tests (the engine has no special-function library): the Maclaurin series of erf for
 * |x| <= 3 (absolute error ~1e-14 after cancellation) and the Laplace continued fraction of the upper tail beyond
 * (evaluated backwards with 200 terms; relative error far below 1e-12 for x >= 3).
 */
final class NormalCdf {

    private NormalCdf() {
    }

    /** @return P(Z > x). */
    static double upperTail(double x) {
        if (x < 0) {
            return 1 - upperTail(-x);
        }
        if (x <= 3) {
            return 0.5 - 0.5 * erf(x / Math.sqrt(2));
        }
        // Q(x) = phi(x) / (x + 1/(x + 2/(x + 3/(x + ...))))
        double f = x;
        for (int k = 200; k >= 1; k--) {
            f = x + k / f;
        }
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) / f;
    }

    /** @return P(Z <= x). */
    static double cdf(double x) {
        return x < 0 ? upperTail(-x) : 1 - upperTail(x);
    }

    private static double erf(double x) {
        // erf x = 2/sqrt(pi) sum_n (-1)^n x^(2n+1) / (n! (2n+1))
        double term = x;
        double sum = x;
        double x2 = x * x;
        for (int n = 1; n < 120; n++) {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-18) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
