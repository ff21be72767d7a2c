package org.optdyn.engine.optim;

import java.util.Objects;

/**
 * Closed forms for sharpness-aware minimization (docs/theory/sam.md section 5; its checks S1-S6 and S8): stability
 * thresholds of unnormalised SAM (USAM) and SAM on quadratics, the SAM 2-cycle, the linear escape criteria at the
 * bottom of a "pothole", and the first-order ascent steps {@code e} of SAM for a p-norm ball, ASAM and Fisher-SAM.
 * Stateless; every method validates its arguments and throws an {@link IllegalArgumentException} naming the argument
 * and its value. Array arguments are read only unless named {@code out} (written only; must not alias the inputs).
 *
 * <p>Sources: Foret et al. 2021 (SAM, arXiv:2010.01412); Long and Bartlett 2023 (SAM edge, arXiv:2309.12488);
 * Bartlett, Long and Bousquet 2023 (2-cycle along the top eigenvector, arXiv:2210.01513); Kwon et al. 2021 (ASAM);
 * Kim et al. 2022 (Fisher-SAM). Section 5.4 (potholes) is sam.md's own derivation, not a quoted result.
 */
public final class SamTheory {

    private SamTheory() {
    }

    /**
     * The largest curvature USAM ({@code e = rho g}) can sustain on a quadratic (sam.md 5.1): along an eigenvector
     * with eigenvalue {@code lambda} the step multiplies by {@code 1 - eta lambda - eta rho lambda^2}, stable iff
     * {@code eta lambda (1 + rho lambda) < 2}, i.e.
     * <pre>
     *   lambda &lt; lambda_USAM = (sqrt(1 + 8 rho/eta) - 1)/(2 rho) = 4/(eta (sqrt(1 + 8 rho/eta) + 1))   (&lt;= 2/eta)
     * </pre>
     * The second form is used: no cancellation for small {@code rho}, and {@code 2/eta} (gradient descent) at
     * {@code rho = 0}. Check S1: {@code eta = 0.1, rho = 0.05}: 12.360680.
     *
     * @param eta the learning rate, finite and {@code > 0}
     * @param rho the USAM coefficient, finite and {@code >= 0}
     * @return {@code lambda_USAM(eta, rho)}
     */
    public static double usamThreshold(double eta, double rho) {
        Checks.finitePositive("eta", eta);
        Checks.finiteNonNegative("rho", rho);
        return 4.0 / (eta * (Math.sqrt(1.0 + 8.0 * rho / eta) + 1.0));
    }

    /**
     * The learning-rate form of {@link #usamThreshold}: USAM is stable on a quadratic with top eigenvalue
     * {@code lambda} iff {@code eta < 2/(lambda (1 + rho lambda))} (sam.md 5.1).
     *
     * @param lambda the top eigenvalue, finite and {@code > 0}
     * @param rho    the USAM coefficient, finite and {@code >= 0}
     * @return {@code eta_USAM(lambda, rho)}
     */
    public static double usamMaxLearningRate(double lambda, double rho) {
        Checks.finitePositive("lambda", lambda);
        Checks.finiteNonNegative("rho", rho);
        return 2.0 / (lambda * (1.0 + rho * lambda));
    }

    /**
     * The SAM edge of stability (sam.md 5.2; Long and Bartlett 2023): freezing the normalisation, SAM is USAM with
     * {@code rho_eff = rho/||g||}, so the curvature it can sustain is
     * <pre>
     *   lambda_SAM(eta, rho, ||g||) = ||g|| (sqrt(1 + 8 rho/(eta ||g||)) - 1)/(2 rho) = usamThreshold(eta, rho/||g||),
     * </pre>
     * rising from 0 at {@code ||g|| = 0} to {@code 2/eta} as {@code ||g||} grows ({@code 2/eta} when {@code rho = 0},
     * as in the authors' {@code sam_edge.py}). {@code ||g||} is the norm of the unperturbed gradient at the iterate.
     * Check S4: {@code eta = 0.1, rho = 0.05, ||g|| = 0.1, 1, 10}: 5.4031, 12.3607, 18.3216.
     *
     * @param eta      the learning rate, finite and {@code > 0}
     * @param rho      the SAM radius, finite and {@code >= 0}
     * @param gradNorm {@code ||g||_2}, finite and {@code >= 0}
     * @return {@code lambda_SAM}
     */
    public static double samEdge(double eta, double rho, double gradNorm) {
        Checks.finitePositive("eta", eta);
        Checks.finiteNonNegative("rho", rho);
        Checks.finiteNonNegative("gradNorm", gradNorm);
        if (rho == 0.0) {
            return 2.0 / eta;
        }
        // 4/(eta (sqrt(1 + 8 rho/(eta |g|)) + 1)); |g| = 0 gives 4/infinity = 0
        return 4.0 / (eta * (Math.sqrt(1.0 + 8.0 * rho / (eta * gradNorm)) + 1.0));
    }

