package org.optdyn.engine.kernel;

/**
 * The scalar twin of the float kernels: plain loops with exactly the IEEE operation sequence documented in
 * {@link FloatKernels}, so the Vector API implementation can be compared to it bitwise for elementwise kernels.
 * Reductions use one accumulator in index order (the reference summation order).
 */
public final class ScalarFloatKernels implements FloatKernels {

    /** The single instance (stateless). */
    public static final ScalarFloatKernels INSTANCE = new ScalarFloatKernels();

    private ScalarFloatKernels() {
    }

    @Override
    public float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        float s = 0.0f;
        for (int i = 0; i < n; i++) {
            s = Math.fma(x[xOff + i], y[yOff + i], s);
        }
        return s;
    }

    @Override
    public float sumOfSquares(float[] x, int off, int n) {
        float s = 0.0f;
        for (int i = off, end = off + n; i < end; i++) {
            s = Math.fma(x[i], x[i], s);
        }
        return s;
    }

    @Override
    public void axpyInPlace(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = Math.fma(a, x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void scaleInPlace(float a, float[] x, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            x[i] = a * x[i];
        }
    }

    @Override
    public void xpayInto(float[] x, int xOff, float a, float[] y, int yOff, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = Math.fma(a, y[yOff + i], x[xOff + i]);
        }
    }

    @Override
    public void momentumStep(float[] x, float[] v, float[] g, int off, int n,
                             float lr, float mu, float wd, boolean nesterov) {
        float negLr = -lr;
        for (int i = off, end = off + n; i < end; i++) {
            momentumLane(x, v, g, i, negLr, mu, wd, nesterov);
        }
    }

    /** One lane of {@link #momentumStep}; the Vector API implementation calls it for its tail. */
    static void momentumLane(float[] x, float[] v, float[] g, int i,
                             float negLr, float mu, float wd, boolean nesterov) {
        float gi = Math.fma(wd, x[i], g[i]);
        float vi = Math.fma(mu, v[i], gi);
        v[i] = vi;
        float dir = nesterov ? Math.fma(mu, vi, gi) : vi;
        x[i] = Math.fma(negLr, dir, x[i]);
    }

    @Override
    public void adamStep(float[] x, float[] m, float[] v, float[] vMax, float[] g, int off, int n,
                         float beta1, float beta2, float stepSize, float invBias2, float eps,
                         float l2, float decay) {
        float c1 = 1.0f - beta1;
        float c2 = 1.0f - beta2;
        for (int i = off, end = off + n; i < end; i++) {
            adamLane(x, m, v, vMax, g, i, beta1, beta2, c1, c2, stepSize, invBias2, eps, l2, decay);
        }
    }

    /** One lane of {@link #adamStep}; the Vector API implementation calls it for its tail. */
    static void adamLane(float[] x, float[] m, float[] v, float[] vMax, float[] g, int i,
                         float beta1, float beta2, float c1, float c2,
                         float stepSize, float invBias2, float eps, float l2, float decay) {
        float gi = Math.fma(l2, x[i], g[i]);
        float mi = Math.fma(beta1, m[i], c1 * gi);
        float vi = Math.fma(beta2, v[i], c2 * gi * gi);
        m[i] = mi;
        v[i] = vi;
        float vh = vi;
        if (vMax != null) {
            vh = Math.max(vMax[i], vi);
            vMax[i] = vh;
        }
        float denom = (float) Math.sqrt(vh * invBias2) + eps;
        x[i] = decay * x[i] - stepSize * mi / denom;
    }
}
