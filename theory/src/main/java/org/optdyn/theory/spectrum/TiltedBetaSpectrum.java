package org.optdyn.theory.spectrum;

import java.util.function.DoubleUnaryOperator;

import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * A Beta-edged ESD with a non-constant bulk: density {@code psi(lambda) = (lambda - l)^xi (L - lambda)^tau h(lambda)/Z}
 * with {@code h} continuous and bounded away from 0 and infinity on {@code [l, L]} — the edge-exponent class
 * {@code (xi, tau)} of [CGPSP22] (docs/theory/average-case.md, section 3.3). Used to check that only the edges
 * decide the asymptotic rates.
 *
 * <p>Quadrature: the Gauss–Jacobi rule of {@code Beta_{xi,tau}[l, L]} with weights multiplied by {@code h(z_j)/Z};
 * exact up to the polynomial approximation error of {@code h} (spectral for analytic {@code h}).
 * {@code Z} is computed with a 200-node rule.
 */
public final class TiltedBetaSpectrum implements SpectralDistribution {

    private static final int NORMALIZATION_NODES = 200;

    private final BetaSpectrum base;
    private final DoubleUnaryOperator tilt;
    private final String tiltName;
    private final double normalization;

    /**
     * @param base     the edge exponents and support
     * @param tilt     {@code h}, positive on {@code [l, L]}
     * @param tiltName a label for reports
     */
    public TiltedBetaSpectrum(BetaSpectrum base, DoubleUnaryOperator tilt, String tiltName) {
        this.base = java.util.Objects.requireNonNull(base, "base");
        this.tilt = java.util.Objects.requireNonNull(tilt, "tilt");
        this.tiltName = tiltName;
        var rule = base.quadrature(NORMALIZATION_NODES);
        for (int j = 0; j < rule.size(); j++) {
            double h = tilt.applyAsDouble(rule.node(j));
            if (!(h > 0.0) || !Double.isFinite(h)) {
                throw new IllegalArgumentException("tilt must be finite and > 0 on the support, got " + h
                        + " at lambda = " + rule.node(j));
            }
        }
        this.normalization = rule.integrate(tilt);
    }

    /** @return the untilted Beta ESD with the same edges. */
    public BetaSpectrum base() {
        return base;
    }

    /** @return the label of the tilt. */
    public String tiltName() {
        return tiltName;
    }

    /** @return the density constant near the left edge: the base constant times {@code h(l)/Z}. */
    public double leftEdgeConstant() {
        return base.leftEdgeConstant() * tilt.applyAsDouble(base.lowerEdge()) / normalization;
    }

    @Override
    public double lowerEdge() {
        return base.lowerEdge();
    }

    @Override
    public double upperEdge() {
        return base.upperEdge();
    }

    @Override
    public double density(double lambda) {
        double d = base.density(lambda);
        return d == 0.0 ? 0.0 : d * tilt.applyAsDouble(lambda) / normalization;
    }

    /** CDF by Gauss–Jacobi on {@code [l, lambda]} with the left-edge singularity in the weight. */
    @Override
    public double cdf(double lambda) {
        double lo = base.lowerEdge();
        double hi = base.upperEdge();
        if (lambda <= lo) {
            return 0.0;
        }
        if (lambda >= hi) {
            return 1.0;
        }
        // int_lo^lambda (x-lo)^xi g(x) dx = (lambda-lo)^{xi+1}/(xi+1) * E[g] under the normalized (x-lo)^xi rule
        var rule = GaussJacobi.onInterval(80, 0.0, base.xi(), lo, lambda);
        double c = rule.integrate(x -> Math.pow(hi - x, base.tau()) * tilt.applyAsDouble(x));
        double raw = Math.pow(lambda - lo, base.xi() + 1.0) / (base.xi() + 1.0) * c;
        double z = Math.exp(-(base.xi() + base.tau() + 1.0) * Math.log(hi - lo)
                - org.hipparchus.special.Beta.logBeta(base.xi() + 1.0, base.tau() + 1.0)) / normalization;
        return Math.min(1.0, raw * z);
    }

    @Override
    public double quantile(double p) {
        SpectralDistribution.checkProbability(p);
        if (p == 0.0) {
            return base.lowerEdge();
        }
        if (p == 1.0) {
            return base.upperEdge();
        }
        return new BrentSolver(1e-14, 1e-14, 1e-300).solve(500, x -> cdf(x) - p, base.lowerEdge(),
                base.upperEdge());
    }

    @Override
    public double moment(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        return quadrature(NORMALIZATION_NODES).integrate(x -> Math.pow(x, k));
    }

    @Override
    public SpectralQuadrature quadrature(int nodes) {
        var rule = base.quadrature(nodes);
        double[] w = rule.weights();
        for (int j = 0; j < w.length; j++) {
            w[j] *= tilt.applyAsDouble(rule.node(j)) / normalization;
        }
        return new SpectralQuadrature(rule.nodes(), w);
    }

    @Override
    public String toString() {
        return "TiltedBeta[" + base + ", h = " + tiltName + "]";
    }
}
