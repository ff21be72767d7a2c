package org.optdyn.theory.averagecase;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * Exact finite-{@code t} expected errors (docs/theory/average-case.md, section 4), all for {@code R^2 = 1}.
 */
public final class ExactErrors {

    private ExactErrors() {
    }

    /**
     * GD with {@code h = 1/L} on {@code Beta_{xi,tau}[0, L]}: {@code int (1 - lambda/L)^{2t} lambda^l dmu
     * = L^l B(xi + l + 1, 2t + tau + 1)/B(xi + 1, tau + 1)} (section 4.1).
     */
    public static double gradientDescentBeta(double xi, double tau, int l, double upper, int t) {
        return Math.pow(upper, l) * Math.exp(Beta.logBeta(xi + l + 1.0, 2.0 * t + tau + 1.0)
                - Beta.logBeta(xi + 1.0, tau + 1.0));
    }

    /**
     * The optimal {@code min int P^2 dmu} over residual polynomials of degree {@code <= t} for
     * {@code Beta_{xi,tau}[0, L]} (section 4.2):
     * {@code Gamma(xi+2) Gamma(xi+tau+2) Gamma(t+1) Gamma(t+tau+1) / (Gamma(tau+1) Gamma(t+xi+tau+2) Gamma(t+xi+2))}.
     */
    public static double optimalDistanceBeta(double xi, double tau, int t) {
        return Math.exp(Gamma.logGamma(xi + 2.0) + Gamma.logGamma(xi + tau + 2.0) + Gamma.logGamma(t + 1.0)
                + Gamma.logGamma(t + tau + 1.0) - Gamma.logGamma(tau + 1.0) - Gamma.logGamma(t + xi + tau + 2.0)
                - Gamma.logGamma(t + xi + 2.0));
    }

    /**
     * The optimal {@code min int lambda^l P^2 dmu} for {@code Beta_{xi,tau}[0, L]}:
     * {@code L^l [B(xi+l+1, tau+1)/B(xi+1, tau+1)] * optimalDistanceBeta(xi + l, tau, t)} (section 4.2).
     */
    public static double optimalBeta(double xi, double tau, int l, double upper, int t) {
        return Math.pow(upper, l) * Math.exp(Beta.logBeta(xi + l + 1.0, tau + 1.0) - Beta.logBeta(xi + 1.0, tau + 1.0))
                * optimalDistanceBeta(xi + l, tau, t);
    }

    /** U-Chebyshev (MP-optimal) on MP(r, sigma^2), {@code r < 1}: {@code D_t = r^t (1 - r)/(1 - r^{t+1})} (section 4.3). */
    public static double marchenkoPasturOptimalDistance(double r, int t) {
        if (r == 1.0) {
            return 1.0 / (t + 1.0);
        }
        if (r > 1.0) {
            double s = 1.0 / r;
            return (1.0 - s) + Math.pow(s, t + 1) * (1.0 - s) / (1.0 - Math.pow(s, t + 1));
        }
        return Math.pow(r, t) * (1.0 - r) / (1.0 - Math.pow(r, t + 1));
    }
}