    /**
     * The learning-rate form of {@link #samEdge}: {@code eta < 2/(lambda (1 + rho lambda/||g||))} (sam.md 5.2).
     *
     * @param lambda   the top eigenvalue, finite and {@code > 0}
     * @param rho      the SAM radius, finite and {@code >= 0}
     * @param gradNorm {@code ||g||_2}, finite and {@code > 0}
     * @return the largest stable learning rate
     */
    public static double samMaxLearningRate(double lambda, double rho, double gradNorm) {
        Checks.finitePositive("lambda", lambda);
        Checks.finiteNonNegative("rho", rho);
        Checks.finitePositive("gradNorm", gradNorm);
        return 2.0 / (lambda * (1.0 + rho * lambda / gradNorm));
    }

    /**
     * Amplitude of SAM's 2-cycle on the 1-D quadratic {@code L = lambda w^2/2} (sam.md 5.2): {@code e = rho sign(w)},
     * so {@code w -> (1 - eta lambda) w - eta lambda rho sign(w)}, which for {@code 0 < eta lambda < 2} settles on
     * {@code +-w*} with
     * <pre>
     *   w* = eta lambda rho / (2 - eta lambda),
     * </pre>
     * attracting with factor {@code |1 - eta lambda|}. With a fixed diagonal preconditioner (sam.md 5.3, perturbation
     * and step both preconditioned) pass {@code lambda = r = p h}. Check S2: {@code lambda = 10, 15} at
     * {@code eta = 0.1, rho = 0.05}: 0.05, 0.15.
     *
     * @param eta    the learning rate, finite and {@code > 0}
     * @param lambda the curvature, finite and {@code > 0}, with {@code eta lambda < 2}
     * @param rho    the SAM radius, finite and {@code >= 0}
     * @return {@code w*}
     */
    public static double twoCycleAmplitude(double eta, double lambda, double rho) {
        Checks.finitePositive("eta", eta);
        Checks.finitePositive("lambda", lambda);
        Checks.finiteNonNegative("rho", rho);
        double el = eta * lambda;
        if (!(el < 2.0)) {
            throw new IllegalArgumentException("eta * lambda = " + el + ": must be < 2 for a 2-cycle");
        }
        return el * rho / (2.0 - el);
    }

    /**
     * The per-step factor by which SAM contracts a lower-curvature component near its 2-cycle along the top
     * eigenvector (sam.md 5.2, {@code H = diag(lambda_1 > lambda_j)}):
     * <pre>
     *   1 - eta lambda_j (1 + rho lambda_j/(lambda_1 w*)) = 1 - eta lambda_j - lambda_j^2 (2 - eta lambda_1)/lambda_1^2,
     * </pre>
     * with {@code w* = }{@link #twoCycleAmplitude}{@code (eta, lambda_1, rho)}; {@code rho} cancels (for
     * {@code rho > 0}). The component is stable iff the factor lies in {@code (-1, 1)}. Check S3:
     * {@code eta = 0.1, lambda_1 = 10, lambda_j = 1}: 0.89.
     *
     * @param eta       the learning rate, finite and {@code > 0}
     * @param lambdaTop the top curvature {@code lambda_1}, finite and {@code > 0}, with {@code eta lambda_1 < 2}
     * @param lambda    the component's curvature {@code lambda_j}, finite and {@code >= 0}
     * @return the contraction factor per step
     */
    public static double cycleContraction(double eta, double lambdaTop, double lambda) {
        Checks.finitePositive("eta", eta);
        Checks.finitePositive("lambdaTop", lambdaTop);
        Checks.finiteNonNegative("lambda", lambda);
        if (!(eta * lambdaTop < 2.0)) {
            throw new IllegalArgumentException("eta * lambdaTop = " + eta * lambdaTop + ": must be < 2 for a 2-cycle");
        }
        double ratio = lambda / lambdaTop;
        return 1.0 - eta * lambda - ratio * ratio * (2.0 - eta * lambdaTop);
    }

