package org.optdyn.theory.ode;

import java.util.Arrays;
import org.optdyn.engine.spectrum.DiscreteSpectrum;


/**
 * Initial per-group overlaps (sgd-ode.md §2.4): with ξ_i = ⟨X₀,φ_i⟩ and ξ*_i = ⟨X*,φ_i⟩,
 * p_j = Σ_{i∈G_j} ξ_i², c_j = Σ_{i∈G_j} ξ_i ξ*_i, s_j = Σ_{i∈G_j} (ξ*_i)². Then r_j(0) = p_j − 2c_j + s_j,
 * D²(0) = Σ_j r_j(0), B = Σ_j λ_j (p_j, c_j; c_j, s_j).
 *
 * @param p per-group Σ ξ_i² ≥ 0 (copied)
 * @param c per-group Σ ξ_i ξ*_i, |c_j| ≤ √(p_j s_j) (copied)
 * @param s per-group Σ (ξ*_i)² ≥ 0 (copied)
 */
public record InitialOverlaps(double[] p, double[] c, double[] s) {

    /** Validates (finite, p, s ≥ 0, Cauchy–Schwarz) and copies. */
    public InitialOverlaps {
        if (p == null || c == null || s == null || p.length == 0) {
            throw new IllegalArgumentException("p, c, s must be non-null and non-empty");
        }
        if (c.length != p.length || s.length != p.length) {
            throw new IllegalArgumentException("p, c, s must have equal lengths, got " + p.length + ", " + c.length
                    + ", " + s.length);
        }
        p = p.clone();
        c = c.clone();
        s = s.clone();
        for (int j = 0; j < p.length; j++) {
            if (!(p[j] >= 0) || Double.isInfinite(p[j])) {
                throw new IllegalArgumentException("p[" + j + "] must be finite and >= 0, got " + p[j]);
            }
            if (!(s[j] >= 0) || Double.isInfinite(s[j])) {
                throw new IllegalArgumentException("s[" + j + "] must be finite and >= 0, got " + s[j]);
            }
            if (!Double.isFinite(c[j]) || c[j] * c[j] > p[j] * s[j] * (1 + 1e-12) + 1e-300) {
                throw new IllegalArgumentException("c[" + j + "] = " + c[j] + " violates c² <= p s with p = " + p[j]
                        + ", s = " + s[j]);
            }
        }
    }

    /** Explicit group overlaps. */
    public static InitialOverlaps of(double[] p, double[] c, double[] s) {
        return new InitialOverlaps(p, c, s);
    }

    /**
     * The default start (sgd-ode.md §1.6, §7): X₀ = 0, ‖X*‖ = 1 with isotropic direction, expected projections
     * s_j = w_j.
     */
    public static InitialOverlaps isotropic(DiscreteSpectrum spectrum) {
        return isotropic(spectrum, 1.0);
    }

    /** X₀ = 0 and an isotropic target with ‖X*‖² = targetNormSquared: s_j = w_j ‖X*‖². */
    public static InitialOverlaps isotropic(DiscreteSpectrum spectrum, double targetNormSquared) {
        double[] s = spectrum.weights();
        for (int j = 0; j < s.length; j++) {
            s[j] *= targetNormSquared;
        }
        return coldStart(s);
    }

    /**
     * Isotropic warm start (phase retrieval, sgd-ode.md §2.8, §8 item 3): X₀ = αX* + a component orthogonal to X*
     * of norm ρ, X* an isotropic unit vector, in expectation: p_j = w_j(α² + ρ²), c_j = α w_j, s_j = w_j.
     */
    public static InitialOverlaps isotropicWarmStart(DiscreteSpectrum spectrum, double alpha, double rho) {
        double[] w = spectrum.weights();
        double[] p = new double[w.length];
        double[] c = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            p[j] = w[j] * (alpha * alpha + rho * rho);
            c[j] = w[j] * alpha;
        }
        return new InitialOverlaps(p, c, w);
    }

    /** X₀ = 0 (p = c = 0) with the given target group sums s_j; for least squares r_j(0) = s_j. */
    public static InitialOverlaps coldStart(double[] s) {
        return new InitialOverlaps(new double[s.length], new double[s.length], s);
    }

    /**
     * Power-law start (sgd-ode.md §4.6, §8, §9 item 13): X₀ = 0, ξ*_i = λ_i^{−δ/2}/√d, so s_j = w_j λ_j^{−δ} and
     * D_i²(0) = λ_i^{−δ}.
     *
     * @throws IllegalArgumentException if δ &gt; 0 and some eigenvalue is 0
     */
    public static InitialOverlaps powerLaw(DiscreteSpectrum spectrum, double delta) {
        double[] s = new double[spectrum.groupCount()];
        for (int j = 0; j < s.length; j++) {
            double l = spectrum.eigenvalue(j);
            if (l == 0 && delta > 0) {
                throw new IllegalArgumentException("power-law start needs positive eigenvalues for delta = " + delta);
            }
            s[j] = spectrum.weight(j) * Math.pow(l, -delta);
        }
        return coldStart(s);
    }

    /**
     * Overlaps of realized vectors given in the eigen-coordinates of K, in the spectrum's canonical coordinate
     * order (sgd-ode.md §8 item 7: the ODE starts from the realized X₀, X*).
     *
     * @param x0    ξ_i = ⟨X₀,φ_i⟩, length d (read)
     * @param xStar ξ*_i = ⟨X*,φ_i⟩, length d (read)
     */
    public static InitialOverlaps fromVectors(DiscreteSpectrum spectrum, double[] x0, double[] xStar) {
        if (x0 == null || xStar == null || x0.length != xStar.length) {
            throw new IllegalArgumentException("x0 and xStar must be non-null with equal lengths");
        }
        double[] pp = new double[x0.length];
        double[] cc = new double[x0.length];
        double[] ss = new double[x0.length];
        for (int i = 0; i < x0.length; i++) {
            pp[i] = x0[i] * x0[i];
            cc[i] = x0[i] * xStar[i];
            ss[i] = xStar[i] * xStar[i];
        }
        return new InitialOverlaps(spectrum.groupSums(pp), spectrum.groupSums(cc), spectrum.groupSums(ss));
    }

    /** Number of groups J. */
    public int groupCount() {
        return p.length;
    }

    /** r_j(0) = p_j − 2c_j + s_j (fresh array). */
    public double[] residuals() {
        double[] r = new double[p.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.max(0, p[j] - 2 * c[j] + s[j]);
        }
        return r;
    }

    /** D²(0) = ‖X₀ − X*‖² = Σ_j r_j(0). */
    public double distanceSquared() {
        return Arrays.stream(residuals()).sum();
    }

    @Override
    public double[] p() {
        return p.clone();
    }

    @Override
    public double[] c() {
        return c.clone();
    }

    @Override
    public double[] s() {
        return s.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InitialOverlaps x && Arrays.equals(p, x.p) && Arrays.equals(c, x.c)
                && Arrays.equals(s, x.s);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(p) * 961 + Arrays.hashCode(c) * 31 + Arrays.hashCode(s);
    }

    @Override
    public String toString() {
        return "InitialOverlaps[J=" + p.length + ", D2=" + distanceSquared() + "]";
    }
}
