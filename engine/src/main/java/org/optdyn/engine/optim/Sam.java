package org.optdyn.engine.optim;

import java.util.Objects;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * Sharpness-aware minimization (Foret, Kleiner, Mobahi and Neyshabur 2021, Algorithm 1 with {@code p = 2};
 * docs/theory/sam.md section 1) over a pluggable base update rule, on {@code double[]} ({@link FloatSam} is the
 * {@code float[]} twin). One step calls the oracle twice:
 * <pre>
 *   g     = grad L(w)
 *   e     = rho g / (||g||_2 + 1e-12)        (normalised SAM; unnormalised "USAM": e = rho g)
 *   g_SAM = grad L(w + e)
 *   w     = Base(w, g_SAM, eta)               (the base rule steps from the unperturbed w)
 * </pre>
 * The {@code 1e-12} guard ({@link Sam#NORM_GUARD}) only matters when {@code g = 0}, where it makes {@code e = 0}.
 * The base rule is any {@link DoubleUpdateRule}: {@link Sgd} (with momentum, as in the paper's experiments) or
 * {@link Adam}. On a quadratic {@code L = (1/2) w^T H w}, USAM is the linear map {@code I - eta H - eta rho H^2}
 * (sam.md 5.1) and normalised SAM settles on a 2-cycle along the top eigenvector (sam.md 5.2).
 */
public final class Sam implements DoubleOracleStep {

    // double only: begin (the float twin shares the guard and the hyperparameters)
    /** The guard added to {@code ||g||} in the normalised ascent step. */
    public static final double NORM_GUARD = 1e-12;

    /**
     * SAM hyperparameters.
     *
     * @param rho        the ascent radius {@code rho}, finite and {@code >= 0} ({@code 0}: the base rule alone)
     * @param normalized {@code true}: SAM's normalised ascent {@code rho g / ||g||}; {@code false}: USAM's {@code rho g}
     */
    public record Config(double rho, boolean normalized) {

        /** Validates the hyperparameters. */
        public Config {
            Checks.finiteNonNegative("rho", rho);
        }

        /** @return normalised SAM with radius {@code rho}. */
        public static Config of(double rho) {
            return new Config(rho, true);
        }

        /** @return unnormalised SAM (USAM) with coefficient {@code rho}. */
        public static Config unnormalized(double rho) {
            return new Config(rho, false);
        }
    }
    // double only: end

    private static final DoubleKernels K = Kernels.doubles();

    private final Config config;
    private final DoubleUpdateRule base;
    private final double[] grad;
    private final double[] perturbed;

    /**
     * @param config hyperparameters
     * @param base   the base update rule applied to the perturbed gradient (its dimension is SAM's)
     */
    public Sam(Config config, DoubleUpdateRule base) {
        this.config = Objects.requireNonNull(config, "config");
        this.base = Objects.requireNonNull(base, "base");
        int n = Checks.dimension(base.dimension());
        this.grad = new double[n];
        this.perturbed = new double[n];
    }

    /** @return the hyperparameters. */
    public Config config() {
        return config;
    }

    /** @return the base update rule. */
    public DoubleUpdateRule base() {
        return base;
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
        oracle.gradient(params, grad);
        double scale = config.rho(); // double in both precisions
        if (config.normalized()) {
            scale /= Math.sqrt(K.sumOfSquares(grad, 0, n)) + NORM_GUARD; // double in both precisions
        }
        K.xpayInto(params, 0, scale, // float: K.xpayInto(params, 0, (float) scale,
                grad, 0, perturbed, 0, n);
        oracle.gradient(perturbed, grad);
        base.step(params, grad, learningRate);
    }

    @Override
    public void reset() {
        base.reset();
    }

    @Override
    public String toString() {
        return "Sam" + config + " over " + base;
    }
}
