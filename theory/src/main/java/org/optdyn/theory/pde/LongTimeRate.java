package org.optdyn.theory.pde;

import java.util.Objects;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.optdyn.engine.dln.DlnInstance;

/**
 * The long-time behaviour of the noiseless ({@code sigma = 0}) mean-field dynamics, diagonal-networks.md §6.2–6.4 (our
 * derivation, not the paper's theorem): linearised around {@code theta = beta} with limiting local curvatures
 * {@code k_i s_i}, {@code s_i = sqrt(c_i(inf)^2 + 4 beta_i^2)}, the risk solves a renewal equation with kernel
 * {@code K(t) = mean_i gamma^2 k_i^2 s_i^2 exp(-2 gamma k_i s_i t)}, and
 * <pre>
 *   kappa_inf = mean_i k_i s_i,      int K = gamma kappa_inf / 2,      stable  iff  gamma kappa_inf &lt; 2,
 *   r*  solves  mean_i gamma^2 k_i^2 s_i^2 / (2 gamma k_i s_i - r*) = 1,   r* in (0, r_max),  r_max = min_i 2 gamma k_i s_i,
 *   r* &gt;= r_max (1 - gamma kappa_inf / 2)                                  (explicit lower bound)
 * </pre>
 * so {@code R_t ~ exp(-r* t)}. The left side {@code f(r)} of the rate equation increases on {@code (-inf, r_max)} from 0
 * to {@code +inf} with {@code f(0) = gamma kappa_inf / 2}, so the root is unique; it is found by bracketing and
 * Hipparchus' {@link BracketingNthOrderBrentSolver}. When {@code gamma kappa_inf >= 2} the same equation has its root at
 * {@code r* <= 0}: the linearised risk grows like {@code exp(|r*| t)} (the lower bound is then not a bound and is
 * reported as computed). With every {@code s_i = 1} the equations are those of plain least-squares SGD (check N11:
 * {@code r* = 0.75} on N1 at {@code gamma = 1}). Cost O(n) per evaluation of {@code f}, about 50 evaluations.
 *
 * @param gamma      the step
 * @param kappaInf   {@code kappa_inf = mean_i k_i s_i}
 * @param gammaKappa {@code gamma kappa_inf} (stable iff {@code < 2})
 * @param rMax       {@code min_i 2 gamma k_i s_i}, the slowest single-coordinate rate
 * @param rStar      the root {@code r*} of the rate equation
 * @param lowerBound {@code r_max (1 - gamma kappa_inf / 2)}
 */
public record LongTimeRate(double gamma, double kappaInf, double gammaKappa, double rMax, double rStar,
                           double lowerBound) {

    private static final int MAX_EVAL = 500;

    /** @return whether the linearised risk equation converges, {@code gamma kappa_inf < 2} */
    public boolean stable() {
        return gammaKappa < 2;
    }

    /**
     * @param k     the {@code k_i}, finite and {@code > 0}
     * @param s     the {@code s_i}, finite and {@code > 0} (a coordinate with {@code s_i = 0} has no linear restoring
     *              force: its decay is algebraic, §3, and the linearisation does not apply)
     * @param gamma the step, finite and {@code > 0}
     */
    public static LongTimeRate of(double[] k, double[] s, double gamma) {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(s, "s");
        if (k.length != s.length || k.length == 0) {
            throw new IllegalArgumentException("k and s must have one positive length, got " + k.length + " and "
                    + s.length);
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and > 0, got " + gamma);
        }
        int n = k.length;
        double[] rate = new double[n];     // 2 gamma k_i s_i
        double[] weight = new double[n];   // gamma^2 k_i^2 s_i^2 / n
        double kappa = 0;
        double rMax = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!(k[i] > 0) || !Double.isFinite(k[i]) || !(s[i] > 0) || !Double.isFinite(s[i])) {
                throw new IllegalArgumentException("k and s must be finite and > 0; index " + i + " has k = " + k[i]
                        + ", s = " + s[i]);
            }
            double ks = k[i] * s[i];
            kappa += ks;
            rate[i] = 2 * gamma * ks;
            weight[i] = gamma * gamma * ks * ks / n;
            rMax = Math.min(rMax, rate[i]);
        }
        kappa /= n;
        UnivariateFunction f = r -> {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += weight[i] / (rate[i] - r);
            }
            return sum - 1;
        };
        double gk = gamma * kappa;
        double lo;
        double hi;
        if (gk < 2) {
            lo = 0;
            hi = rMax / 2;
            double gap = rMax / 2;
            while (f.value(hi) <= 0) {   // f -> +inf at r_max (the argmin term), so this ends
                gap /= 2;
                hi = rMax - gap;
                if (gap < Math.ulp(rMax)) {
                    return new LongTimeRate(gamma, kappa, gk, rMax, rMax, rMax * (1 - gk / 2));
                }
            }
        } else {
            hi = 0;
            lo = -rMax;
            while (f.value(lo) >= 0) {   // f -> -1 as r -> -inf
                lo *= 2;
            }
        }
        double rStar = f.value(hi) == 0 ? hi : f.value(lo) == 0 ? lo
                : new BracketingNthOrderBrentSolver(1e-15, 1e-14, 1e-15, 5)
                        .solve(MAX_EVAL, f, lo, hi, AllowedSolution.ANY_SIDE);
        return new LongTimeRate(gamma, kappa, gk, rMax, rStar, rMax * (1 - gk / 2));
    }

    /**
     * From a state at a late time {@code T} (e.g. {@link ParticleSolution#state()}): {@code s_i = sqrt(c_i^2 +
     * 4 beta_i^2)} with {@code c_i = a_i^2 - b_i^2} at {@code T}, which is {@code c_i(inf)} up to the factor
     * {@code exp(-2 gamma^2 k_i int_T^inf R)} (close to 1 once the risk is small).
     *
     * @param state the particles or coordinates {@code (k, beta, a = u0, b = v0)}
     * @param gamma the step of the product parametrisation
     */
    public static LongTimeRate fromState(DlnInstance state, double gamma) {
        Objects.requireNonNull(state, "state");
        double[] k = state.k();
        double[] beta = state.target();
        double[] a = state.u0();
        double[] b = state.v0();
        double[] s = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            double c = a[i] * a[i] - b[i] * b[i];
            s[i] = Math.sqrt(c * c + 4 * beta[i] * beta[i]);
        }
        return of(k, s, gamma);
    }
}
