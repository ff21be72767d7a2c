package org.optdyn.engine.optim;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * Adam with bias correction (Kingma and Ba 2015, Algorithm 1), optional AMSGrad (Reddi, Kale and Kumar 2018,
 * Algorithm 2 with bias correction kept) and either coupled L2 weight decay or AdamW's decoupled weight decay
 * (Loshchilov and Hutter 2019, Algorithm 2), on {@code double[]} ({@link FloatAdam} is the {@code float[]} twin,
 * with the same {@link Adam.Config}; both compute the bias corrections {@code 1 - beta^t} in {@literal double}, so
 * they do not drift with {@code t}, and the {@literal float} class rounds the kernel's scalars once per step).
 *
 * <p>With {@code m_0 = v_0 = 0}, step {@code t = 1, 2, ...}, learning rate {@code alpha_t}, all operations
 * elementwise (docs/theory/adam-rotation.md section 1):
 * <pre>
 *   g'_t  = g_t + lambda w_{t-1}                (coupled decay only; g'_t = g_t otherwise)
 *   m_t   = beta1 m_{t-1} + (1 - beta1) g'_t
 *   v_t   = beta2 v_{t-1} + (1 - beta2) g'_t^2
 *   vmax_t = max(vmax_{t-1}, v_t)               (AMSGrad; otherwise vmax_t = v_t)
 *   w_t   = w_{t-1} - alpha_t (m_t / (1 - beta1^t)) / (sqrt(vmax_t / (1 - beta2^t)) + eps)
 *   w_t  -= alpha_t lambda w_{t-1}              (AdamW, decoupled: w_t = (1 - alpha_t lambda) w_{t-1} - ...)
 * </pre>
 * {@code eps} sits outside the square root, as in Algorithm 1 (Kingma and Ba's "efficient" reformulation moves it
 * and is not equivalent). AdamW follows the library convention: its {@code lambda} is multiplied by the learning
 * rate (the paper's {@code lambda} equals {@code alpha lambda_library}) and is not divided by {@code sqrt(v)}.
 * AMSGrad applies the maximum to the raw second moment and bias-corrects it, as PyTorch does; Reddi et al.'s
 * Algorithm 2 has no bias correction (set {@code beta2} to make the correction negligible to compare).
 * One fused pass of {@link DoubleKernels#adamStep}: 56 bytes per coordinate (72 with AMSGrad).
 */
public final class Adam implements DoubleUpdateRule {

    // double only: begin (the float twin shares these hyperparameters)
    /**
     * Adam hyperparameters (the learning rate {@code alpha_t} is given per step).
     *
     * @param beta1        first-moment decay, in {@code [0, 1)}
     * @param beta2        second-moment decay, in {@code [0, 1)}
     * @param epsilon      denominator guard {@code eps}, finite and {@code >= 0}
     * @param weightDecay  {@code lambda}, finite and {@code >= 0}
     * @param decoupled    {@code true}: AdamW's decoupled decay; {@code false}: coupled L2 decay added to the gradient
     * @param amsgrad      use the running maximum of the second moment (AMSGrad)
     */
    public record Config(double beta1, double beta2, double epsilon, double weightDecay, boolean decoupled,
                         boolean amsgrad) {

        /** Kingma and Ba's defaults: {@code beta1 = 0.9, beta2 = 0.999, eps = 1e-8}, no decay, no AMSGrad. */
        public static final Config DEFAULT = new Config(0.9, 0.999, 1e-8, 0.0, false, false);

        /** Validates the hyperparameters. */
        public Config {
            Checks.unitInterval("beta1", beta1);
            Checks.unitInterval("beta2", beta2);
            Checks.finiteNonNegative("epsilon", epsilon);
            Checks.finiteNonNegative("weightDecay", weightDecay);
        }

        /** @return AdamW: the defaults with decoupled weight decay {@code lambda}. */
        public static Config adamW(double lambda) {
            return DEFAULT.withDecoupledWeightDecay(lambda);
        }

        /** @return this configuration with the given moment decays. */
        public Config withBetas(double newBeta1, double newBeta2) {
            return new Config(newBeta1, newBeta2, epsilon, weightDecay, decoupled, amsgrad);
        }

        /** @return this configuration with the given {@code eps}. */
        public Config withEpsilon(double newEpsilon) {
            return new Config(beta1, beta2, newEpsilon, weightDecay, decoupled, amsgrad);
        }

        /** @return this configuration with coupled (L2, added to the gradient) weight decay {@code lambda}. */
        public Config withCoupledWeightDecay(double lambda) {
            return new Config(beta1, beta2, epsilon, lambda, false, amsgrad);
        }

        /** @return this configuration with decoupled (AdamW) weight decay {@code lambda}. */
        public Config withDecoupledWeightDecay(double lambda) {
            return new Config(beta1, beta2, epsilon, lambda, true, amsgrad);
        }

        /** @return this configuration with AMSGrad switched on or off. */
        public Config withAmsgrad(boolean on) {
            return new Config(beta1, beta2, epsilon, weightDecay, decoupled, on);
        }
    }
    // double only: end

    private static final DoubleKernels K = Kernels.doubles();

    private final Config config;
    private final double[] m;
    private final double[] v;
    private final double[] vMax;
    private long t;

    /**
     * @param dimension number of parameters, {@code >= 1}
     * @param config    hyperparameters
     */
    public Adam(int dimension, Config config) {
        Checks.dimension(dimension);
        this.config = Objects.requireNonNull(config, "config");
        this.m = new double[dimension];
        this.v = new double[dimension];
        this.vMax = config.amsgrad() ? new double[dimension] : null;
    }

    /** @return Adam with Kingma and Ba's defaults. */
    public static Adam withDefaults(int dimension) {
        return new Adam(dimension, Config.DEFAULT);
    }

    /** @return AdamW with the default betas and eps and decoupled weight decay {@code lambda}. */
    public static Adam adamW(int dimension, double lambda) { // double in both precisions
        return new Adam(dimension, Config.adamW(lambda));
    }

    /** @return the hyperparameters. */
    public Config config() {
        return config;
    }

    /** @return the number of steps taken since construction or the last {@link #reset()}. */
    public long stepCount() {
        return t;
    }

    @Override
    public int dimension() {
        return m.length;
    }

    @Override
    public void step(double[] params, double[] grad, double learningRate) {
        Checks.pair(params, grad, m.length);
        Checks.learningRate(learningRate);
        t++;
        double bias1 = 1.0 - Math.pow(config.beta1(), t); // double in both precisions
        double bias2 = 1.0 - Math.pow(config.beta2(), t); // double in both precisions
        double lambda = config.weightDecay(); // double in both precisions
        double l2 = config.decoupled() ? 0.0 : lambda; // double in both precisions
        double decay = config.decoupled() ? 1.0 - learningRate * lambda : 1.0; // double in both precisions
        K.adamStep(params, m, v, vMax, grad, 0, m.length,
                config.beta1(), config.beta2(), // float: (float) config.beta1(), (float) config.beta2(),
                learningRate / bias1, 1.0 / bias2, // float: (float) (learningRate / bias1), (float) (1.0 / bias2),
                config.epsilon(), l2, decay); // float: (float) config.epsilon(), (float) l2, (float) decay);
    }

    /**
     * Adam's update direction without step size, weight decay or bias correction (adam-rotation.md §4, the
     * orthogonality indicator's input): {@code out_i = m_i / (sqrt(v_i) + eps)} from the uncorrected moments (with
     * AMSGrad, {@code v} is the running maximum).
     *
     * @param out length {@link #dimension()}, written
     */
    public void direction(double[] out) {
        Checks.length("out", out.length, m.length);
        double[] second = vMax != null ? vMax : v;
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i] / (Math.sqrt(second[i]) + config.epsilon()); // float: out[i] = (float) (m[i] / (Math.sqrt(second[i]) + config.epsilon()));
        }
    }

    @Override
    public void reset() {
        t = 0;
        Arrays.fill(m, 0.0);
        Arrays.fill(v, 0.0);
        if (vMax != null) {
            Arrays.fill(vMax, 0.0);
        }
    }

    @Override
    public String toString() {
        return "Adam" + config;
    }
}
