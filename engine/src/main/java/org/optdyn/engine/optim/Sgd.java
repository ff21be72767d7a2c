package org.optdyn.engine.optim;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * Stochastic gradient descent with heavy-ball or Nesterov momentum and coupled (L2) weight decay, on
 * {@code double[]} ({@link FloatSgd} is the {@code float[]} twin). With learning rate {@code eta_t}, momentum
 * {@code mu}, weight decay {@code lambda} and {@code v_0 = 0}, step {@code t} is
 * <pre>
 *   g'_t = g_t + lambda w_{t-1}
 *   v_t  = mu v_{t-1} + g'_t
 *   w_t  = w_{t-1} - eta_t v_t                   (heavy ball, Polyak 1964)
 *   w_t  = w_{t-1} - eta_t (g'_t + mu v_t)       (Nesterov, in the form of Sutskever et al. 2013)
 * </pre>
 * This is the convention of PyTorch's {@code torch.optim.SGD} with {@code dampening = 0}; Polyak's original
 * heavy ball {@code w_t = w_{t-1} - alpha g_t + beta (w_{t-1} - w_{t-2})} is the same iteration with
 * {@code alpha = eta}, {@code beta = mu} when the learning rate is constant. With {@code mu = 0} it is plain
 * (projected-free) gradient descent {@code w_t = w_{t-1} - eta_t g'_t}. One fused pass of
 * {@link DoubleKernels#momentumStep}: 40 bytes of memory traffic per coordinate.
 */
public final class Sgd implements DoubleUpdateRule {

    // double only: begin (the float twin shares these hyperparameters)
    /**
     * SGD hyperparameters (the learning rate is given per step, see {@link LearningRateSchedule}).
     *
     * @param momentum    {@code mu} in {@code (-1, 1)}; negative values give the negative momentum that stabilises
     *                    some game dynamics (Gidel et al. 2019, "Negative momentum for improved game dynamics")
     * @param nesterov    Nesterov's look-ahead form; requires {@code momentum > 0}
     * @param weightDecay coupled L2 coefficient {@code lambda}, finite and {@code >= 0}
     */
    public record Config(double momentum, boolean nesterov, double weightDecay) {

        /** Plain gradient descent: no momentum, no weight decay. */
        public static final Config PLAIN = new Config(0.0, false, 0.0);

        /** Validates the hyperparameters. */
        public Config {
            if (!(momentum > -1.0 && momentum < 1.0)) {
                throw new IllegalArgumentException("momentum = " + momentum + ": must lie in (-1, 1)");
            }
            Checks.finiteNonNegative("weightDecay", weightDecay);
            if (nesterov && momentum == 0.0) {
                throw new IllegalArgumentException("nesterov = true needs momentum != 0, got momentum = " + momentum);
            }
        }

        /** @return heavy-ball momentum {@code mu}, no weight decay. */
        public static Config heavyBall(double momentum) {
            return new Config(momentum, false, 0.0);
        }

        /** @return Nesterov momentum {@code mu}, no weight decay. */
        public static Config nesterov(double momentum) {
            return new Config(momentum, true, 0.0);
        }

        /** @return this configuration with coupled weight decay {@code lambda}. */
        public Config withWeightDecay(double lambda) {
            return new Config(momentum, nesterov, lambda);
        }
    }
    // double only: end

    private static final DoubleKernels K = Kernels.doubles();

    private final Config config;
    private final double[] velocity;

    /**
     * @param dimension number of parameters, {@code >= 1}
     * @param config    hyperparameters
     */
    public Sgd(int dimension, Config config) {
        this.velocity = new double[Checks.dimension(dimension)];
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return plain gradient descent on {@code dimension} parameters. */
    public static Sgd plain(int dimension) {
        return new Sgd(dimension, Config.PLAIN);
    }

    /** @return the hyperparameters. */
    public Config config() {
        return config;
    }

    /**
     * @param i a coordinate
     * @return the velocity {@code v_t[i]} after the last step
     */
    public double velocity(int i) {
        return velocity[i];
    }

    @Override
    public int dimension() {
        return velocity.length;
    }

    @Override
    public void step(double[] params, double[] grad, double learningRate) {
        Checks.pair(params, grad, velocity.length);
        Checks.learningRate(learningRate);
        K.momentumStep(params, velocity, grad, 0, velocity.length, learningRate,
                config.momentum(), // float: (float) config.momentum(),
                config.weightDecay(), // float: (float) config.weightDecay(),
                config.nesterov());
    }

    @Override
    public void reset() {
        Arrays.fill(velocity, 0.0);
    }

    @Override
    public String toString() {
        return "Sgd" + config;
    }
}
