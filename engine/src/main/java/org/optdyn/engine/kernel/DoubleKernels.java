package org.optdyn.engine.kernel;

import java.lang.foreign.MemorySegment;

/**
 * Dense primitives on {@code double[]} slices. Two implementations sit behind this interface: a plain scalar twin
 * ({@link ScalarDoubleKernels}) and a Vector API one; {@link Kernels#doubles()} picks one for the process.
 *
 * <p>Contract shared by all methods: callers (the {@link Kernels} facade and the optimizers) have validated the
 * offsets and lengths, so implementations only {@code assert}. Output arrays may alias inputs only where a
 * parameter's javadoc says so ("read and written"). Elementwise methods are bitwise identical between the two
 * implementations (same IEEE operation sequence, FMA where the javadoc says FMA); reductions may differ in
 * summation order and agree within {@code gamma_n * sum |x_i y_i|}, {@code gamma_n = n u / (1 - n u)}.
 */
public interface DoubleKernels {

    /** @return {@code sum_{i<n} x[xOff+i] * y[yOff+i]}. {@code x}, {@code y} read. */
    double dot(double[] x, int xOff, double[] y, int yOff, int n);

    /** @return {@code sum_{i<n} x[off+i]^2}. {@code x} read. */
    double sumOfSquares(double[] x, int off, int n);

    /** {@code y[yOff+i] = fma(a, x[xOff+i], y[yOff+i])}. {@code x} read; {@code y} read and written. */
    void axpyInPlace(double a, double[] x, int xOff, double[] y, int yOff, int n);

    /** {@code x[off+i] = a * x[off+i]}. {@code x} read and written. */
    void scaleInPlace(double a, double[] x, int off, int n);

    /**
     * {@code out[outOff+i] = fma(a, y[yOff+i], x[xOff+i])}: the extrapolated point of extragradient and SAM.
     * {@code x}, {@code y} read; {@code out} written (must not alias {@code x} or {@code y}).
     */
    void xpayInto(double[] x, int xOff, double a, double[] y, int yOff, double[] out, int outOff, int n);

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
    void momentumStep(double[] x, double[] v, double[] g, int off, int n,
                      double lr, double mu, double wd, boolean nesterov);

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
    void adamStep(double[] x, double[] m, double[] v, double[] vMax, double[] g, int off, int n,
                  double beta1, double beta2, double stepSize, double invBias2, double eps, double l2, double decay);

    /**
     * {@code sum_{i<n} (x[i] * a[i]) * b[i]}: the pre-activation {@code <x, a (.) b>} of a diagonal linear network with
     * predictor {@code a (.) b} (a reduction: each term is {@code fma(x[i] * a[i], b[i], s)}). {@code x}, {@code a},
     * {@code b} read.
     */
    double productDot(double[] x, double[] a, double[] b, int n);

    /**
     * One SGD step of the product parametrisation {@code theta = a (.) b} (diagonal-networks.md §1), both right-hand
     * sides at the old values:
     * <pre>
     *   s = -c * x[i];   a[i] = fma(s, b_old[i], a_old[i]);   b[i] = fma(s, a_old[i], b_old[i])
     * </pre>
     * with {@code c = gamma e} for the residual {@code e}. {@code x} read; {@code a}, {@code b} read and written.
     */
    void productStep(double c, double[] x, double[] a, double[] b, int n);

    /**
     * {@code w[i] = fma(c * x[i], w[i], w[i])}, i.e. {@code w[i] (1 + c x[i])}: one SGD step of a squared
     * parametrisation {@code theta = w+^2 - w-^2} ({@code c = -2 gamma e} for {@code w+}, {@code +2 gamma e} for
     * {@code w-}). {@code x} read; {@code w} read and written.
     */
    void scaleByOnePlus(double c, double[] x, double[] w, int n);

    /**
     * {@link #dot(double[], int, double[], int, int)} on off-heap (or any) memory: the segments hold native-order
     * doubles, no alignment required; offsets and {@code n} count elements, not bytes. For the same values it returns
     * exactly what the array version of the same implementation returns (same summation order). {@code x}, {@code y}
     * read.
     */
    double dot(MemorySegment x, long xOff, MemorySegment y, long yOff, long n);

    /**
     * {@link #axpyInPlace(double, double[], int, double[], int, int)} on memory segments of native-order doubles
     * (element offsets). {@code x} read; {@code y} read and written (must not partially overlap {@code x}).
     */
    void axpyInPlace(double a, MemorySegment x, long xOff, MemorySegment y, long yOff, long n);
}
