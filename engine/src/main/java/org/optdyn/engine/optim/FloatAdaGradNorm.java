package org.optdyn.engine.optim;

import java.util.Objects;
import org.optdyn.engine.kernel.FloatKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * The {@code float[]} twin of {@link AdaGradNorm}: the same update equations; {@code ||g||^2} is reduced in float by
 * {@link FloatKernels#sumOfSquares} and added to an accumulator kept in double.
 */
public final class FloatAdaGradNorm implements FloatUpdateRule {

    private static final FloatKernels K = Kernels.floats();

    private final int dimension;
    private final AdaGradNorm.Config config;
    private double accumulator;

    /**
     * @param dimension number of parameters, {@code >= 1}
     * @param config    hyperparameters
     */
    public FloatAdaGradNorm(int dimension, AdaGradNorm.Config config) {
        this.dimension = Checks.dimension(dimension);
        this.config = Objects.requireNonNull(config, "config");
        this.accumulator = config.b0() * config.b0();
    }

    /** @return the hyperparameters. */
    public AdaGradNorm.Config config() {
        return config;
    }

    /** @return the accumulator {@code b_t^2} after the last step ({@code b_0^2} before the first). */
    public double accumulator() {
        return accumulator;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void step(float[] params, float[] grad, float learningRate) {
        Checks.pair(params, grad, dimension);
        Checks.learningRate(learningRate);
        accumulator += K.sumOfSquares(grad, 0, dimension);
        K.axpyInPlace((float) (-learningRate / Math.sqrt(accumulator)), grad, 0, params, 0, dimension);
    }

    @Override
    public void reset() {
        accumulator = config.b0() * config.b0();
    }

    @Override
    public String toString() {
        return "FloatAdaGradNorm" + config;
    }
}
