package org.optdyn.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optdyn.engine.kernel.DoubleKernelAgreementPropertiesTest.assertSameBits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;

/**
 * Example-based tests of the double kernels at the lengths that reach every branch of the SIMD loop anatomy
 * (style.md rule 7): 0, 1, lanes - 1, lanes, lanes + 1, unroll * lanes - 1, unroll * lanes, unroll * lanes + 1, and
 * the prime 1021, each at offset 0 and 3; then every length up to three unrolled steps; then IEEE special values
 * (+-0, subnormals, +-infinity, NaN).
 *
 * <p>Reductions are checked on small-integer data, where every partial sum is an integer far below 2^24, so
 * <em>every</em> summation order is exact and SIMD, scalar and the closed form must agree exactly: a dropped,
 * duplicated or misaligned element cannot hide in a rounding tolerance.
 */
class DoubleKernelEdgeCasesTest {

    private static final DoubleKernels SIMD = VectorDoubleKernels.INSTANCE;
    private static final DoubleKernels SCALAR = ScalarDoubleKernels.INSTANCE;
    private static final int LANES = VectorShapes.DOUBLE_SPECIES.length();
    private static final int STEP = VectorShapes.UNROLL * LANES;

    static List<Named<Integer>> branchLengths() {
        Map<String, Integer> named = new LinkedHashMap<>();
        named.put("0", 0);
        named.put("1", 1);
        named.put("lanes-1", LANES - 1);
        named.put("lanes", LANES);
        named.put("lanes+1", LANES + 1);
        named.put("unroll*lanes-1", STEP - 1);
        named.put("unroll*lanes", STEP);
        named.put("unroll*lanes+1", STEP + 1);
        named.put("prime 1021", 1021);
        List<Named<Integer>> out = new ArrayList<>();
        named.forEach((name, n) -> out.add(Named.of(name + " (n=" + n + ")", n)));
        return out;
    }

    /** Small integers in [-3, 3] (dot products of up to 1021 of them stay exact in both precisions). */
    private static double[] smallIntegers(int length, int salt) {
        double[] a = new double[length];
        for (int i = 0; i < length; i++) {
            a[i] = (i * 5 + salt) % 7 - 3;
        }
        return a;
    }