    /**
     * The frozen-normalisation stability index of (preconditioned) SAM along an eigen-direction of {@code PH} with
     * eigenvalue {@code r} (sam.md 5.3): the linearised step is {@code w -> (I - eta PH - eta rho_eff (PH)^2) w} with
     * {@code rho_eff = rho/||Pg||}, stable iff
     * <pre>
     *   eta r (1 + rho r/||Pg||) &lt; 2.
     * </pre>
     * {@code P = I} gives plain SAM ({@code r = lambda}); the index is {@code 2} exactly at {@link #samEdge}.
     *
     * @param eta                  the learning rate, finite and {@code > 0}
     * @param r                    the eigenvalue of {@code PH}, finite and {@code >= 0}
     * @param rho                  the SAM radius, finite and {@code >= 0}
     * @param preconditionedNorm   {@code ||Pg||_2}, finite and {@code > 0}
     * @return {@code eta r (1 + rho r/||Pg||)}
     */
    public static double stabilityIndex(double eta, double r, double rho, double preconditionedNorm) {
        Checks.finitePositive("eta", eta);
        Checks.finiteNonNegative("r", r);
        Checks.finiteNonNegative("rho", rho);
        Checks.finitePositive("preconditionedNorm", preconditionedNorm);
        return eta * r * (1.0 + rho * r / preconditionedNorm);
    }

    /**
     * The three step variants of sam.md 5.4.2 at the bottom of a pothole direction {@code j} (preconditioner entry
     * {@code p_j}, local curvature {@code h_j}; the other directions carry the gradient {@code g_rest}, with
     * {@code p = 1} there, so {@code ||P g_rest|| = ||g_rest||}). The bottom is a stable fixed point iff the
     * {@link #stabilityIndex} is below 2, and the iterate is repelled from it when the index exceeds 2.
     */
    public enum PotholeVariant {
        /** Preconditioned gradient descent, no SAM: {@code eta p h}. */
        PRECONDITIONED_GD,
        /** Plain SAM perturbation {@code e = rho g/||g||}, preconditioned step: {@code eta p h (1 + rho h/||g_rest||)}. */
        SAM_PERTURBATION,
        /** LLQR+SAM-like, perturbation and step preconditioned: {@code eta p h (1 + rho p h/||P g_rest||)}. */
        PRECONDITIONED_SAM;

        /**
         * @param eta      the learning rate, finite and {@code > 0}
         * @param p        the preconditioner entry {@code p_j}, finite and {@code > 0}
         * @param h        the local curvature {@code h_j}, finite and {@code >= 0}
         * @param rho      the SAM radius, finite and {@code >= 0} (ignored by {@link #PRECONDITIONED_GD})
         * @param restNorm {@code ||g_rest||} (equal to {@code ||P g_rest||} when {@code p = 1} there), finite, {@code > 0}
         * @return the linear factor at the bottom; stable iff {@code < 2}. Check S7: {@code eta = 0.1, p = 10,
         *         h = 1.5, rho = 0.05, ||g_rest|| = 0.5}: 1.5, 1.725, 3.75.
         */
        public double stabilityIndex(double eta, double p, double h, double rho, double restNorm) {
            Checks.finitePositive("eta", eta);
            Checks.finitePositive("p", p);
            Checks.finiteNonNegative("h", h);
            Checks.finiteNonNegative("rho", rho);
            Checks.finitePositive("restNorm", restNorm);
            double base = eta * p * h;
            return switch (this) {
                case PRECONDITIONED_GD -> base;
                case SAM_PERTURBATION -> base * (1.0 + rho * h / restNorm);
                case PRECONDITIONED_SAM -> base * (1.0 + rho * p * h / restNorm);
            };
        }

        /**
         * The radius at which the index reaches 2 (the escape radius): {@code rho_c = (2/(eta p h) - 1) ||g_rest|| /
         * h} for {@link #SAM_PERTURBATION} and that divided by {@code p} for {@link #PRECONDITIONED_SAM}; the bottom is
         * left for {@code rho > rho_c}. Not defined for {@link #PRECONDITIONED_GD}.
         *
         * @param eta      the learning rate, finite and {@code > 0}, with {@code eta p h < 2}
         * @param p        the preconditioner entry, finite and {@code > 0}
         * @param h        the local curvature, finite and {@code > 0}
         * @param restNorm {@code ||g_rest||}, finite and {@code > 0}
         * @return {@code rho_c}
         */
        public double escapeRadius(double eta, double p, double h, double restNorm) {
            Checks.finitePositive("eta", eta);
            Checks.finitePositive("p", p);
            Checks.finitePositive("h", h);
            Checks.finitePositive("restNorm", restNorm);
            double base = eta * p * h;
            if (!(base < 2.0)) {
                throw new IllegalArgumentException("eta * p * h = " + base + ": must be < 2 (otherwise every rho escapes)");
            }
            return switch (this) {
                case PRECONDITIONED_GD -> throw new IllegalArgumentException(
                        "variant = PRECONDITIONED_GD: has no radius");
                case SAM_PERTURBATION -> (2.0 / base - 1.0) * restNorm / h;
                case PRECONDITIONED_SAM -> (2.0 / base - 1.0) * restNorm / (p * h);
            };
        }
    }

