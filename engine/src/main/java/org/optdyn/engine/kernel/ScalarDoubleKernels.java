package org.optdyn.engine.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The scalar twin of the double kernels: plain loops with exactly the IEEE operation sequence documented in
 * {@link DoubleKernels}, so the Vector API implementation can be compared to it bitwise for elementwise kernels.
 * Reductions use one accumulator in index order (the reference summation order).
 *
 * <p>Each kernel's per-element work is a package-private static "lane" helper; the loops here and the scalar tails of
 * {@link VectorDoubleKernels} both call it, so the tail of a SIMD kernel is the scalar twin by construction.
 */
public final class ScalarDoubleKernels implements DoubleKernels {

    /** The single instance (stateless). */
    public static final ScalarDoubleKernels INSTANCE = new ScalarDoubleKernels();

    /** Layout of one element in a memory segment: native byte order, no alignment requirement. */
    static final ValueLayout.OfDouble LAYOUT = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private ScalarDoubleKernels() {
    }

    @Override
    public double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s = dotLane(x[xOff + i], y[yOff + i], s);
        }
        return s;
    }

    /** One term of a dot product or sum of squares: {@code fma(xi, yi, s)}. */
    static double dotLane(double xi, double yi, double s) {
        return Math.fma(xi, yi, s);
    }

    @Override
    public double sumOfSquares(double[] x, int off, int n) {
        double s = 0.0;
        for (int i = off, end = off + n; i < end; i++) {
            s = dotLane(x[i], x[i], s);
        }
        return s;
    }

    @Override
    public void axpyInPlace(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            axpyLane(a, x, xOff + i, y, yOff + i);
        }
    }

    /** One lane of {@link #axpyInPlace}: {@code y[j] = fma(a, x[i], y[j])}. */
    static void axpyLane(double a, double[] x, int i, double[] y, int j) {
        y[j] = Math.fma(a, x[i], y[j]);
    }

    @Override
    public void scaleInPlace(double a, double[] x, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            scaleLane(a, x, i);
        }
    }

    /** One lane of {@link #scaleInPlace}: {@code x[i] = a * x[i]}. */
    static void scaleLane(double a, double[] x, int i) {
        x[i] = a * x[i];
    }

    @Override
    public void xpayInto(double[] x, int xOff, double a, double[] y, int yOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            xpayLane(x, xOff + i, a, y, yOff + i, out, outOff + i);
        }
    }

    /** One lane of {@link #xpayInto}: {@code out[k] = fma(a, y[j], x[i])}. */
    static void xpayLane(double[] x, int i, double a, double[] y, int j, double[] out, int k) {
        out[k] = Math.fma(a, y[j], x[i]);
    }

    @Override
    public void momentumStep(double[] x, double[] v, double[] g, int off, int n,
                             double lr, double mu, double wd, boolean nesterov) {
        double negLr = -lr;
        for (int i = off, end = off + n; i < end; i++) {
            momentumLane(x, v, g, i, negLr, mu, wd, nesterov);
        }
    }

    @Override
    public double productDot(double[] x, double[] a, double[] b, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s = productDotLane(x[i], a[i], b[i], s);
        }
        return s;
    }

    /** One term of {@link #productDot}: {@code fma(x a, b, s)}. */
    static double productDotLane(double x, double a, double b, double s) {
        return Math.fma(x * a, b, s);
    }

    @Override
    public void productStep(double c, double[] x, double[] a, double[] b, int n) {
        for (int i = 0; i < n; i++) {
            productStepLane(c, x, a, b, i);
        }
    }

    /** One lane of {@link #productStep}. */
    static void productStepLane(double c, double[] x, double[] a, double[] b, int i) {
        double s = -c * x[i];
        double ai = a[i];
        double bi = b[i];
        a[i] = Math.fma(s, bi, ai);
        b[i] = Math.fma(s, ai, bi);
    }

    @Override
    public void scaleByOnePlus(double c, double[] x, double[] w, int n) {
        for (int i = 0; i < n; i++) {
            scaleByOnePlusLane(c, x, w, i);
        }
    }

    /** One lane of {@link #scaleByOnePlus}. */
    static void scaleByOnePlusLane(double c, double[] x, double[] w, int i) {
        w[i] = Math.fma(c * x[i], w[i], w[i]);
    }

    /** One lane of {@link #momentumStep}; the Vector API implementation calls it for its tail. */
    static void momentumLane(double[] x, double[] v, double[] g, int i,
                             double negLr, double mu, double wd, boolean nesterov) {
        double gi = Math.fma(wd, x[i], g[i]);
        double vi = Math.fma(mu, v[i], gi);
        v[i] = vi;
        double dir = nesterov ? Math.fma(mu, vi, gi) : vi;
        x[i] = Math.fma(negLr, dir, x[i]);
    }

    @Override
    public void adamStep(double[] x, double[] m, double[] v, double[] vMax, double[] g, int off, int n,
                         double beta1, double beta2, double stepSize, double invBias2, double eps,
                         double l2, double decay) {
        double c1 = 1.0 - beta1;
        double c2 = 1.0 - beta2;
        for (int i = off, end = off + n; i < end; i++) {
            adamLane(x, m, v, vMax, g, i, beta1, beta2, c1, c2, stepSize, invBias2, eps, l2, decay);
        }
    }

    /** One lane of {@link #adamStep}; the Vector API implementation calls it for its tail. */
    static void adamLane(double[] x, double[] m, double[] v, double[] vMax, double[] g, int i,
                         double beta1, double beta2, double c1, double c2,
                         double stepSize, double invBias2, double eps, double l2, double decay) {
        double gi = Math.fma(l2, x[i], g[i]);
        double mi = Math.fma(beta1, m[i], c1 * gi);
        double vi = Math.fma(beta2, v[i], c2 * gi * gi);
        m[i] = mi;
        v[i] = vi;
        double vh = vi;
        if (vMax != null) {
            vh = Math.max(vMax[i], vi);
            vMax[i] = vh;
        }
        double denom = Math.sqrt(vh * invBias2) + eps;
        x[i] = decay * x[i] - stepSize * mi / denom;
    }

    @Override
    public double dot(MemorySegment x, long xOff, MemorySegment y, long yOff, long n) {
        double s = 0.0;
        for (long i = 0; i < n; i++) {
            s = dotLane(x.getAtIndex(LAYOUT, xOff + i), y.getAtIndex(LAYOUT, yOff + i), s);
        }
        return s;
    }

    @Override
    public void axpyInPlace(double a, MemorySegment x, long xOff, MemorySegment y, long yOff, long n) {
        for (long i = 0; i < n; i++) {
            axpyLane(a, x, xOff + i, y, yOff + i);
        }
    }

    /** One lane of {@link #axpyInPlace(double, MemorySegment, long, MemorySegment, long, long)}. */
    static void axpyLane(double a, MemorySegment x, long i, MemorySegment y, long j) {
        y.setAtIndex(LAYOUT, j, Math.fma(a, x.getAtIndex(LAYOUT, i), y.getAtIndex(LAYOUT, j)));
    }
}
