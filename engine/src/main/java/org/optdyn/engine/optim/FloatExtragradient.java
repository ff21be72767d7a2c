package org.optdyn.engine.optim;

import org.optdyn.engine.kernel.FloatKernels;
import org.optdyn.engine.kernel.Kernels;

/** The {@code float[]} twin of {@link Extragradient}: the same two-oracle step. */
public final class FloatExtragradient implements FloatOracleStep {

    private static final FloatKernels K = Kernels.floats();

    private final float extrapolationRatio;
    private final float[] grad;
    private final float[] half;

    /** @param dimension number of parameters, {@code >= 1}; extrapolation and update use the same learning rate */
    public FloatExtragradient(int dimension) {
        this(dimension, 1.0);
    }

    /**
     * @param dimension          number of parameters, {@code >= 1}
     * @param extrapolationRatio {@code c}: the extrapolation uses learning rate {@code c eta}; finite, {@code > 0}
     */
    public FloatExtragradient(int dimension, double extrapolationRatio) {
        Checks.dimension(dimension);
        this.extrapolationRatio = (float) Checks.finitePositive("extrapolationRatio", extrapolationRatio);
        this.grad = new float[dimension];
        this.half = new float[dimension];
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
        K.xpayInto(params, 0, -extrapolationRatio * learningRate, grad, 0, half, 0, n);
        oracle.gradient(half, grad);
        K.axpyInPlace(-learningRate, grad, 0, params, 0, n);
    }

    @Override
    public void reset() {
        // stateless between steps
    }

    @Override
    public String toString() {
        return "FloatExtragradient[extrapolationRatio=" + extrapolationRatio + "]";
    }
}
