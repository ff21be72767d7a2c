package org.optdyn.theory.spectrum;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.special.Beta;

/**
 * The Beta/Jacobi ESD {@code Beta_{xi,tau}[l, L]} (docs/theory/average-case.md, section 3.2):
 * <pre>
 *   dmu = (lambda - l)^xi (L - lambda)^tau / ((L - l)^{xi+tau+1} B(xi+1, tau+1)) dlambda,   lambda in [l, L]
 * </pre>
 * {@code xi} is the left-edge exponent, {@code tau} the right-edge exponent; {@code lambda = l + (L - l) Y} with
 * {@code Y ~ Beta(xi + 1, tau + 1)} in the usual shape parametrization. Special cases: uniform ({@code xi = tau = 0}),
 * power law near 0 ({@code l = 0, tau = 0}), MP with {@code r = 1} ({@code xi = -1/2, tau = 1/2, L = 4 sigma^2}).
 *
 * <p>Quadrature is Gauss–Jacobi with weight {@code (1 - y)^tau (1 + y)^xi} mapped to {@code [l, L]}: the edge
 * singularities sit in the weight, so with {@code n} nodes {@code int lambda^l P(lambda)^2 dmu} is exact (to rounding)
 * whenever {@code 2 deg P + l <= 2n - 1} (section 6.2).
 *
 * @param xi    left-edge exponent, {@code > -1}
 * @param tau   right-edge exponent, {@code > -1}
 * @param lower {@code l >= 0}
 * @param upper {@code L > l}
 */
public record BetaSpectrum(double xi, double tau, double lower, double upper) implements SpectralDistribution {

    public BetaSpectrum {
        if (!(xi > -1.0) || !Double.isFinite(xi)) {
            throw new IllegalArgumentException("xi must be finite and > -1, got " + xi);
        }
        if (!(tau > -1.0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite and > -1, got " + tau);
        }
        if (!(lower >= 0.0) || !Double.isFinite(lower)) {
            throw new IllegalArgumentException("lower must be finite and >= 0, got " + lower);
        }
        if (!(upper > lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("upper must be finite and > lower = " + lower + ", got " + upper);
        }
    }

    /** @return {@code Beta_{xi,tau}[lower, upper]}. */
    public static BetaSpectrum of(double xi, double tau, double lower, double upper) {
        return new BetaSpectrum(xi, tau, lower, upper);
    }

    /** @return the uniform distribution on {@code [lower, upper]}. */
    public static BetaSpectrum uniform(double lower, double upper) {
        return new BetaSpectrum(0.0, 0.0, lower, upper);
    }

    /** @return the power law {@code (xi + 1) lambda^xi / L^{xi+1}} on {@code [0, L]}. */
    public static BetaSpectrum powerLaw(double xi, double upper) {
        return new BetaSpectrum(xi, 0.0, 0.0, upper);
    }

    @Override
    public double lowerEdge() {
        return lower;
    }

    @Override
    public double upperEdge() {
        return upper;
    }

    /** @return the density constant near the left edge, {@code c = (L - l)^{-xi-1} / B(xi+1, tau+1)}. */
    public double leftEdgeConstant() {
        return Math.pow(upper - lower, -xi - 1.0) / Math.exp(Beta.logBeta(xi + 1.0, tau + 1.0));
    }

    @Override
    public double density(double lambda) {
        if (!(lambda > lower && lambda < upper)) {
            return 0.0;
        }
        double w = upper - lower;
        return Math.exp(xi * Math.log(lambda - lower) + tau * Math.log(upper - lambda)
                - (xi + tau + 1.0) * Math.log(w) - Beta.logBeta(xi + 1.0, tau + 1.0));
    }

    @Override
    public double cdf(double lambda) {
        if (lambda <= lower) {
            return 0.0;
        }
        if (lambda >= upper) {
            return 1.0;
        }
        return Beta.regularizedBeta((lambda - lower) / (upper - lower), xi + 1.0, tau + 1.0, 1e-15, 100_000);
    }

    @Override
    public double quantile(double p) {
        SpectralDistribution.checkProbability(p);
        double y = new BetaDistribution(xi + 1.0, tau + 1.0, 1e-15).inverseCumulativeProbability(p);
        return lower + (upper - lower) * y;
    }

    /** {@code E lambda^k = sum_j C(k, j) l^{k-j} (L - l)^j E Y^j}, {@code E Y^j = prod_{i<j} (a+i)/(a+b+i)}. */
    @Override
    public double moment(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        double a = xi + 1.0;
        double b = tau + 1.0;
        double s = 0.0;
        double ey = 1.0;
        double binom = 1.0;
        for (int j = 0; j <= k; j++) {
            if (j > 0) {
                ey *= (a + j - 1) / (a + b + j - 1);
                binom *= (double) (k - j + 1) / j;
            }
            s += binom * Math.pow(lower, k - j) * Math.pow(upper - lower, j) * ey;
        }
        return s;
    }

    @Override
    public SpectralQuadrature quadrature(int nodes) {
        return GaussJacobi.onInterval(nodes, tau, xi, lower, upper);
    }
}
