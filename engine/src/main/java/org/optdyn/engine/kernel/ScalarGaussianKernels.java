package org.optdyn.engine.kernel;

/**
 * Scalar twin of the Gaussian kernels: the exact operation sequence of the Vector API implementation, one stream
 * at a time, so the two are bitwise identical. The transform helpers are shared with the vector class's tests.
 */
public final class ScalarGaussianKernels implements GaussianKernels {

    /** The single instance. */
    public static final ScalarGaussianKernels INSTANCE = new ScalarGaussianKernels();

    // Bit patterns and constants of the transform (see GaussianKernels javadoc).
    static final long ONE_BITS = 0x3FF0000000000000L;            // 1.0
    static final long SQRT_HALF_BITS = 0x3FE6A09E667F3BCDL;      // sqrt(1/2), rounded: splits m into [sqrt(1/2), sqrt 2)
    static final long EXP_MASK_SHIFT = 52;
    static final long MAGIC_BITS = 0x4338000000000000L;          // 1.5 * 2^52: small long -> double by addition
    static final double MAGIC = 0x1.8p52;
    /** ln 2 = LN2_HI + LN2_LO; LN2_HI has trailing zero bits, so k * LN2_HI is exact for the |k| <= 53 used here. */
    static final double LN2_HI = 0x1.62e42fee00000p-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    /** 2/(2i+1) for i = 1..9: ln m = s (2 + s^2 P(s^2)), P(w) = sum_{i=1}^{9} 2/(2i+1) w^(i-1). */
    static final double L1 = 2.0 / 3, L2 = 2.0 / 5, L3 = 2.0 / 7, L4 = 2.0 / 9, L5 = 2.0 / 11,
            L6 = 2.0 / 13, L7 = 2.0 / 15, L8 = 2.0 / 17, L9 = 2.0 / 19;
    static final double HALF_PI = Math.PI / 2;
    /** Taylor coefficients of sin(a)/a and cos(a) in a^2: (-1)^i/(2i+1)! and (-1)^i/(2i)!. */
    static final double S1 = -1.0 / 6, S2 = 1.0 / 120, S3 = -1.0 / 5040, S4 = 1.0 / 362880,
            S5 = -1.0 / 39916800, S6 = 1.0 / 6227020800.0, S7 = -1.0 / 1307674368000.0;
    static final double C1 = -1.0 / 2, C2 = 1.0 / 24, C3 = -1.0 / 720, C4 = 1.0 / 40320,
            C5 = -1.0 / 3628800, C6 = 1.0 / 479001600, C7 = -1.0 / 87178291200.0, C8 = 1.0 / 20922789888000.0;

    private ScalarGaussianKernels() {
    }

    @Override
    public void fillGaussians(long[] state, double[] out, int off, int blocks) {
        fill(state, null, 0, out, off, blocks);
    }

    @Override
    public void fillScaledGaussians(long[] state, double[] scale, int scaleOff, double[] out, int off, int blocks) {
        fill(state, scale, scaleOff, out, off, blocks);
    }

    private static void fill(long[] state, double[] scale, int scaleOff, double[] out, int off, int blocks) {
        assert state.length == STATE_LENGTH && blocks >= 0 && off >= 0 && off + blocks * BLOCK <= out.length;
        for (int j = 0; j < STREAMS; j++) {
            long s0 = state[j], s1 = state[STREAMS + j], s2 = state[2 * STREAMS + j], s3 = state[3 * STREAMS + j];
            for (int b = 0; b < blocks; b++) {
                long r1 = s0 + s3;
                long t = s1 << 17;
                s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = Long.rotateLeft(s3, 45);
                long r2 = s0 + s3;
                t = s1 << 17;
                s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = Long.rotateLeft(s3, 45);

                double radius = radius(r1);
                double alpha = halfPiTimesCentred(r2);
                double a2 = alpha * alpha;
                double sa = sinAlpha(alpha, a2);
                double ca = cosAlpha(a2);
                // two angle doublings: (c, s)(2x) = (c^2 - s^2, 2 s c)
                double c2 = (ca - sa) * (ca + sa);
                double s2a = 2.0 * sa * ca;
                double c4 = (c2 - s2a) * (c2 + s2a);
                double s4 = 2.0 * s2a * c2;
                int i1 = off + b * BLOCK + j;
                int i2 = i1 + STREAMS;
                if (scale == null) {
                    out[i1] = radius * c4;
                    out[i2] = radius * s4;
                } else {
                    int k1 = scaleOff + b * BLOCK + j;
                    out[i1] = radius * c4 * scale[k1];
                    out[i2] = radius * s4 * scale[k1 + STREAMS];
                }
            }
            state[j] = s0; state[STREAMS + j] = s1; state[2 * STREAMS + j] = s2; state[3 * STREAMS + j] = s3;
        }
    }

    /** @return {@code sqrt(-2 ln u1)} with {@code u1 = 2 - [1 + (r >>> 12) 2^-52]}, the Box–Muller radius. */
    static double radius(long r) {
        double u = 2.0 - Double.longBitsToDouble((r >>> 12) | ONE_BITS);
        return Math.sqrt(-2.0 * log(u));
    }

    /**
     * Natural logarithm of a positive normal double (the kernel's polynomial, accuracy in the class javadoc of
     * {@link GaussianKernels}).
     */
    static double log(double u) {
        long ub = Double.doubleToRawLongBits(u);
        long k = (ub - SQRT_HALF_BITS) >> EXP_MASK_SHIFT;
        double m = Double.longBitsToDouble(ub - (k << EXP_MASK_SHIFT));
        double kd = Double.longBitsToDouble(k + MAGIC_BITS) - MAGIC;
        double s = (m - 1.0) / (m + 1.0);
        double w = s * s;
        double p = Math.fma(w, L9, L8);
        p = Math.fma(w, p, L7);
        p = Math.fma(w, p, L6);
        p = Math.fma(w, p, L5);
        p = Math.fma(w, p, L4);
        p = Math.fma(w, p, L3);
        p = Math.fma(w, p, L2);
        p = Math.fma(w, p, L1);
        double lnm = s * Math.fma(w, p, 2.0);
        return Math.fma(kd, LN2_HI, Math.fma(kd, LN2_LO, lnm));
    }

    /** @return {@code (pi/2) v}, {@code v = [1 + (r >>> 12) 2^-52] - 1.5} in {@code [-1/2, 1/2)}. */
    static double halfPiTimesCentred(long r) {
        return HALF_PI * (Double.longBitsToDouble((r >>> 12) | ONE_BITS) - 1.5);
    }

    /** @return {@code sin(a)} for {@code |a| <= pi/4}, given {@code a2 = a*a}. */
    static double sinAlpha(double a, double a2) {
        double p = Math.fma(a2, S7, S6);
        p = Math.fma(a2, p, S5);
        p = Math.fma(a2, p, S4);
        p = Math.fma(a2, p, S3);
        p = Math.fma(a2, p, S2);
        p = Math.fma(a2, p, S1);
        return Math.fma(a * a2, p, a);
    }

    /** @return {@code cos(a)} for {@code |a| <= pi/4}, given {@code a2 = a*a}. */
    static double cosAlpha(double a2) {
        double p = Math.fma(a2, C8, C7);
        p = Math.fma(a2, p, C6);
        p = Math.fma(a2, p, C5);
        p = Math.fma(a2, p, C4);
        p = Math.fma(a2, p, C3);
        p = Math.fma(a2, p, C2);
        p = Math.fma(a2, p, C1);
        return Math.fma(a2, p, 1.0);
    }
}
