package org.optdyn.theory.spectrum;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The exponential ESD {@code dmu = lambda0^{-1} exp(-lambda/lambda0) dlambda} on {@code [0, inf)}
 * (docs/theory/average-case.md, section 3.5; the Laguerre method of section 2.9 is optimal for it).
 * Quadrature: Hipparchus' Gauss–Laguerre rule, exact for polynomials of degree {@code <= 2n - 1}.
 *
 * @param mean {@code lambda0 > 0}, the mean eigenvalue
 */
public record ExponentialSpectrum(double mean) implements SpectralDistribution {

    public ExponentialSpectrum {
        if (!(mean > 0.0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and > 0, got " + mean);
        }
    }

    @Override
    public double lowerEdge() {
        return 0.0;
    }

    @Override
    public double upperEdge() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double density(double lambda) {
        return lambda < 0.0 ? 0.0 : Math.exp(-lambda / mean) / mean;
    }

    @Override
    public double cdf(double lambda) {
        return lambda <= 0.0 ? 0.0 : -Math.expm1(-lambda / mean);
    }

    @Override
    public double quantile(double p) {
        SpectralDistribution.checkProbability(p);
        return -mean * Math.log1p(-p);
    }

    /** {@code k! lambda0^k}. */
    @Override
    public double moment(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        double m = 1.0;
        for (int i = 1; i <= k; i++) {
            m *= i * mean;
        }
        return m;
    }

    @Override
    public SpectralQuadrature quadrature(int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be >= 1, got " + nodes);
        }
        GaussIntegrator g = new GaussIntegratorFactory().laguerre(nodes);
        double[] z = new double[nodes];
        double[] w = new double[nodes];
        for (int j = 0; j < nodes; j++) {
            z[j] = mean * g.getPoint(j);
            w[j] = g.getWeight(j);
        }
        return new SpectralQuadrature(z, w);
    }
}