    private static double exactDot(double[] x, int xOff, double[] y, int yOff, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (long) x[xOff + i] * (long) y[yOff + i];
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("branchLengths")
    void reductionsAreExactOnSmallIntegersAtEveryBranchLength(int n) {
        for (int off : new int[] {0, 3}) {
            double[] x = smallIntegers(off + n + 2, 1);
            double[] y = smallIntegers(n + 5, 4);
            double expectedDot = exactDot(x, off, y, 2, n);
            assertThat(SIMD.dot(x, off, y, 2, n)).as("SIMD dot, off %d", off).isEqualTo(expectedDot);
            assertThat(SCALAR.dot(x, off, y, 2, n)).as("scalar dot, off %d", off).isEqualTo(expectedDot);
            double expectedSq = exactDot(x, off, x, off, n);
            assertThat(SIMD.sumOfSquares(x, off, n)).as("SIMD sumOfSquares, off %d", off).isEqualTo(expectedSq);
            assertThat(SCALAR.sumOfSquares(x, off, n)).as("scalar sumOfSquares, off %d", off).isEqualTo(expectedSq);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("branchLengths")
    void elementwiseKernelsMatchTheScalarTwinBitwiseAndTouchOnlyTheirSlice(int n) {
        for (int off : new int[] {0, 3}) {
            assertElementwiseAgreement(new SplittableRandom(31L * n + off), n, off);
        }
    }

    @Test
    void everyLengthUpToThreeUnrolledStepsAgrees() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n <= 3 * STEP + LANES + 1; n++) {
            double[] x = smallIntegers(n + 1, 2);
            double[] y = smallIntegers(n + 1, 5);
            assertThat(SIMD.dot(x, 1, y, 0, n)).as("dot n=%d", n).isEqualTo(exactDot(x, 1, y, 0, n));
            assertThat(SIMD.sumOfSquares(x, 1, n)).as("sumOfSquares n=%d", n).isEqualTo(exactDot(x, 1, x, 1, n));
            assertElementwiseAgreement(random, n, n % 3);
        }
    }

    /** Runs every elementwise kernel on random data in both implementations; also checks the guard cells. */
    private static void assertElementwiseAgreement(SplittableRandom random, int n, int off) {
        int len = off + n + 2; // two guard cells after the slice, `off` before it
        double[] x = DoubleKernelAgreementPropertiesTest.randomArray(random, len);
        double[] y = DoubleKernelAgreementPropertiesTest.randomArray(random, len);
        double[] g = DoubleKernelAgreementPropertiesTest.randomArray(random, len);
        double[] v = DoubleKernelAgreementPropertiesTest.randomNonNegativeArray(random, len);
        double a = DoubleKernelAgreementPropertiesTest.randomValue(random);
        double[][] results = new double[2][];
        int idx = 0;
        for (DoubleKernels k : new DoubleKernels[] {SCALAR, SIMD}) {
            double[] ax = y.clone();
            k.axpyInPlace(a, x, off, ax, off, n);
            double[] sc = x.clone();
            k.scaleInPlace(a, sc, off, n);
            double[] xp = new double[len];
            k.xpayInto(x, off, a, y, off, xp, off, n);
            double[] mx = x.clone();
            double[] mv = y.clone();
            k.momentumStep(mx, mv, g, off, n, 0.1, 0.9, 0.001, true);
            double[] ad = x.clone();
            double[] am = y.clone();
            double[] av = v.clone();
            double[] avMax = v.clone();
            k.adamStep(ad, am, av, avMax, g, off, n, 0.9, 0.999, 0.01, 1.5, 1e-8, 0.001, 0.999);
            results[idx++] = concat(ax, sc, xp, mx, mv, ad, am, av, avMax);
            // guard cells outside [off, off + n) are untouched
            for (int i = 0; i < len; i++) {
                if (i < off || i >= off + n) {
                    assertThat(ax[i]).as("axpy guard %d", i).isEqualTo(y[i]);
                    assertThat(sc[i]).as("scale guard %d", i).isEqualTo(x[i]);
                    assertThat(xp[i]).as("xpay guard %d", i).isEqualTo(0.0);
                    assertThat(ad[i]).as("adam guard %d", i).isEqualTo(x[i]);
                }
            }
        }
        assertSameBits("elementwise kernels, n=" + n + " off=" + off, results[0], results[1]);
    }

    private static double[] concat(double[]... parts) {
        int total = 0;
        for (double[] p : parts) {
            total += p.length;
        }
        double[] out = new double[total];
        int pos = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    // ---------------------------------------------------------------- IEEE special values

    @Test
    void sumsOfNegativeZeroProductsArePositiveZeroLikeTheScalarTwin() {
        int n = STEP + LANES + 1; // body, cleanup and tail all see -0.0 products
        double[] negZero = new double[n];
        double[] one = new double[n];
        java.util.Arrays.fill(negZero, -0.0);
        java.util.Arrays.fill(one, 1.0);
        // Both start from +0.0 and (+0.0) + (-0.0) = +0.0 in round-to-nearest.
        for (DoubleKernels k : new DoubleKernels[] {SCALAR, SIMD}) {
            assertThat(Math.copySign(1.0, k.dot(negZero, 0, one, 0, n))).as("sign of dot").isEqualTo(1.0);
            assertThat(Math.copySign(1.0, k.sumOfSquares(negZero, 0, n))).as("sign of sumOfSquares").isEqualTo(1.0);
        }
        // Elementwise: scaling +0.0 by a negative number gives -0.0 in both.
        double[] z = new double[n];
        SIMD.scaleInPlace(-2.0, z, 0, n);
        double[] zs = new double[n];
        SCALAR.scaleInPlace(-2.0, zs, 0, n);
        assertSameBits("scale of +0 by -2", zs, z);
        assertThat(Math.copySign(1.0, z[0])).isEqualTo(-1.0);
    }

    @Test
    void subnormalsAreNotFlushedToZero() {
        int n = STEP + LANES + 1;
        double[] tiny = new double[n];
        double[] one = new double[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            tiny[i] = Double.MIN_VALUE * (i + 1); // exact subnormal multiples of the smallest positive value
            one[i] = 1.0;
            total += i + 1;
        }
        // Every partial sum is an exact subnormal or small normal multiple of MIN_VALUE, so all orders are exact.
        double expected = Double.MIN_VALUE * total;
        assertThat(SIMD.dot(tiny, 0, one, 0, n)).isEqualTo(expected);
        assertThat(SCALAR.dot(tiny, 0, one, 0, n)).isEqualTo(expected);
        // Elementwise with subnormal results: halving subnormals rounds (to even) the same way in both.
        double[] a = tiny.clone();
        double[] b = tiny.clone();
        SIMD.scaleInPlace(0.5, a, 0, n);
        SCALAR.scaleInPlace(0.5, b, 0, n);
        assertSameBits("halved subnormals", b, a);
        assertThat(a[n - 1]).isPositive();
        double[] ya = tiny.clone();
        double[] yb = tiny.clone();
        SIMD.axpyInPlace(-0.75, tiny, 0, ya, 0, n);
        SCALAR.axpyInPlace(-0.75, tiny, 0, yb, 0, n);
        assertSameBits("axpy on subnormals", yb, ya);
    }

    @Test
    void infinitiesAndNaNPropagateThroughReductionsInBodyCleanupAndTail() {
        int n = 3 * STEP + 2 * LANES - 1; // 3 unrolled steps, 1 cleanup vector, a tail of lanes - 1 >= 1 elements
        int[] positions = {0, STEP + 1, 3 * STEP + 1, n - 1}; // body, body, cleanup, tail
        for (int pos : positions) {
            double[] x = smallIntegers(n, 3);
            double[] y = smallIntegers(n, 6);
            x[pos] = Double.POSITIVE_INFINITY;
            y[pos] = 2.0;
            for (DoubleKernels k : new DoubleKernels[] {SCALAR, SIMD}) {
                assertThat(k.dot(x, 0, y, 0, n)).as("+inf at %d", pos).isEqualTo(Double.POSITIVE_INFINITY);
                assertThat(k.sumOfSquares(x, 0, n)).as("+inf^2 at %d", pos).isEqualTo(Double.POSITIVE_INFINITY);
            }
            double[] x2 = x.clone();
            x2[(pos + LANES) % n] = Double.NEGATIVE_INFINITY; // +inf + -inf = NaN, in whichever lane it meets
            y[(pos + LANES) % n] = 2.0;
            double[] x3 = smallIntegers(n, 3);
            x3[pos] = Double.NaN;
            for (DoubleKernels k : new DoubleKernels[] {SCALAR, SIMD}) {
                assertThat(k.dot(x2, 0, y, 0, n)).as("+inf and -inf, %d", pos).isNaN();
                assertThat(k.dot(x3, 0, y, 0, n)).as("NaN at %d", pos).isNaN();
                assertThat(k.sumOfSquares(x3, 0, n)).as("NaN^2 at %d", pos).isNaN();
            }
        }
    }

    @Test
    void specialValuesInElementwiseKernelsGiveTheScalarTwinsBitsAndStayInTheirLane() {
        double[] specials = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -1.0};
        SplittableRandom random = new SplittableRandom(11);
        int n = 2 * STEP + LANES + 3;
        for (int trial = 0; trial < 50; trial++) {
            double[][] arrays = new double[5][n];
            for (double[] arr : arrays) {
                for (int i = 0; i < n; i++) {
                    arr[i] = random.nextInt(4) == 0 ? specials[random.nextInt(specials.length)]
                            : DoubleKernelAgreementPropertiesTest.randomValue(random);
                }
            }
            double[] x = arrays[0];
            double[] y = arrays[1];
            double[] g = arrays[2];
            double[] v = arrays[3];
            double[] vMax = arrays[4];
            double a = specials[trial % specials.length];
            double[][] out = new double[2][];
            int idx = 0;
            for (DoubleKernels k : new DoubleKernels[] {SCALAR, SIMD}) {
                double[] ax = y.clone();
                k.axpyInPlace(a, x, 0, ax, 0, n);
                double[] sc = x.clone();
                k.scaleInPlace(a, sc, 0, n);
                double[] xp = new double[n];
                k.xpayInto(x, 0, a, y, 0, xp, 0, n);
                double[] mx = x.clone();
                double[] mv = v.clone();
                k.momentumStep(mx, mv, g, 0, n, 0.5, 0.9, 0.01, trial % 2 == 0);
                double[] ad = x.clone();
                double[] am = y.clone();
                double[] av = v.clone();
                double[] avMax = vMax.clone();
                k.adamStep(ad, am, av, avMax, g, 0, n, 0.9, 0.999, 0.01, 1.25, 1e-8, 0.0, 1.0);
                out[idx++] = concat(ax, sc, xp, mx, mv, ad, am, av, avMax);
            }
            assertSameBits("special values, trial " + trial, out[0], out[1]);
        }
    }

    @Test
    void aNaNGradientSpoilsOnlyItsOwnCoordinateInAdam() {
        int n = STEP + LANES + 1;
        for (int pos : new int[] {1, STEP + 1, n - 1}) { // body, cleanup, tail
            double[] g = smallIntegers(n, 1);
            g[pos] = Double.NaN;
            for (DoubleKernels k : new DoubleKernels[] {SCALAR, SIMD}) {
                double[] x = smallIntegers(n, 2);
                double[] m = new double[n];
                double[] v = new double[n];
                k.adamStep(x, m, v, null, g, 0, n, 0.9, 0.999, 0.1, 1000.0, 1e-8, 0.0, 1.0);
                for (int i = 0; i < n; i++) {
                    if (i == pos) {
                        assertThat(x[i]).as("x[%d] with NaN gradient", i).isNaN();
                    } else {
                        assertThat(x[i]).as("x[%d] next to a NaN gradient", i).isFinite();
                    }
                }
            }
        }
    }
}
