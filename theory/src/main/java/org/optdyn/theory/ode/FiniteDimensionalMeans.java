package org.optdyn.theory.ode;

import org.optdyn.engine.spectrum.DiscreteSpectrum;

/**
 * The exact finite-d mean recursion of one-pass SGD on least squares with a constant learning rate
 * (sgd-ode.md §3.4, derived there from E[aaᵀMaaᵀ] = Tr(KM)K + 2KMK) — a check of the simulator, not an ODE.
 * With K diagonal in the simulation basis and m_i^{(k)} = E⟨X_k − X*, φ_i⟩² (expectation over data and noise):
 * <pre>
 *   m_i^{(k+1)} = (1 − 2γλ_i/d + 2γ²λ_i²/d²) m_i^{(k)} + (γ²λ_i/d²)(Σ_j λ_j m_j^{(k)} + ω²),
 *   E R(X_k) = ½(Σ_i λ_i m_i^{(k)} + ω²).
 * </pre>
 * The recursion is linear and acts identically on every coordinate of a group, so it closes exactly on the group
 * sums M_j = Σ_{i∈G_j} m_i (with n_j γ²λ_j/d² as the noise coefficient): cost O(J) per step. Averaging over a
 * random X* just replaces m^{(0)} by its mean.
 */
public final class FiniteDimensionalMeans {

    /** E R(X_k) and E‖X_k − X*‖² at the requested step counts k. */
    public record Means(long[] steps, double[] risk, double[] distanceSquared) {
        /** Copies. */
        public Means {
            steps = steps.clone();
            risk = risk.clone();
            distanceSquared = distanceSquared.clone();
        }

        @Override
        public long[] steps() {
            return steps.clone();
        }

        @Override
        public double[] risk() {
            return risk.clone();
        }

        @Override
        public double[] distanceSquared() {
            return distanceSquared.clone();
        }
    }

    private FiniteDimensionalMeans() {
    }

    /**
     * Exact E R(X_k) for per-coordinate initial squared residuals (canonical coordinate order of the spectrum).
     *
     * @param coordinateResiduals m_i^{(0)} = ⟨X₀ − X*, φ_i⟩² (or its mean over a random X*), length d (read)
     * @param steps               step counts k ≥ 0, any order (read)
     */
    public static Means expectedRisk(DiscreteSpectrum spectrum, double[] coordinateResiduals, double gamma,
                                     double omega, long... steps) {
        return expectedRiskFromGroups(spectrum, spectrum.groupSums(coordinateResiduals), gamma, omega, steps);
    }

    /**
     * Exact E R(X_k) for per-group initial sums M_j^{(0)} = Σ_{i∈G_j} m_i^{(0)}.
     *
     * @param groupResiduals M_j^{(0)} ≥ 0, one per group (read)
     * @param gamma          constant learning rate γ &gt; 0 (step multiplier γ/d)
     * @param omega          noise standard deviation ω ≥ 0
     * @param steps          step counts k ≥ 0, any order (read)
     */
    public static Means expectedRiskFromGroups(DiscreteSpectrum spectrum, double[] groupResiduals, double gamma,
                                               double omega, long... steps) {
        int J = spectrum.groupCount();
        if (groupResiduals == null || groupResiduals.length != J) {
            throw new IllegalArgumentException("groupResiduals must have one entry per group (" + J + ")");
        }
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        }
        if (!(omega >= 0) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("omega must be finite and >= 0, got " + omega);
        }
        if (steps == null || steps.length == 0) {
            throw new IllegalArgumentException("steps must be non-empty");
        }
        long kmax = 0;
        for (long k : steps) {
            if (k < 0) {
                throw new IllegalArgumentException("steps must be >= 0, got " + k);
            }
            kmax = Math.max(kmax, k);
        }
        double d = spectrum.dimension();
        double[] lam = spectrum.eigenvalues();
        double[] a = new double[J];
        double[] b = new double[J];
        for (int j = 0; j < J; j++) {
            double gl = gamma * lam[j] / d;
            a[j] = 1 - 2 * gl + 2 * gl * gl;
            b[j] = spectrum.multiplicity(j) * gamma * gl / d;
        }
        double w2 = omega * omega;
        double[] m = groupResiduals.clone();
        double[] risk = new double[steps.length];
        double[] dist = new double[steps.length];
        for (long k = 0; ; k++) {
            double lm = 0;
            double sum = 0;
            for (int j = 0; j < J; j++) {
                lm += lam[j] * m[j];
                sum += m[j];
            }
            for (int q = 0; q < steps.length; q++) {
                if (steps[q] == k) {
                    risk[q] = 0.5 * (lm + w2);
                    dist[q] = sum;
                }
            }
            if (k == kmax) {
                break;
            }
            double drive = lm + w2;
            for (int j = 0; j < J; j++) {
                m[j] = a[j] * m[j] + b[j] * drive;
            }
        }
        return new Means(steps, risk, dist);
    }
}
