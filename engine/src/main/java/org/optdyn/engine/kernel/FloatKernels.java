package org.optdyn.engine.kernel;

/**
 * Dense primitives on {@code float[]} slices. Two implementations sit behind this interface: a plain scalar twin
 * ({@link ScalarFloatKernels}) and a Vector API one; {@link Kernels#floats()} picks one for the process.
 *
 * <p>Contract shared by all methods: callers (the {@link Kernels} facade and the optimizers) have validated the
 * offsets and lengths, so implementations only {@code assert}. Output arrays may alias inputs only where a
 * parameter's javadoc says so ("read and written"). Elementwise methods are bitwise identical between the two
 * implementations (same IEEE operation sequence, FMA where the javadoc says FMA); reductions may differ in
 * summation order and agree within {@code gamma_n * sum |x_i y_i|}, {@code gamma_n = n u / (1 - n u)}.
 */
public interface FloatKernels {

    /** @return {@code sum_{i<n} x[xOff+i] * y[yOff+i]}. {@code x}, {@code y} read. */
    float dot(float[] x, int xOff, float[] y, int yOff, int n);

    /** @return {@code sum_{i<n} x[off+i]^2}. {@code x} read. */
    float sumOfSquares(float[] x, int off, int n);

    /** {@code y[yOff+i] = fma(a, x[xOff+i], y[yOff+i])}. {@code x} read; {@code y} read and written. */
    void axpyInPlace(float a, float[] x, int xOff, float[] y, int yOff, int n);

    /** {@code x[off+i] = a * x[off+i]}. {@code x} read and written. */
    void scaleInPlace(float a, float[] x, int off, int n);

    /**
     * {@code out[outOff+i] = fma(a, y[yOff+i], x[xOff+i])}: the extrapolated point of extragradient and SAM.
     * {@code x}, {@code y} read; {@code out} written (must not alias {@code x} or {@code y}).
     */
    void xpayInto(float[] x, int xOff, float a, float[] y, int yOff, float[] out, int outOff, int n);

    /**
     * SGD with heavy-ball or Nesterov momentum and coupled (L2) weight decay, one fused pass over {@code [off, off+n)}:
     * <pre>
     *   g' = fma(wd, x, g)
     *   v  = fma(mu, v, g')
     *   x  = fma(-lr, nesterov ? fma(mu, v, g') : v, x)
     * </pre>
     * With {@code mu = 0} this is plain SGD ({@code v} then holds the last gradient). {@code g} read;
     * {@code x}, {@code v} read and written.
     */
    void momentumStep(float[] x, float[] v, float[] g, int off, int n,
                      float lr, float mu, float wd, boolean nesterov);

    /**
     * Adam / AdamW / AMSGrad, one fused pass over {@code [off, off+n)} (Kingma and Ba 2015, Alg. 1; Loshchilov and
     * Hutter 2019, Alg. 2; Reddi et al. 2018):
     * <pre>
     *   g' = fma(l2, x, g)                                (coupled weight decay, Adam's "weight_decay")
     *   m  = fma(beta1, m, (1 - beta1) * g')
     *   v  = fma(beta2, v, (1 - beta2) * g' * g')
     *   vh = amsgrad ? (vMax = max(vMax, v)) : v
     *   x  = decay * x - stepSize * m / (sqrt(vh * invBias2) + eps)
     * </pre>
     * where the caller passes {@code stepSize = lr / (1 - beta1^t)}, {@code invBias2 = 1 / (1 - beta2^t)} and
     * {@code decay = 1 - lr * lambda} for AdamW's decoupled decay (1 for Adam). {@code vMax} is {@code null} unless
     * AMSGrad. {@code g} read; {@code x}, {@code m}, {@code v}, {@code vMax} read and written.
     */
    void adamStep(float[] x, float[] m, float[] v, float[] vMax, float[] g, int off, int n,
                  float beta1, float beta2, float stepSize, float invBias2, float eps, float l2, float decay);
}
