package org.optdyn.engine.optim;

import java.util.Arrays;
import java.util.Objects;
import org.optdyn.engine.kernel.FloatKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * The {@code float[]} twin of {@link Adam}: the same update equations and hyperparameters ({@link Adam.Config}).
 * The moments are stored in float; the bias corrections {@code 1 - beta^t} are computed in double each step and
 * rounded once, so they do not drift with {@code t}. One fused pass of {@link FloatKernels#adamStep}.
 */
public final class FloatAdam implements FloatUpdateRule {

    private static final FloatKernels K = Kernels.floats();

    private final Adam.Config config;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float[] m;
    private final float[] v;
    private final float[] vMax;
    private long t;

    /**
     * @param dimension number of parameters, {@code >= 1}
     * @param config    hyperparameters
     */
    public FloatAdam(int dimension, Adam.Config config) {
        Checks.dimension(dimension);
        this.config = Objects.requireNonNull(config, "config");
        this.beta1 = (float) config.beta1();
        this.beta2 = (float) config.beta2();
        this.epsilon = (float) config.epsilon();
        this.m = new float[dimension];
        this.v = new float[dimension];
        this.vMax = config.amsgrad() ? new float[dimension] : null;
    }

    /** @return Adam with Kingma and Ba's defaults. */
    public static FloatAdam withDefaults(int dimension) {
        return new FloatAdam(dimension, Adam.Config.DEFAULT);
    }

    /** @return AdamW with the default betas and eps and decoupled weight decay {@code lambda}. */
    public static FloatAdam adamW(int dimension, double lambda) {
        return new FloatAdam(dimension, Adam.Config.adamW(lambda));
    }

    /** @return the hyperparameters. */
    public Adam.Config config() {
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
    public void step(float[] params, float[] grad, float learningRate) {
        Checks.pair(params, grad, m.length);
        Checks.learningRate(learningRate);
        t++;
        double bias1 = 1.0 - Math.pow(config.beta1(), t);
        double bias2 = 1.0 - Math.pow(config.beta2(), t);
        double lambda = config.weightDecay();
        float l2 = config.decoupled() ? 0.0f : (float) lambda;
        float decay = config.decoupled() ? (float) (1.0 - learningRate * lambda) : 1.0f;
        K.adamStep(params, m, v, vMax, grad, 0, m.length, beta1, beta2,
                (float) (learningRate / bias1), (float) (1.0 / bias2), epsilon, l2, decay);
    }

    @Override
    public void reset() {
        t = 0;
        Arrays.fill(m, 0.0f);
        Arrays.fill(v, 0.0f);
        if (vMax != null) {
            Arrays.fill(vMax, 0.0f);
        }
    }

    @Override
    public String toString() {
        return "FloatAdam" + config;
    }
}
