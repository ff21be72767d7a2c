package org.optdyn.engine.optim;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.kernel.FloatKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * The {@code float[]} twin of {@link Sgd}: the same update equations and hyperparameters
 * ({@link Sgd.Config}, rounded to float once at construction), one fused pass of {@link FloatKernels#momentumStep}.
 */
public final class FloatSgd implements FloatUpdateRule {

    private static final FloatKernels K = Kernels.floats();

    private final Sgd.Config config;
    private final float momentum;
    private final float weightDecay;
    private final float[] velocity;

    /**
     * @param dimension number of parameters, {@code >= 1}
     * @param config    hyperparameters
     */
    public FloatSgd(int dimension, Sgd.Config config) {
        this.velocity = new float[Checks.dimension(dimension)];
        this.config = Objects.requireNonNull(config, "config");
        this.momentum = (float) config.momentum();
        this.weightDecay = (float) config.weightDecay();
    }

    /** @return plain gradient descent on {@code dimension} parameters. */
    public static FloatSgd plain(int dimension) {
        return new FloatSgd(dimension, Sgd.Config.PLAIN);
    }

    /** @return the hyperparameters. */
    public Sgd.Config config() {
        return config;
    }

    @Override
    public int dimension() {
        return velocity.length;
    }

    @Override
    public void step(float[] params, float[] grad, float learningRate) {
        Checks.pair(params, grad, velocity.length);
        Checks.learningRate(learningRate);
        K.momentumStep(params, velocity, grad, 0, velocity.length,
                learningRate, momentum, weightDecay, config.nesterov());
    }

    @Override
    public void reset() {
        Arrays.fill(velocity, 0.0f);
    }

    @Override
    public String toString() {
        return "FloatSgd" + config;
    }
}
