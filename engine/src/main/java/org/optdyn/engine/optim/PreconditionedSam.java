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
 * {@code rho = 0} it is preconditioned gradient descent. No kernel fuses the elementwise products yet: the loops are
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

    private static final DoubleKernels K = Kernels.doubles();

    private final double rho;
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
        this(Objects.requireNonNull(config, "config").rho(), config.preconditionPerturbation(), config, null, base);
    }

    private PreconditionedSam(double rho, boolean preconditionPerturbation, Config adaptive, double[] fixed,
                              DoubleUpdateRule base) {
        this.base = Objects.requireNonNull(base, "base");
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
        return new PreconditionedSam(rho, preconditionPerturbation, null,
                Objects.requireNonNull(preconditioner, "preconditioner"), base);
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
        base.reset();
    }

    @Override
    public String toString() {
        return "PreconditionedSam[rho=" + rho + ", preconditionPerturbation=" + preconditionPerturbation
                + (adaptive == null ? ", fixed P" : ", " + adaptive) + "] over " + base;
    }
}
