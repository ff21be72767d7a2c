package org.optdyn.engine.optim;

import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * The extragradient method (Korpelevich 1976), on {@code double[]} ({@link FloatExtragradient} is the
 * {@code float[]} twin). For a vector field {@code F} (a gradient, or a game's simultaneous gradient field) and
 * learning rate {@code eta}, one step calls the oracle twice:
 * <pre>
 *   w_{t+1/2} = w_t - c eta F(w_t)           (extrapolation, c = extrapolation ratio, 1 by default)
 *   w_{t+1}   = w_t - eta F(w_{t+1/2})       (update from w_t with the look-ahead field)
 * </pre>
 * On a linear field {@code F(w) = J w} with {@code c = 1} the step is {@code w <- (I - eta J + eta^2 J^2) w}; on the
 * bilinear game {@code min_x max_y x^T A y} each singular value {@code sigma} of {@code A} contributes the
 * eigenvalues {@code 1 - eta^2 sigma^2 -+ i eta sigma} of modulus {@code sqrt(1 - eta^2 sigma^2 + eta^4 sigma^4)},
 * below 1 for {@code 0 < eta sigma < 1} (Mokhtari, Ozdaglar and Pattathil 2020). Memory traffic: 48 bytes per
 * coordinate plus two oracle calls.
 */
public final class Extragradient implements DoubleOracleStep {

    private static final DoubleKernels K = Kernels.doubles();

    private final double extrapolationRatio; // double in both precisions
    private final double[] grad;
    private final double[] half;

    /** @param dimension number of parameters, {@code >= 1}; extrapolation and update use the same learning rate */
    public Extragradient(int dimension) {
        this(dimension, 1.0);
    }

    /**
     * @param dimension          number of parameters, {@code >= 1}
     * @param extrapolationRatio {@code c}: the extrapolation uses learning rate {@code c eta}; finite, {@code > 0}
     */
    public Extragradient(int dimension, double extrapolationRatio) { // double in both precisions
        Checks.dimension(dimension);
        this.extrapolationRatio = Checks.finitePositive("extrapolationRatio", extrapolationRatio);
        this.grad = new double[dimension];
        this.half = new double[dimension];
    }

    /** @return the extrapolation ratio {@code c}. */
    public double extrapolationRatio() { // double in both precisions
        return extrapolationRatio;
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
        double extrapolation = -extrapolationRatio * learningRate; // double in both precisions
        K.xpayInto(params, 0, extrapolation, // float: K.xpayInto(params, 0, (float) extrapolation,
                grad, 0, half, 0, n);
        oracle.gradient(half, grad);
        K.axpyInPlace(-learningRate, grad, 0, params, 0, n);
    }

    @Override
    public void reset() {
        // stateless between steps: the buffers are overwritten before they are read
    }

    @Override
    public String toString() {
        return "Extragradient[extrapolationRatio=" + extrapolationRatio + "]";
    }
}