    /**
     * The amplification of the SAM escape signal in direction {@code j} by a preconditioned perturbation (sam.md
     * 5.4.1): {@code A_j = p_j ||g|| / ||P g||}, at most {@code ||g||/|g_j|}. Check S6: {@code d = 10^4}, all
     * {@code g_i = 1}, {@code p_1 = 100}, other {@code p_i = 1}: 70.712.
     *
     * @param p the diagonal preconditioner, entries finite and {@code > 0}
     * @param g the gradient, finite, not zero, of the same length
     * @param j the direction, in {@code [0, g.length)}
     * @return {@code A_j}
     */
    public static double amplification(double[] p, double[] g, int j) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(g, "g");
        if (p.length != g.length) {
            throw new IllegalArgumentException("p.length = " + p.length + " but g.length = " + g.length);
        }
        if (j < 0 || j >= g.length) {
            throw new IllegalArgumentException("j = " + j + ": must lie in [0, " + g.length + ")");
        }
        double g2 = 0.0;
        double pg2 = 0.0;
        for (int i = 0; i < g.length; i++) {
            Checks.finitePositive("p[" + i + "]", p[i]);
            finite("g", i, g[i]);
            g2 += g[i] * g[i];
            pg2 += p[i] * g[i] * p[i] * g[i];
        }
        if (g2 == 0.0) {
            throw new IllegalArgumentException("g = 0: the amplification is undefined");
        }
        return p[j] * Math.sqrt(g2 / pg2);
    }

    /**
     * The first-order SAM ascent step for the {@code p}-norm ball of radius {@code rho} (sam.md section 1; Foret et
     * al. 2021, eq. 2), {@code 1/p + 1/q = 1}:
     * <pre>
     *   e = rho sign(g) |g|^(q-1) / (||g||_q^q)^(1/p)        (p = 2: rho g/||g||_2;  p = infinity: rho sign(g))
     * </pre>
     * so that {@code ||e||_p = rho}. {@code g = 0} gives {@code e = 0}. Check S5: {@code g = (0.2, 0.4, 1.0)},
     * {@code rho = 0.05}, {@code p = 4}: {@code (0.0268254, 0.0337979, 0.0458707)}. Cost {@code O(n)} powers.
     *
     * @param g   the gradient (read), finite entries
     * @param rho the radius, finite and {@code >= 0}
     * @param p   the norm exponent, {@code > 1} (finite, or {@link Double#POSITIVE_INFINITY})
     * @param out the ascent step (written), same length as {@code g}, not {@code g} itself
     */
    public static void perturbation(double[] g, double rho, double p, double[] out) {
        sameLength(g, out);
        Checks.finiteNonNegative("rho", rho);
        if (!(p > 1.0)) {
            throw new IllegalArgumentException("p = " + p + ": must be > 1 (finite or +infinity)");
        }
        for (int i = 0; i < g.length; i++) {
            finite("g", i, g[i]);
        }
        if (p == Double.POSITIVE_INFINITY) {
            for (int i = 0; i < g.length; i++) {
                out[i] = rho * Math.signum(g[i]);
            }
            return;
        }
        double q = p / (p - 1.0);
        // scale by max|g| first so |g|^q neither overflows nor underflows; e is invariant under g -> c g, c > 0
        double max = 0.0;
        for (double x : g) {
            max = Math.max(max, Math.abs(x));
        }
        if (max == 0.0) {
            java.util.Arrays.fill(out, 0.0);
            return;
        }
        double sum = 0.0;
        for (int i = 0; i < g.length; i++) {
            double a = Math.abs(g[i]) / max;
            out[i] = Math.signum(g[i]) * Math.pow(a, q - 1.0);
            sum += Math.pow(a, q);
        }
        double scale = rho / Math.pow(sum, 1.0 / p);
        for (int i = 0; i < g.length; i++) {
            out[i] *= scale;
        }
    }

    /**
     * The ASAM ascent step (Kwon et al. 2021, as in sam.md section 1): {@code T = |w| + etaA} elementwise on weights,
     * {@code T = 1} on biases, {@code e = rho T^2 g / ||T g||_2} ({@code 0} when {@code T g = 0}). Check S5:
     * {@code g = (0.2, 0.4, 1.0)}, {@code w = (1, -0.5, bias 0)}, {@code etaA = 0.01}, {@code rho = 0.5}:
     * {@code (0.0980494, 0.0500003, 0.4805871)}.
     *
     * @param g    the gradient (read), finite entries
     * @param w    the parameters (read), finite entries, same length
     * @param bias which entries are biases (read), same length
     * @param etaA the ASAM offset, finite and {@code >= 0} (default 0.01)
     * @param rho  the radius, finite and {@code >= 0}
     * @param out  the ascent step (written), same length, aliasing no input
     */
    public static void asamPerturbation(double[] g, double[] w, boolean[] bias, double etaA, double rho,
                                        double[] out) {
        sameLength(g, out);
        sameLength(w, out);
        Objects.requireNonNull(bias, "bias");
        if (bias.length != g.length || w == out) {
            throw new IllegalArgumentException("bias.length = " + bias.length + " and w must match g.length = "
                    + g.length + " without aliasing out");
        }
        Checks.finiteNonNegative("etaA", etaA);
        Checks.finiteNonNegative("rho", rho);
        double norm2 = 0.0;
        for (int i = 0; i < g.length; i++) {
            finite("g", i, g[i]);
            finite("w", i, w[i]);
            double t = bias[i] ? 1.0 : Math.abs(w[i]) + etaA;
            out[i] = t * t * g[i];
            norm2 += t * g[i] * t * g[i];
        }
        double scale = norm2 == 0.0 ? 0.0 : rho / Math.sqrt(norm2);
        for (int i = 0; i < g.length; i++) {
            out[i] *= scale;
        }
    }

    /**
     * The Fisher-SAM ascent step as implemented in the reference code (sam.md section 1): {@code f = g^2 + etaF},
     * {@code e = rho (g/f)/sqrt(g^T (g/f))} ({@code 0} when {@code g = 0}). Check S5: {@code g = (0.2, 0.4, 1.0)},
     * {@code etaF = 0.1}, {@code rho = 0.1}: {@code (0.1061793, 0.1143470, 0.0675687)}.
     *
     * @param g    the gradient (read), finite entries
     * @param etaF the Fisher offset, finite and {@code > 0} (default 0.1)
     * @param rho  the radius, finite and {@code >= 0}
     * @param out  the ascent step (written), same length, not {@code g}
     */
    public static void fisherPerturbation(double[] g, double etaF, double rho, double[] out) {
        sameLength(g, out);
        Checks.finitePositive("etaF", etaF);
        Checks.finiteNonNegative("rho", rho);
        double quad = 0.0;
        for (int i = 0; i < g.length; i++) {
            finite("g", i, g[i]);
            out[i] = g[i] / (g[i] * g[i] + etaF);
            quad += g[i] * out[i];
        }
        double scale = quad == 0.0 ? 0.0 : rho / Math.sqrt(quad);
        for (int i = 0; i < g.length; i++) {
            out[i] *= scale;
        }
    }

    /**
     * The residual factor of the slow preconditioner EMA (sam.md section 2 and check S8): with a constant refresh
     * target {@code U*}, {@code U <- beta U + (1 - beta) U*} gives {@code U_n - U* = beta^n (U_0 - U*)}.
     *
     * @param beta the EMA decay, in {@code [0, 1)}
     * @param n    the number of refreshes, {@code >= 0}
     * @return {@code beta^n} (S8: {@code beta = 0.95, n = 20}: 0.35849)
     */
    public static double emaResidual(double beta, int n) {
        Checks.unitInterval("beta", beta);
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + ": must be >= 0");
        }
        return Math.pow(beta, n);
    }

    private static void sameLength(double[] in, double[] out) {
        Objects.requireNonNull(in, "input");
        Objects.requireNonNull(out, "out");
        if (in.length != out.length) {
            throw new IllegalArgumentException("out.length = " + out.length + " but the input's length = " + in.length);
        }
        if (in == out) {
            throw new IllegalArgumentException("out aliases an input: it must be a separate array");
        }
    }

    private static void finite(String name, int i, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + "[" + i + "] = " + value + ": must be finite");
        }
    }
}
