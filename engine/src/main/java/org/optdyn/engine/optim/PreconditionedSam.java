package org.optdyn.engine.optim;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * SAM with a diagonal preconditioner {@code P = diag(p)} on {@code double[]}: the generic two-timescale
 * preconditioned SAM of docs/theory/sam.md section 4 (a slow EMA of an Adam-like preconditioner; this is the
 * project's generic form, not the LLQR+SAM method of Dufort-Labbé et al. 2026, whose learned preconditioner it
 * stands in for), or a fixed {@code P} (sam.md sections 5.3-5.4). One step, with {@code t} counting from 0:
 * <pre>
 *   g      = grad L(w)
 *   a      = beta2 a + (1 - beta2) g^2                                   (adaptive P only; a_0 = 0)
 *   if t mod k == 0:  p = betaP p + (1 - betaP) / (sqrt(a / (1 - beta2^(t+1))) + delta)   (p starts at 1)
 *   z      = p g   (preconditioned perturbation)      or   z = g   (plain perturbation)
 *   e      = rho z / (||z||_2 + 1e-12)
 *   g_p    = grad L(w + e)
 *   w      = Base(w, p g_p, eta)
 * </pre>
 * {@code P} therefore changes only every {@code k} steps and then by a slow EMA, while {@code e} is recomputed every
 * step (the two timescales). With {@code p = 1} (a fixed identity) the step is exactly {@link Sam}; with
 * {@code rho = 0} it is preconditioned gradient descent.
 *
 * <p><b>The LLQR+SAM step of sam.md section 3</b> (the authors' reference implementation) is available through
 * {@link Options}: the Friendly-SAM base {@code v = g - gbar} (with {@code gbar <- beta_g gbar + (1 - beta_g) g}
 * after the direction is formed, {@code gbar_0 = 0}) in place of {@code v = g}, {@code z = P v}, and its two norm
 * modes, {@link Normalisation#EUCLIDEAN} {@code e = rho z/sqrt(z^T z + 1e-12)} and {@link Normalisation#MATRIX_NORM}
 * {@code e = rho z/sqrt(v^T z + 1e-12)} (the {@code P^-1}-norm of {@code e} is {@code rho}). The default,
 * {@link Normalisation#GUARDED_NORM}, keeps SAM's {@code rho z/(||z|| + 1e-12)} (section 1), so that the identity
 * preconditioner reproduces {@link Sam} bit for bit; it differs from {@code EUCLIDEAN} only when {@code ||z||} is
 * below about {@code 1e-6}. No kernel fuses the elementwise products yet: the loops are
 * written here (C2 vectorises them).
 */
public final class PreconditionedSam implements DoubleOracleStep {

    /**
     * Hyperparameters of the adaptive (squared-gradient EMA) preconditioner.
     *
     * @param rho                      the ascent radius, finite and {@code >= 0}
     * @param preconditionPerturbation {@code true}: {@code e ∝ P g} (LLQR+SAM-like); {@code false}: {@code e ∝ g}
     * @param beta2                    decay of the squared-gradient EMA, in {@code [0, 1)} (suggested 0.999)
     * @param delta                    guard in {@code 1/(sqrt(a) + delta)}, finite and {@code > 0} (suggested 1e-8)
     * @param refreshEvery             {@code k}: the preconditioner is refreshed at steps {@code 0, k, 2k, ...}, {@code >= 1}
     * @param betaP                    decay of the slow EMA of the preconditioner itself, in {@code [0, 1)} (0.9-0.95)
     */
    public record Config(double rho, boolean preconditionPerturbation, double beta2, double delta, int refreshEvery,
                         double betaP) {

        /** Validates the hyperparameters. */
        public Config {
            Checks.finiteNonNegative("rho", rho);
            Checks.unitInterval("beta2", beta2);
            Checks.finitePositive("delta", delta);
            if (refreshEvery < 1) {
                throw new IllegalArgumentException("refreshEvery = " + refreshEvery + ": must be >= 1");
            }
            Checks.unitInterval("betaP", betaP);
        }

        /** @return sam.md section 4's suggested constants ({@code beta2 = 0.999, delta = 1e-8, betaP = 0.9}). */
        public static Config suggested(double rho, int refreshEvery) {
            return new Config(rho, true, 0.999, 1e-8, refreshEvery, 0.9);
        }
    }

    /** The guard of sam.md section 3, added under the square root. */
    public static final double NORM_GUARD_SQUARED = 1e-12;

    /** How the perturbation direction {@code z} is normalised (sam.md sections 1 and 3). */
    public enum Normalisation {
        /** {@code e = rho z/(||z||_2 + 1e-12)}: SAM's guard (sam.md section 1), as {@link Sam}; the default. */
        GUARDED_NORM,
        /** {@code e = rho z/sqrt(z^T z + 1e-12)}: the reference implementation's "euclidean" mode (sam.md 3). */
        EUCLIDEAN,
        /** {@code e = rho z/sqrt(v^T z + 1e-12)}: the reference implementation's "matrix_norm" mode (sam.md 3). */
        MATRIX_NORM
    }

    /**
     * The perturbation options of the LLQR+SAM step (sam.md section 3).
     *
     * @param normalisation how {@code z} is normalised
     * @param friendly      {@code true}: Friendly-SAM base {@code v = g - gbar}; {@code false}: {@code v = g}
     * @param betaG         the decay of {@code gbar}, in {@code [0, 1)} (reference default 0.9; ImageNet preset 0.6);
     *                      ignored unless {@code friendly}
     */
    public record Options(Normalisation normalisation, boolean friendly, double betaG) {

        /** SAM's guarded normalisation, SAM base: the behaviour of the constructors without options. */
        public static final Options DEFAULT = new Options(Normalisation.GUARDED_NORM, false, 0.0);

        /** Validates the options. */
        public Options {
            Objects.requireNonNull(normalisation, "normalisation");
            Checks.unitInterval("betaG", betaG);
        }

        /** @return the SAM base with the given normalisation. */
        public static Options of(Normalisation normalisation) {
            return new Options(normalisation, false, 0.0);
        }

        /** @return the Friendly-SAM base with decay {@code betaG} and the given normalisation. */
        public static Options friendly(Normalisation normalisation, double betaG) {
            return new Options(normalisation, true, betaG);
        }
    }

    private static final DoubleKernels K = Kernels.doubles();

    private final double rho;
    private final Options options;
    private final double[] gBar;
    private final double[] point;
    private final boolean preconditionPerturbation;
    private final Config adaptive;
    private final DoubleUpdateRule base;
    private final double[] p;
    private final double[] initialP;
    private final double[] a;
    private final double[] grad;
    private final double[] work;
    private long t;

    /**
     * SAM with the adaptive two-timescale preconditioner; {@code P} starts at the identity.
     *
     * @param config hyperparameters
     * @param base   the outer update rule, fed with {@code P g_p}
     */
    public PreconditionedSam(Config config, DoubleUpdateRule base) {
        this(config, Options.DEFAULT, base);
    }

    /**
     * SAM with the adaptive two-timescale preconditioner and the given perturbation options; {@code P} starts at the
     * identity.
     *
     * @param config  hyperparameters
     * @param options normalisation and base direction (sam.md section 3)
     * @param base    the outer update rule, fed with {@code P g_p}
     */
    public PreconditionedSam(Config config, Options options, DoubleUpdateRule base) {
        this(Objects.requireNonNull(config, "config").rho(), config.preconditionPerturbation(), config, null, options,
                base);
    }

    private PreconditionedSam(double rho, boolean preconditionPerturbation, Config adaptive, double[] fixed,
                              Options options, DoubleUpdateRule base) {
        this.base = Objects.requireNonNull(base, "base");
        this.options = Objects.requireNonNull(options, "options");
        int n = Checks.dimension(base.dimension());
        this.rho = Checks.finiteNonNegative("rho", rho);
        this.preconditionPerturbation = preconditionPerturbation;
        this.adaptive = adaptive;
        this.initialP = new double[n];
        if (fixed == null) {
            Arrays.fill(initialP, 1.0);
        } else {
            Checks.length("preconditioner", fixed.length, n);
            for (int i = 0; i < n; i++) {
                if (!(fixed[i] > 0.0) || Double.isInfinite(fixed[i])) {
                    throw new IllegalArgumentException("preconditioner[" + i + "] = " + fixed[i]
                            + ": must be finite and > 0");
                }
            }
            System.arraycopy(fixed, 0, initialP, 0, n);
        }
        this.p = initialP.clone();
        this.a = adaptive == null ? null : new double[n];
        this.grad = new double[n];
        this.work = new double[n];
        this.gBar = options.friendly() ? new double[n] : null;
        this.point = options.equals(Options.DEFAULT) ? null : new double[n];
    }

    /**
     * SAM with a fixed diagonal preconditioner (sam.md 5.3-5.4).
     *
     * @param rho                      the ascent radius, finite and {@code >= 0}
     * @param preconditionPerturbation {@code true}: {@code e ∝ P g}; {@code false}: {@code e ∝ g}
     * @param preconditioner           the diagonal {@code p} (copied), entries finite and {@code > 0}
     * @param base                     the outer update rule, fed with {@code P g_p}
     * @return the oracle step
     */
    public static PreconditionedSam fixed(double rho, boolean preconditionPerturbation, double[] preconditioner,
                                          DoubleUpdateRule base) {
        return fixed(rho, preconditionPerturbation, preconditioner, Options.DEFAULT, base);
    }

    /**
     * SAM with a fixed diagonal preconditioner and the given perturbation options (sam.md section 3 with {@code U}
     * frozen).
     *
     * @param rho                      the ascent radius, finite and {@code >= 0}
     * @param preconditionPerturbation {@code true}: {@code z = P v}; {@code false}: {@code z = v}
     * @param preconditioner           the diagonal {@code p} (copied), entries finite and {@code > 0}
     * @param options                  normalisation and base direction
     * @param base                     the outer update rule, fed with {@code P g_p}
     * @return the oracle step
     */
    public static PreconditionedSam fixed(double rho, boolean preconditionPerturbation, double[] preconditioner,
                                          Options options, DoubleUpdateRule base) {
        return new PreconditionedSam(rho, preconditionPerturbation, null,
                Objects.requireNonNull(preconditioner, "preconditioner"), options, base);
    }

    /** @return the perturbation options. */
    public Options options() {
        return options;
    }

    /**
     * @param i a coordinate
     * @return the current preconditioner entry {@code p_i}
     */
    public double preconditioner(int i) {
        return p[i];
    }

    /** @return the number of steps taken since construction or the last {@link #reset()}. */
    public long stepCount() {
        return t;
    }

    @Override
    public int dimension() {
        return grad.length;
    }

    @Override
    public void step(double[] params, GradientOracle oracle, double learningRate) {
        int n = grad.length;
        Checks.length("params", params.length, n);
        Checks.learningRate(learningRate);
        double[] g = grad;
        double[] z = work;
        oracle.gradient(params, g);
        if (adaptive != null) {
            refresh(g);
        }
        if (point != null) {
            stepWithOptions(params, oracle, learningRate);
            t++;
            return;
        }
        double[] direction = g;
        if (preconditionPerturbation) {
            for (int i = 0; i < n; i++) {
                z[i] = p[i] * g[i];
            }
            direction = z;
        }
        double scale = rho / (Math.sqrt(K.sumOfSquares(direction, 0, n)) + Sam.NORM_GUARD);
        // the perturbed point goes into whichever buffer is not the direction
        double[] perturbed = direction == z ? g : z;
        K.xpayInto(params, 0, scale, direction, 0, perturbed, 0, n);
        double[] gp = direction == z ? z : g;
        oracle.gradient(perturbed, gp);
        for (int i = 0; i < n; i++) {
            gp[i] *= p[i];
        }
        base.step(params, gp, learningRate);
        t++;
    }

    /** The sam.md section 3 step; {@code grad} holds {@code g} on entry. */
    private void stepWithOptions(double[] params, GradientOracle oracle, double learningRate) {
        int n = grad.length;
        double[] g = grad;
        double[] z = work;
        // v = g - gbar (Friendly) or g; gbar is then updated with g (the reference order: direction first)
        double betaG = options.betaG();
        for (int i = 0; i < n; i++) {
            double v = options.friendly() ? g[i] - gBar[i] : g[i];
            if (options.friendly()) {
                gBar[i] = betaG * gBar[i] + (1.0 - betaG) * g[i];
            }
            g[i] = v; // g now holds v
            z[i] = preconditionPerturbation ? p[i] * v : v;
        }
        double s = options.normalisation() == Normalisation.MATRIX_NORM ? K.dot(g, 0, z, 0, n) : K.sumOfSquares(z, 0, n);
        double scale = switch (options.normalisation()) {
            case GUARDED_NORM -> rho / (Math.sqrt(s) + Sam.NORM_GUARD);
            case EUCLIDEAN, MATRIX_NORM -> rho / Math.sqrt(s + NORM_GUARD_SQUARED);
        };
        K.xpayInto(params, 0, scale, z, 0, point, 0, n);
        oracle.gradient(point, g);
        for (int i = 0; i < n; i++) {
            g[i] *= p[i];
        }
        base.step(params, g, learningRate);
    }

    private void refresh(double[] g) {
        double beta2 = adaptive.beta2();
        double c2 = 1.0 - beta2;
        int n = g.length;
        for (int i = 0; i < n; i++) {
            a[i] = Math.fma(beta2, a[i], c2 * g[i] * g[i]);
        }
        if (t % adaptive.refreshEvery() == 0) {
            double invBias = 1.0 / (1.0 - Math.pow(beta2, t + 1));
            double betaP = adaptive.betaP();
            double delta = adaptive.delta();
            for (int i = 0; i < n; i++) {
                double target = 1.0 / (Math.sqrt(a[i] * invBias) + delta);
                p[i] = betaP * p[i] + (1.0 - betaP) * target;
            }
        }
    }

    @Override
    public void reset() {
        t = 0;
        System.arraycopy(initialP, 0, p, 0, p.length);
        if (a != null) {
            Arrays.fill(a, 0.0);
        }
        if (gBar != null) {
            Arrays.fill(gBar, 0.0);
        }
        base.reset();
    }

    @Override
    public String toString() {
        return "PreconditionedSam[rho=" + rho + ", preconditionPerturbation=" + preconditionPerturbation + ", " + options
                + (adaptive == null ? ", fixed P" : ", " + adaptive) + "] over " + base;
    }
}
