package org.optdyn.theory.averagecase;

import java.util.Objects;

import org.optdyn.engine.quadratic.IterationSchedule;
import org.optdyn.theory.spectrum.SpectralDistribution;
import org.optdyn.theory.spectrum.SpectralQuadrature;

/**
 * The average-case optimal method for a spectral distribution {@code mu} and metric {@code l} (Theorem B of [PS20];
 * docs/theory/average-case.md, section 2.6): its residual polynomials are the residual orthogonal polynomials of
 * {@code nu = lambda^{l+1} mu}, computed by the Stieltjes procedure (algorithm OPT-COEFFS) on a discrete
 * representation of {@code nu}. The procedure is run in orthonormal (Lanczos) form, which is the "rescale after each
 * step" of the spec: with {@code p_k} orthonormal, {@code a_k = <z p_k, p_k>}, {@code sqrt(b_{k+1}) =
 * ||(z - a_k) p_k - sqrt(b_k) p_{k-1}||}; then {@code rho_k = 1/(-a_k - b_k rho_{k-1})},
 * {@code h_k = -rho_k}, {@code m_k = b_k rho_{k-1} rho_k}.
 *
 * <p>Exact for an empirical spectrum ({@code N} atoms, positive): after {@code N} steps {@code P_N} vanishes on every
 * atom, and the remaining steps keep {@code x} fixed ({@code h = m = 0}). For a continuous ESD the discrete measure
 * is its quadrature with {@code nodes} points; coefficient {@code k} is accurate while {@code k << nodes}
 * (use {@code nodes >= 2T + 50}).
 */
public final class AverageCaseOptimal implements PolynomialMethod {

    private final SpectralQuadrature measure; // nu = lambda^{l+1} mu (atoms at 0 dropped)
    private final int metric;
    private final String label;

    private AverageCaseOptimal(SpectralQuadrature measure, int metric, String label) {
        this.measure = measure;
        this.metric = metric;
        this.label = label;
    }

    /**
     * @param mu     the ESD
     * @param metric {@code l in {0, 1, 2}}
     * @param nodes  number of quadrature nodes representing {@code mu}
     * @return the optimal method for {@code E_l(t) = int lambda^l P_t^2 dmu}
     */
    public static AverageCaseOptimal forDistribution(SpectralDistribution mu, int metric, int nodes) {
        Objects.requireNonNull(mu, "mu");
        if (metric < 0 || metric > 2) {
            throw new IllegalArgumentException("metric must be 0, 1 or 2, got " + metric);
        }
        return new AverageCaseOptimal(mu.quadrature(nodes).tilted(metric + 1), metric,
                "OPT(l=" + metric + ")");
    }

    /** @return the optimal method for the discrete measure {@code nu} given directly (weights {@code lambda^{l+1} mu}). */
    public static AverageCaseOptimal forWeightedMeasure(SpectralQuadrature nu, String label) {
        return new AverageCaseOptimal(Objects.requireNonNull(nu, "nu"), -1, label);
    }

    /** @return the metric this method is optimal for ({@code -1} if built from a weighted measure). */
    public int metric() {
        return metric;
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    public IterationSchedule schedule(int steps) {
        PolynomialMethod.checkSteps(steps);
        // keep only atoms with positive weight
        int n = 0;
        for (int j = 0; j < measure.size(); j++) {
            if (measure.weight(j) > 0.0) {
                n++;
            }
        }
        double[] z = new double[n];
        double[] w = new double[n];
        double mass = 0.0;
        for (int j = 0, i = 0; j < measure.size(); j++) {
            if (measure.weight(j) > 0.0) {
                z[i] = measure.node(j);
                w[i] = measure.weight(j);
                mass += w[i];
                i++;
            }
        }
        double[] h = new double[steps];
        double[] m = new double[steps];
        double[] p = new double[n];
        double[] pPrev = new double[n];
        double norm0 = Math.sqrt(mass);
        for (int j = 0; j < n; j++) {
            p[j] = 1.0 / norm0;
        }
        double sqrtB = 0.0; // sqrt(b_k), b_0 = 0
        double rhoPrev = 0.0;
        for (int k = 0; k < steps; k++) {
            if (k >= n) {
                break; // P_n vanishes on all atoms: the method has converged; h = m = 0 keeps x fixed
            }
            double a = 0.0;
            for (int j = 0; j < n; j++) {
                a += w[j] * z[j] * p[j] * p[j];
            }
            double b = sqrtB * sqrtB;
            double rho = 1.0 / (-a - b * rhoPrev);
            h[k] = -rho;
            m[k] = b * rhoPrev * rho;
            rhoPrev = rho;
            // next orthonormal polynomial
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                double next = (z[j] - a) * p[j] - sqrtB * pPrev[j];
                pPrev[j] = p[j];
                p[j] = next;
                s += w[j] * next * next;
            }
            sqrtB = Math.sqrt(s);
            if (sqrtB == 0.0 || k + 1 >= n) {
                // exact termination at k + 1 = n
                continue;
            }
            for (int j = 0; j < n; j++) {
                p[j] /= sqrtB;
            }
        }
        return new IterationSchedule.Momentum(h, m);
    }
}
