package org.optdyn.theory.spectrum;

import java.util.function.DoubleUnaryOperator;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;

/**
 * An expected spectral distribution (ESD) {@code mu}: a probability measure on {@code [0, inf)} describing the
 * eigenvalues of a random Hessian (docs/theory/average-case.md, sections 1.2 and 3).
 *
 * <p>A distribution may carry an atom at 0 (Marchenko–Pastur with {@code r > 1}) besides an absolutely continuous
 * part with Lebesgue density {@link #density}, supported on {@code [lowerEdge, upperEdge]}. Integrals against
 * {@code mu} go through {@link #quadrature(int)}: a discrete measure that represents {@code mu} (exactly for
 * polynomials up to a stated degree where the density is of Jacobi type; spectrally accurately otherwise).
 */
public interface SpectralDistribution {

    /** @return {@code l}, the left edge of the continuous part's support (0 in the convex regime). */
    double lowerEdge();

    /** @return {@code L}, the right edge of the support ({@code +inf} for unbounded support). */
    double upperEdge();

    /** @return the mass of the atom at {@code lambda = 0} (0 unless stated). */
    default double atomAtZero() {
        return 0.0;
    }

    /**
     * @param lambda a point of the real line
     * @return the Lebesgue density of the absolutely continuous part at {@code lambda} (0 outside the support;
     *         discrete distributions have none and return 0)
     */
    double density(double lambda);

    /** @return {@code mu([0, lambda])}, including the atom at 0. */
    double cdf(double lambda);

    /**
     * @param p a probability in {@code [0, 1]}
     * @return the smallest {@code lambda} with {@code cdf(lambda) >= p} (0 inside the atom at 0)
     * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
     */
    double quantile(double p);

    /**
     * @param k the order, {@code k >= 0}
     * @return {@code int lambda^k dmu(lambda)}
     */
    double moment(int k);

    /**
     * A discrete representation {@code sum_j w_j delta_{z_j}} of {@code mu} with {@code nodes} nodes on the
     * continuous part (plus the atom, if any). The exactness degree is stated by each implementation.
     *
     * @param nodes number of quadrature nodes, {@code >= 1}
     * @return the rule; its weights sum to 1 up to rounding
     */
    SpectralQuadrature quadrature(int nodes);

    /** @return {@code int f dmu} by the rule {@link #quadrature(int)} with {@code nodes} nodes. */
    default double integrate(DoubleUnaryOperator f, int nodes) {
        return quadrature(nodes).integrate(f);
    }

    /**
     * The d-point quantile spectrum of this law, λ_i = max(0, {@link #quantile}((i−½)/d)), i = 1..d
     * ({@link Spectra#quantiles}; for {@link MarchenkoPastur} an atom at 0 becomes one group of zero eigenvalues).
     */
    default DiscreteSpectrum quantileSpectrum(long d) {
        return Spectra.quantiles(d, this::quantile);
    }

    /** Validates a probability argument of {@link #quantile}. */
    static void checkProbability(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p must lie in [0, 1], got " + p);
        }
    }
}
