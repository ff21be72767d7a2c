package org.optdyn.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement tests: the Vector API double kernels agree with their scalar twin on lengths 0..2000 (so every
 * tail length modulo the lane count and the unroll step occurs), random offsets and random values spread over 41
 * binary orders of magnitude. Style.md rule 6, three tiers:
 * <ul>
 *   <li>elementwise kernels: bitwise equal ({@link Arrays#mismatch}, which compares doubles as
 *       {@code Double.equals} does: exact bits, except that all NaNs are one value);</li>
 *   <li>reductions (dot, sum of squares): each implementation within {@code gamma_n * sum |x_i y_i|} of the exact
 *       sum (computed in {@link BigDecimal}), where {@code gamma_n = n u / (1 - n u)} and {@code u} is the unit
 *       roundoff. This is Higham, <i>Accuracy and Stability of Numerical Algorithms</i> (2nd ed.), eq. (3.5): it
 *       holds for <em>every</em> order of evaluating the n products and n - 1 sums, so for the scalar twin's
 *       left-to-right order and for the SIMD lane-parallel order alike (an FMA only removes roundings). Hence the
 *       two differ by at most {@code 2 gamma_n sum |x_i y_i|}, which is asserted too. The values are chosen so that
 *       no product underflows (the bound assumes none) and nothing overflows.</li>
 * </ul>
 * The inputs are the fixed {@link KernelCase}s: the branch lengths of the loop anatomy at offsets 0 and 9, then 120
 * lengths, offsets and variants drawn from one master seed. Each case is named by its length, offsets and seed, so a
 * failure says its input, and every run executes the same cases.
 */
class DoubleKernelAgreementPropertiesTest {

    private static final DoubleKernels SIMD = VectorDoubleKernels.INSTANCE;
    private static final DoubleKernels SCALAR = ScalarDoubleKernels.INSTANCE;

    /** Master seed of the drawn cases; 120 drawn cases besides the 40 branch-length ones. */
    private static final long CASES_SEED = 20261206L;

    static List<KernelCase> cases() {
        return KernelCase.cases(VectorShapes.DOUBLE_SPECIES.length(), VectorShapes.UNROLL, CASES_SEED, 120);
    }

    /** Largest binary exponent of the random values: magnitudes in [2^-20 * 2^-53, 2^20], products far from
     * underflow and overflow in both precisions. */
    private static final int MAX_EXPONENT = 20;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dotIsWithinGammaNOfTheExactSumForBothImplementations(KernelCase c) {
        int n = c.n();
        int xOff = c.xOff();
        int yOff = c.yOff();
        SplittableRandom random = c.random();
        double[] x = randomArray(random, xOff + n + 3);
        double[] y = randomArray(random, yOff + n + 3);
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal absSum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal p = new BigDecimal(x[xOff + i]).multiply(new BigDecimal(y[yOff + i]));
            exact = exact.add(p);
            absSum = absSum.add(p.abs());
        }
        double simd = SIMD.dot(x, xOff, y, yOff, n);
        double scalar = SCALAR.dot(x, xOff, y, yOff, n);
        assertWithinGamma("SIMD dot", simd, exact, absSum, n, 1);
        assertWithinGamma("scalar dot", scalar, exact, absSum, n, 1);
        assertWithinGamma("SIMD vs scalar dot", simd, new BigDecimal(scalar), absSum, n, 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sumOfSquaresIsWithinGammaNOfTheExactSumForBothImplementations(KernelCase c) {
        int n = c.n();
        int off = c.xOff();
        SplittableRandom random = c.random();
        double[] x = randomArray(random, off + n + 3);
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal xi = new BigDecimal(x[off + i]);
            exact = exact.add(xi.multiply(xi));
        }
        double simd = SIMD.sumOfSquares(x, off, n);
        double scalar = SCALAR.sumOfSquares(x, off, n);
        // every term is non-negative, so sum |x_i^2| is the exact sum itself
        assertWithinGamma("SIMD sumOfSquares", simd, exact, exact, n, 1);
        assertWithinGamma("scalar sumOfSquares", scalar, exact, exact, n, 1);
        assertWithinGamma("SIMD vs scalar sumOfSquares", simd, new BigDecimal(scalar), exact, n, 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void axpyScaleAndXpayAreBitwiseEqualToTheScalarTwin(KernelCase c) {
        int n = c.n();
        int xOff = c.xOff();
        int yOff = c.yOff();
        int outOff = c.outOff();
        SplittableRandom random = c.random();
        double[] x = randomArray(random, xOff + n + 3);
        double[] y = randomArray(random, yOff + n + 3);
        double[] out = randomArray(random, outOff + n + 3);
        double a = randomValue(random);

        double[] ySimd = y.clone();
        double[] yScalar = y.clone();
        SIMD.axpyInPlace(a, x, xOff, ySimd, yOff, n);
        SCALAR.axpyInPlace(a, x, xOff, yScalar, yOff, n);
        assertSameBits("axpyInPlace y", yScalar, ySimd);

        double[] xSimd = x.clone();
        double[] xScalar = x.clone();
        SIMD.scaleInPlace(a, xSimd, xOff, n);
        SCALAR.scaleInPlace(a, xScalar, xOff, n);
        assertSameBits("scaleInPlace x", xScalar, xSimd);

        double[] outSimd = out.clone();
        double[] outScalar = out.clone();
        SIMD.xpayInto(x, xOff, a, y, yOff, outSimd, outOff, n);
        SCALAR.xpayInto(x, xOff, a, y, yOff, outScalar, outOff, n);
        assertSameBits("xpayInto out", outScalar, outSimd);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void momentumStepIsBitwiseEqualToTheScalarTwin(KernelCase c) {
        int n = c.n();
        int off = c.xOff();
        boolean nesterov = c.variant();
        SplittableRandom random = c.random();
        double[] x = randomArray(random, off + n + 3);
        double[] v = randomArray(random, off + n + 3);
        double[] g = randomArray(random, off + n + 3);
        double lr = random.nextDouble();
        double mu = random.nextDouble();
        double wd = random.nextDouble() * 0.01;
        double[] xSimd = x.clone();
        double[] vSimd = v.clone();
        double[] xScalar = x.clone();
        double[] vScalar = v.clone();
        SIMD.momentumStep(xSimd, vSimd, g, off, n, lr, mu, wd, nesterov);
        SCALAR.momentumStep(xScalar, vScalar, g, off, n, lr, mu, wd, nesterov);
        assertSameBits("momentumStep x", xScalar, xSimd);
        assertSameBits("momentumStep v", vScalar, vSimd);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void adamStepIsBitwiseEqualToTheScalarTwin(KernelCase c) {
        int n = c.n();
        int off = c.xOff();
        boolean amsgrad = c.variant();
        SplittableRandom random = c.random();
        int len = off + n + 3;
        double[] x = randomArray(random, len);
        double[] m = randomArray(random, len);
        double[] v = randomNonNegativeArray(random, len);
        double[] vMax = amsgrad ? randomNonNegativeArray(random, len) : null;
        double[] g = randomArray(random, len);
        double beta1 = random.nextDouble();
        double beta2 = random.nextDouble();
        double stepSize = random.nextDouble();
        double invBias2 = 1.0 + random.nextDouble() * 100;
        double eps = Math.scalb(1.0, -random.nextInt(30));
        double l2 = random.nextDouble() * 0.01;
        double decay = 1.0 - random.nextDouble() * 0.01;

        double[] xSimd = x.clone();
        double[] mSimd = m.clone();
        double[] vSimd = v.clone();
        double[] vMaxSimd = amsgrad ? vMax.clone() : null;
        double[] xScalar = x.clone();
        double[] mScalar = m.clone();
        double[] vScalar = v.clone();
        double[] vMaxScalar = amsgrad ? vMax.clone() : null;
        SIMD.adamStep(xSimd, mSimd, vSimd, vMaxSimd, g, off, n, beta1, beta2, stepSize, invBias2, eps, l2, decay);
        SCALAR.adamStep(xScalar, mScalar, vScalar, vMaxScalar, g, off, n, beta1, beta2, stepSize, invBias2, eps, l2,
                decay);
        assertSameBits("adamStep x", xScalar, xSimd);
        assertSameBits("adamStep m", mScalar, mSimd);
        assertSameBits("adamStep v", vScalar, vSimd);
        if (amsgrad) {
            assertSameBits("adamStep vMax", vMaxScalar, vMaxSimd);
        }
    }

    /**
     * {@code productDot} sums {@code n} terms {@code (x_i a_i) b_i}, each with one extra rounding for {@code x_i a_i}:
     * Higham's bound with {@code gamma_{n+1}} on {@code sum |x_i a_i b_i|} holds for any summation order.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productDotIsWithinGammaNPlusOneOfTheExactSumForBothImplementations(KernelCase c) {
        int n = c.n();
        SplittableRandom random = c.random();
        double[] x = randomArray(random, n + 3);
        double[] a = randomArray(random, n + 3);
        double[] b = randomArray(random, n + 3);
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal absSum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal p = new BigDecimal(x[i]).multiply(new BigDecimal(a[i])).multiply(new BigDecimal(b[i]));
            exact = exact.add(p);
            absSum = absSum.add(p.abs());
        }
        double simd = SIMD.productDot(x, a, b, n);
        double scalar = SCALAR.productDot(x, a, b, n);
        assertWithinGamma("SIMD productDot", simd, exact, absSum, n + 1, 1);
        assertWithinGamma("scalar productDot", scalar, exact, absSum, n + 1, 1);
        assertWithinGamma("SIMD vs scalar productDot", simd, new BigDecimal(scalar), absSum, n + 1, 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void productStepAndScaleByOnePlusAreBitwiseEqualToTheScalarTwin(KernelCase c) {
        int n = c.n();
        SplittableRandom random = c.random();
        double[] x = randomArray(random, n + 3);
        double[] a = randomArray(random, n + 3);
        double[] b = randomArray(random, n + 3);
        double coefficient = random.nextDouble() - 0.5;
        double[] aSimd = a.clone();
        double[] bSimd = b.clone();
        double[] aScalar = a.clone();
        double[] bScalar = b.clone();
        SIMD.productStep(coefficient, x, aSimd, bSimd, n);
        SCALAR.productStep(coefficient, x, aScalar, bScalar, n);
        assertSameBits("productStep a", aScalar, aSimd);
        assertSameBits("productStep b", bScalar, bSimd);
        SIMD.scaleByOnePlus(coefficient, x, aSimd, n);
        SCALAR.scaleByOnePlus(coefficient, x, aScalar, n);
        assertSameBits("scaleByOnePlus", aScalar, aSimd);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void segmentKernelsReturnExactlyWhatTheArrayKernelsReturnOnHeapAndOffHeap(KernelCase c) {
        int n = c.n();
        int xOff = c.xOff();
        int yOff = c.yOff();
        SplittableRandom random = c.random();
        double[] x = randomArray(random, xOff + n + 3);
        double[] y = randomArray(random, yOff + n + 3);
        double a = randomValue(random);
        try (Arena arena = Arena.ofConfined()) {
            for (DoubleKernels k : new DoubleKernels[] {SCALAR, SIMD}) {
                String name = k == SIMD ? "SIMD" : "scalar";
                // off-heap copies, deliberately misaligned by 4 bytes (no alignment is required)
                MemorySegment xs = arena.allocate((long) x.length * Double.BYTES + 4).asSlice(4);
                MemorySegment ys = arena.allocate((long) y.length * Double.BYTES + 4).asSlice(4);
                MemorySegment.copy(x, 0, xs, ScalarDoubleKernels.LAYOUT, 0, x.length);
                MemorySegment.copy(y, 0, ys, ScalarDoubleKernels.LAYOUT, 0, y.length);
                double expectedDot = k.dot(x, xOff, y, yOff, n);
                assertThat(k.dot(xs, xOff, ys, yOff, n)).as("%s off-heap dot", name).isEqualTo(expectedDot);
                assertThat(k.dot(MemorySegment.ofArray(x), xOff, MemorySegment.ofArray(y), yOff, n))
                        .as("%s heap-segment dot", name).isEqualTo(expectedDot);

                double[] yArray = y.clone();
                k.axpyInPlace(a, x, xOff, yArray, yOff, n);
                k.axpyInPlace(a, xs, xOff, ys, yOff, n);
                assertSameBits(name + " off-heap axpy", yArray, ys.toArray(ScalarDoubleKernels.LAYOUT));
                double[] yHeap = y.clone();
                k.axpyInPlace(a, MemorySegment.ofArray(x), xOff, MemorySegment.ofArray(yHeap), yOff, n);
                assertSameBits(name + " heap-segment axpy", yArray, yHeap);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A value {@code +-m * 2^k}, {@code m} uniform in [0, 1), {@code k} uniform in [-MAX_EXPONENT, MAX_EXPONENT]. */
    static double randomValue(SplittableRandom random) {
        double m = random.nextDouble();
        double signed = random.nextBoolean() ? m : -m;
        return Math.scalb(signed, random.nextInt(-MAX_EXPONENT, MAX_EXPONENT + 1));
    }

    static double[] randomArray(SplittableRandom random, int length) {
        double[] a = new double[length];
        for (int i = 0; i < length; i++) {
            a[i] = randomValue(random);
        }
        return a;
    }

    static double[] randomNonNegativeArray(SplittableRandom random, int length) {
        double[] a = randomArray(random, length);
        for (int i = 0; i < length; i++) {
            a[i] = Math.abs(a[i]);
        }
        return a;
    }

    /**
     * Asserts {@code |computed - reference| <= factor * gamma_n * absSum}, everything evaluated exactly in
     * BigDecimal except gamma_n, which is rounded up.
     */
    static void assertWithinGamma(String what, double computed, BigDecimal reference, BigDecimal absSum, int n,
                                  int factor) {
        double u = Math.ulp(1.0) / 2; // unit roundoff of the precision
        MathContext up = new MathContext(30, RoundingMode.UP);
        BigDecimal nu = new BigDecimal(u).multiply(BigDecimal.valueOf(n));
        BigDecimal gamma = nu.divide(BigDecimal.ONE.subtract(nu), up);
        BigDecimal bound = gamma.multiply(absSum).multiply(BigDecimal.valueOf(factor));
        BigDecimal error = new BigDecimal(computed).subtract(reference).abs();
        assertThat(error).as("%s: |error| = %s must be <= %d gamma_%d sum|x_i y_i| = %s", what, error, factor, n,
                bound).isLessThanOrEqualTo(bound);
    }

    /** Bitwise equality ({@code Double.equals} semantics: NaNs equal, +0 and -0 differ), naming the first mismatch. */
    static void assertSameBits(String what, double[] scalar, double[] simd) {
        int k = Arrays.mismatch(scalar, simd);
        assertThat(k).as("%s: first differing index %d (scalar %s, SIMD %s)", what, k,
                k < 0 ? "" : String.valueOf(scalar[k]), k < 0 ? "" : String.valueOf(simd[k])).isEqualTo(-1);
    }
}
