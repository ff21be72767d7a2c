package org.optdyn.theory.spectrum;

import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.util.CombinatoricsUtils;

/**
 * The Marchenko–Pastur law MP(r, sigma^2): the limiting spectrum of {@code H = X^T X / n} for {@code X} of size
 * {@code n x d} with i.i.d. entries of mean 0 and variance {@code sigma^2}, {@code r = d/n} (Marchenko and Pastur
 * 1967; docs/theory/average-case.md, section 3.1):
 * <pre>
 *   l = sigma^2 (1 - sqrt r)^2,   L = sigma^2 (1 + sqrt r)^2
 *   mu(dlambda) = (1 - 1/r)_+ delta_0 + sqrt((L - lambda)(lambda - l)) / (2 pi sigma^2 r lambda) 1_[l,L] dlambda
 * </pre>
 * Any ratio {@code r > 0}: for {@code r > 1} the atom {@code 1 - 1/r} sits at 0; {@code r = 1} is the Beta-shaped
 * ESD {@code Beta_{-1/2,1/2}[0, 4 sigma^2]}.
 *
 * <p>CDF in closed form, with {@code lambda = p - q cos(theta)}, {@code p = (L + l)/2}, {@code q = (L - l)/2}
 * (derived by integrating the density in {@code theta}; checked against Hipparchus quadrature in the tests):
 * {@code F(theta) = atom + [q sin(theta) + p theta - 2 sqrt(L l) atan(sqrt(L/l) tan(theta/2))] / (2 pi sigma^2 r)}.
 * Quantiles solve {@code F(theta) = p} for {@code theta} by Brent's method (Hipparchus) to {@code 1e-15}.
 *
 * @param ratio  {@code r = d/n > 0}
 * @param sigma2 entry variance {@code sigma^2 > 0}
 */
public record MarchenkoPastur(double ratio, double sigma2) implements SpectralDistribution {

    public MarchenkoPastur {
        if (!(ratio > 0.0) || !Double.isFinite(ratio)) {
            throw new IllegalArgumentException("ratio must be finite and > 0, got " + ratio);
        }
        if (!(sigma2 > 0.0) || !Double.isFinite(sigma2)) {
            throw new IllegalArgumentException("sigma2 must be finite and > 0, got " + sigma2);
        }
    }

    @Override
    public double lowerEdge() {
        double s = 1.0 - Math.sqrt(ratio);
        return sigma2 * s * s;
    }

    @Override
    public double upperEdge() {
        double s = 1.0 + Math.sqrt(ratio);
        return sigma2 * s * s;
    }

    @Override
    public double atomAtZero() {
        return ratio > 1.0 ? 1.0 - 1.0 / ratio : 0.0;
    }

    /** @return {@code L/l} (infinite for {@code r = 1}). */
    public double conditionNumber() {
        return upperEdge() / lowerEdge();
    }

    @Override
    public double density(double lambda) {
        double lo = lowerEdge();
        double hi = upperEdge();
        if (!(lambda > lo && lambda < hi) || lambda <= 0.0) {
            return 0.0;
        }
        return Math.sqrt((hi - lambda) * (lambda - lo)) / (2.0 * Math.PI * sigma2 * ratio * lambda);
    }

    @Override
    public double cdf(double lambda) {
        if (lambda < 0.0) {
            return 0.0;
        }
        double lo = lowerEdge();
        double hi = upperEdge();
        if (lambda <= lo) {
            return atomAtZero();
        }
        if (lambda >= hi) {
            return 1.0;
        }
        double q = (hi - lo) / 2.0;
        double cos = ((hi + lo) / 2.0 - lambda) / q;
        return cdfAtAngle(Math.acos(Math.max(-1.0, Math.min(1.0, cos))));
    }

    /** The CDF as a function of {@code theta in [0, pi]}, {@code lambda = p - q cos(theta)}. */
    private double cdfAtAngle(double theta) {
        double lo = lowerEdge();
        double hi = upperEdge();
        double p = (hi + lo) / 2.0;
        double q = (hi - lo) / 2.0;
        double arctan;
        if (lo == 0.0) {
            arctan = 0.0;
        } else if (theta >= Math.PI) {
            arctan = Math.PI / 2.0;
        } else {
            double tanHalf = Math.sin(theta) / (1.0 + Math.cos(theta));
            arctan = Math.atan(Math.sqrt(hi / lo) * tanHalf);
        }
        double cont = (q * Math.sin(theta) + p * theta - 2.0 * Math.sqrt(hi * lo) * arctan)
                / (2.0 * Math.PI * sigma2 * ratio);
        return Math.min(1.0, atomAtZero() + Math.max(0.0, cont));
    }

    @Override
    public double quantile(double prob) {
        SpectralDistribution.checkProbability(prob);
        double atom = atomAtZero();
        if (prob <= atom) {
            return 0.0;
        }
        if (prob >= 1.0) {
            return upperEdge();
        }
        double lo = lowerEdge();
        double hi = upperEdge();
        var solver = new BrentSolver(1e-15, 1e-15, 1e-300);
        double theta = solver.solve(200, th -> cdfAtAngle(th) - prob, 0.0, Math.PI);
        return (hi + lo) / 2.0 - (hi - lo) / 2.0 * Math.cos(theta);
    }

    /**
     * Moments from the Narayana numbers: {@code m_k = sigma^{2k} sum_{j=0}^{k-1} N(k, j+1) r^j},
     * {@code N(k, j) = C(k, j) C(k, j-1) / k} (section 3.1); {@code m_0 = 1}.
     */
    @Override
    public double moment(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        if (k == 0) {
            return 1.0;
        }
        double s = 0.0;
        for (int j = 0; j < k; j++) {
            double narayana = CombinatoricsUtils.binomialCoefficientDouble(k, j + 1)
                    * CombinatoricsUtils.binomialCoefficientDouble(k, j) / k;
            s += narayana * Math.pow(ratio, j);
        }
        return Math.pow(sigma2, k) * s;
    }

    /**
     * Quadrature (section 6.2). For {@code r != 1}: Gauss–Jacobi(1/2, 1/2) nodes on {@code [l, L]} with weights
     * multiplied by {@code ((L - l)/2)^2 / (2 pi sigma^2 r lambda_j)} (raw Chebyshev-U mass {@code pi/2}), plus the
     * atom at 0 for {@code r > 1}: spectrally accurate (the factor {@code 1/lambda} is analytic on {@code [l, L]});
     * use {@code nodes >= 2T + 50} for polynomials of degree {@code 2T}. For {@code r = 1}: the Gauss–Jacobi rule of
     * {@code Beta_{-1/2,1/2}[0, 4 sigma^2]}, exact for polynomials of degree {@code <= 2 nodes - 1}.
     */
    @Override
    public SpectralQuadrature quadrature(int nodes) {
        if (ratio == 1.0) {
            return BetaSpectrum.of(-0.5, 0.5, 0.0, upperEdge()).quadrature(nodes);
        }
        double lo = lowerEdge();
        double hi = upperEdge();
        SpectralQuadrature base = GaussJacobi.onInterval(nodes, 0.5, 0.5, lo, hi);
        double[] z = base.nodes();
        double[] w = base.weights();
        double half = (hi - lo) / 2.0;
        for (int j = 0; j < z.length; j++) {
            w[j] *= (Math.PI / 2.0) * half * half / (2.0 * Math.PI * sigma2 * ratio * z[j]);
        }
        return new SpectralQuadrature(z, w).withAtom(0.0, atomAtZero());
    }
}
