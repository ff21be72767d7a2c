package org.optdyn.engine.optim;

import java.util.Objects;
import org.optdyn.engine.kernel.FloatKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * The {@code float[]} twin of {@link Sam}: the same two-oracle step over a pluggable {@link FloatUpdateRule};
 * the ascent scale {@code rho / (||g|| + 1e-12)} is computed in double and rounded once.
 */
public final class FloatSam implements FloatOracleStep {

    private static final FloatKernels K = Kernels.floats();

    private final Sam.Config config;
    private final FloatUpdateRule base;
    private final float[] grad;
    private final float[] perturbed;

    /**
     * @param config hyperparameters
     * @param base   the base update rule applied to the perturbed gradient (its dimension is SAM's)
     */
    public FloatSam(Sam.Config config, FloatUpdateRule base) {
        this.config = Objects.requireNonNull(config, "config");
        this.base = Objects.requireNonNull(base, "base");
        int n = Checks.dimension(base.dimension());
        this.grad = new float[n];
        this.perturbed = new float[n];
    }

    /** @return the hyperparameters. */
    public Sam.Config config() {
        return config;
    }

    @Override
    public int dimension() {
        return grad.length;
    }

    @Override
    public void step(float[] params, FloatGradientOracle oracle, float learningRate) {
        int n = grad.length;
        Checks.length("params", params.length, n);
        Checks.learningRate(learningRate);
        oracle.gradient(params, grad);
        double scale = config.rho();
        if (config.normalized()) {
            scale /= Math.sqrt(K.sumOfSquares(grad, 0, n)) + Sam.NORM_GUARD;
        }
        K.xpayInto(params, 0, (float) scale, grad, 0, perturbed, 0, n);
        oracle.gradient(perturbed, grad);
        base.step(params, grad, learningRate);
    }

    @Override
    public void reset() {
        base.reset();
    }

    @Override
    public String toString() {
        return "FloatSam" + config + " over " + base;
    }
}
