package org.optdyn.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The SIMD Gaussian transform against its scalar twin (bitwise: the two perform the same IEEE operations) and the
 * transform's documented accuracy against {@link StrictMath}.
 */
class GaussianKernelsTest {

    private static long[] seededState(long seed) {
        var rng = new SplittableRandom(seed);
        long[] s = new long[GaussianKernels.STATE_LENGTH];
        for (int i = 0; i < s.length; i++) {
            s[i] = rng.nextLong();
        }
        return s;
    }

    @Test
    void providerFollowsTheSimdProperty() {
        boolean disabled = "false".equalsIgnoreCase(System.getProperty(Kernels.SIMD_PROPERTY));
        assertThat(GaussianKernels.simdActive()).isEqualTo(!disabled);
    }

    @Test
    void vectorImplementationIsBitwiseIdenticalToScalarTwinForEveryBlockCountAndOffset() {
        for (int blocks : new int[] {0, 1, 2, 3, 17, 64}) {
            for (int off : new int[] {0, 1, 5}) {
                long[] a = seededState(blocks * 31L + off);
                long[] b = a.clone();
                double[] outA = new double[off + blocks * GaussianKernels.BLOCK + 3];
                double[] outB = new double[outA.length];
                GaussianKernels.vectorUnwrapped().fillGaussians(a, outA, off, blocks);
                GaussianKernels.scalar().fillGaussians(b, outB, off, blocks);
                assertThat(outA).as("blocks %d off %d", blocks, off).isEqualTo(outB);
                assertThat(a).as("state after blocks %d", blocks).isEqualTo(b);
            }
        }
    }

    @Test
    void scaledVariantIsBitwiseIdenticalToScalarTwinAndEqualsScaleTimesUnscaled() {
        int blocks = 9;
        int n = blocks * GaussianKernels.BLOCK;
        double[] scale = new double[n + 2];
        var rng = new SplittableRandom(7);
        for (int i = 0; i < scale.length; i++) {
            scale[i] = rng.nextDouble() * 3;
        }
        long[] s1 = seededState(1);
        long[] s2 = s1.clone();
        long[] s3 = s1.clone();
        double[] v = new double[n];
        double[] sc = new double[n];
        double[] plain = new double[n];
        GaussianKernels.vectorUnwrapped().fillScaledGaussians(s1, scale, 2, v, 0, blocks);
        GaussianKernels.scalar().fillScaledGaussians(s2, scale, 2, sc, 0, blocks);
        GaussianKernels.scalar().fillGaussians(s3, plain, 0, blocks);
        assertThat(v).isEqualTo(sc);
        for (int i = 0; i < n; i++) {
            // one IEEE multiplication: exact agreement required
            assertThat(sc[i]).isEqualTo(plain[i] * scale[i + 2]);
        }
    }

    @Test
    void processWideInstanceGivesTheScalarTwinsSequenceWhateverPathServesIt() {
        // the warm-up wrapper switches from the scalar twin to the vector kernel at a JIT-dependent moment; the
        // sequence must not notice
        long[] a = seededState(99);
        long[] b = a.clone();
        double[] outA = new double[GaussianKernels.BLOCK * 40];
        double[] outB = new double[outA.length];
        for (int rep = 0; rep < 3000; rep++) {
            GaussianKernels.instance().fillGaussians(a, outA, 0, 40);
            GaussianKernels.scalar().fillGaussians(b, outB, 0, 40);
            assertThat(outA).isEqualTo(outB);
        }
    }

    @Test
    void polynomialLogarithmIsWithinFourUlpOfStrictMath() {
        // ln m = 2 atanh(s) truncated after s^19: relative truncation < |s|^20/21 < 1e-17 (|s| <= 0.1716); the
        // remaining error is rounding in ~12 operations, a few ulp; plus k ln2 with the split constant.
        var rng = new SplittableRandom(11);
        double worstUlps = 0;
        for (int i = 0; i < 200_000; i++) {
            double u = i < 100 ? Math.scalb(1.0, -i % 53) * (1 + (i % 7) * 0.1) : rng.nextDouble();
            if (u == 0 || u > 1) {
                continue;
            }
            double exact = StrictMath.log(u);
            double err = Math.abs(ScalarGaussianKernels.log(u) - exact);
            worstUlps = Math.max(worstUlps, exact == 0 ? err / Double.MIN_NORMAL : err / Math.ulp(exact));
        }
        assertThat(worstUlps).as("max error of the kernel log in ulp of StrictMath.log").isLessThanOrEqualTo(4.0);
    }

    @Test
    void polynomialSineAndCosineAreWithinTwoUlpOnTheReducedRange() {
        // Taylor truncation < 5e-17 absolute on |a| <= pi/4; rounding of ~8 fma: at most a couple of ulp.
        var rng = new SplittableRandom(13);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double a = (rng.nextDouble() - 0.5) * Math.PI / 2;
            double a2 = a * a;
            double es = StrictMath.sin(a);
            double ec = StrictMath.cos(a);
            worst = Math.max(worst, Math.abs(ScalarGaussianKernels.sinAlpha(a, a2) - es) / Math.ulp(es == 0 ? 1e-300 : es));
            worst = Math.max(worst, Math.abs(ScalarGaussianKernels.cosAlpha(a2) - ec) / Math.ulp(ec));
        }
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void transformMatchesStrictMathBoxMullerToDocumentedAccuracy() {
        // Documented bound (GaussianKernels javadoc): |z - z_exact| <= 1e-13 (1 + |z|). Derivation: radius relative
        // error ~ few ulp; angle error after two doublings <= 4 x (poly error ~2 ulp) ~ 1e-15; times R <= 8.5.
        long[] st = seededState(3);
        long[] copy = st.clone();
        int blocks = 4096;
        double[] out = new double[blocks * GaussianKernels.BLOCK];
        GaussianKernels.scalar().fillGaussians(st, out, 0, blocks);
        // replay the raw xoshiro256+ outputs and compute Box-Muller in StrictMath
        double worst = 0;
        for (int j = 0; j < GaussianKernels.STREAMS; j++) {
            long s0 = copy[j], s1 = copy[8 + j], s2 = copy[16 + j], s3 = copy[24 + j];
            for (int b = 0; b < blocks; b++) {
                long[] r = new long[2];
                for (int q = 0; q < 2; q++) {
                    r[q] = s0 + s3;
                    long t = s1 << 17;
                    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = Long.rotateLeft(s3, 45);
                }
                double u1 = 1.0 - (r[0] >>> 12) * 0x1p-52;      // = 2 - [1 + m 2^-52], exact
                double v = (r[1] >>> 12) * 0x1p-52 - 0.5;
                double radius = StrictMath.sqrt(-2 * StrictMath.log(u1));
                double theta = 2 * Math.PI * v;
                double z1 = radius * StrictMath.cos(theta);
                double z2 = radius * StrictMath.sin(theta);
                worst = Math.max(worst, Math.abs(out[b * 16 + j] - z1) / (1 + Math.abs(z1)));
                worst = Math.max(worst, Math.abs(out[b * 16 + 8 + j] - z2) / (1 + Math.abs(z2)));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1e-13);
    }
}
