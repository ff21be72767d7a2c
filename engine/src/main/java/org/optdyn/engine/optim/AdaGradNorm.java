package org.optdyn.engine.optim;

import java.util.Objects;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * AdaGrad-Norm (Ward, Wu and Bottou 2019, "AdaGrad stepsizes: sharp convergence over nonconvex landscapes",
 * Algorithm 1 / eq. (4)): one scalar accumulator for the whole parameter vector, on {@code double[]}
 * ({@link FloatAdaGradNorm} is the {@code float[]} twin). With {@code b_0 > 0} and the step's learning rate
 * {@code eta}:
 * <pre>
 *   b_t^2 = b_{t-1}^2 + ||g_t||^2
 *   w_t   = w_{t-1} - (eta / b_t) g_t
 * </pre>
 * The accumulator is updated before the step (the paper's {@code b_{j+1}^2 = b_j^2 + ||G(x_j)||^2},
 * {@code x_{j+1} = x_j - eta G(x_j) / b_{j+1}}), so the first step is already normalised. Cost: one reduction and
 * one axpy, two passes over the gradient. The accumulator {@code b_t^2} and the step size {@code eta / b_t} are
 * kept in {@literal double} in both precisions (a {@literal float} sum of {@code t} terms would lose {@code t u}
 * relative accuracy); only the step size is rounded to the array precision.
 */
public final class AdaGradNorm implements DoubleUpdateRule {

    // double only: begin (the float twin shares these hyperparameters)
    /**
     * AdaGrad-Norm hyperparameters (the base learning rate {@code eta} is given per step).
     *
     * @param b0 the initial scale {@code b_0}, finite and {@code > 0} (the accumulator starts at {@code b_0^2})
     */
    public record Config(double b0) {

        /** Validates the hyperparameters. */
        public Config {
            Checks.finitePositive("b0", b0);
        }
    }
    // double only: end

    private static final DoubleKernels K = Kernels.doubles();

    private final int dimension;
    private final Config config;
    private double accumulator; // double in both precisions

    /**
     * @param dimension number of parameters, {@code >= 1}
     * @param config    hyperparameters
     */
    public AdaGradNorm(int dimension, Config config) {
        this.dimension = Checks.dimension(dimension);
        this.config = Objects.requireNonNull(config, "config");
        this.accumulator = config.b0() * config.b0();
    }

    /** @return the hyperparameters. */
    public Config config() {
        return config;
    }

    /** @return the accumulator {@code b_t^2} after the last step ({@code b_0^2} before the first). */
    public double accumulator() { // double in both precisions
        return accumulator;
    }

    /**
     * @param learningRate the base learning rate {@code eta}
     * @return the effective step size {@code eta / b_t} of the last step
     */
    public double effectiveLearningRate(double learningRate) { // double in both precisions
        return learningRate / Math.sqrt(accumulator); // double in both precisions
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public void step(double[] params, double[] grad, double learningRate) {
        Checks.pair(params, grad, dimension);
        Checks.learningRate(learningRate);
        accumulator += K.sumOfSquares(grad, 0, dimension);
        double stepSize = learningRate / Math.sqrt(accumulator); // double in both precisions
        K.axpyInPlace(-stepSize, grad, 0, // float: K.axpyInPlace((float) -stepSize, grad, 0,
                params, 0, dimension);
    }

    @Override
    public void reset() {
        accumulator = config.b0() * config.b0();
    }

    @Override
    public String toString() {
        return "AdaGradNorm" + config;
    }
}
