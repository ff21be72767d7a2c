package org.optdyn.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.kernel.ScalarDoubleKernels;

/**
 * JMH benchmarks of the double kernels: the Vector API implementation and its scalar twin in the same run
 * ({@code impl} parameter), at sizes spanning L1/L2 cache to main memory. The float twin of this class,
 * {@code FloatKernelsBench}, is generated from it at build time (engine/src/build/PrecisionGenerator.java).
 *
 * <p>Sizes ({@code n}) are odd on purpose, so every run also executes the vector cleanup and the scalar tail:
 * 1003 (~10^3: all arrays in L1), 10007 (~10^4: in L2, the dot-product target size), 100003 (~10^5: L2/L3) and
 * 10000019 (~10^7: 80 MB per double array, far beyond the 32 MiB L3, so memory bound). Each operation's memory
 * traffic is given in {@code KernelReport} (e.g. Adam reads x, m, v, g and writes x, m, v: 7 words per element).
 *
 * <p>Before timing, {@link #setUp} runs the kernel once in both implementations on copies of the benchmark data and
 * fails the trial unless they agree: bitwise for the elementwise kernels, within {@code 3 gamma_n sum |x_i y_i|}
 * for the dot product (2 gamma_n because both implementations are within gamma_n of the exact sum, plus gamma_n for
 * the rounding of the bound's own sum).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// One fork per (kernel, impl, n); 3 GB heap holds the 10^7 Adam arrays and their check copies without a GC in the
// measurement; the incubator module must be added to every fork.
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
// Short profile (bench/run.sh): C2 has compiled the kernels after a few thousand calls, i.e. well within the first
// 300 ms warm-up iteration even at n = 10^7 (~10 calls per iteration, but the loop is OSR/C2 compiled by then).
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class DoubleKernelsBench {

    /** Which implementation is timed: the scalar twin or the Vector API one. */
    @Param({"scalar", "simd"})
    public String impl;

    /** Number of elements per array. */
    @Param({"1003", "10007", "100003", "10000019"})
    public int n;

    // Hyperparameters: typical values. The learning rates are small so that thousands of repeated in-place steps on
    // the same arrays keep every value normal and finite (no subnormal slow paths, no overflow) during the run.
    private static final double LR = 1e-6;
    private static final double MU = 0.9;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    /** Bias corrections at step t = 10: lr / (1 - beta1^t) and 1 / (1 - beta2^t). */
    private static final double STEP_SIZE = LR / (1.0 - Math.pow(BETA1, 10)); // float: private static final float STEP_SIZE = (float) (LR / (1 - Math.pow(BETA1, 10)));
    private static final double INV_BIAS2 = 1.0 / (1.0 - Math.pow(BETA2, 10)); // float: private static final float INV_BIAS2 = (float) (1 / (1 - Math.pow(BETA2, 10)));

    private DoubleKernels kernels;
    private double[] x;
    private double[] y;
    private double[] m;
    private double[] v;
    private double[] g;
    private double[] out;

    /** Allocates only the arrays the running benchmark touches, fills them, and checks SIMD against scalar. */
    @Setup
    public void setUp(BenchmarkParams params) {
        DoubleKernels scalar = ScalarDoubleKernels.INSTANCE;
        DoubleKernels simd = Kernels.vectorDoubles();
        kernels = switch (impl) {
            case "scalar" -> scalar;
            case "simd" -> simd;
            default -> throw new IllegalArgumentException("impl = " + impl);
        };
        String benchmark = params.getBenchmark();
        String kernel = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        SplittableRandom random = new SplittableRandom(20261202L);
        x = fill(random, -1.0, 1.0);
        switch (kernel) {
            case "dot", "axpy" -> y = fill(random, -1.0, 1.0);
            case "extragradient" -> {
                y = fill(random, -1.0, 1.0);
                out = new double[n];
            }
            case "momentum" -> {
                v = fill(random, -1.0, 1.0);
                g = fill(random, -1.0, 1.0);
            }
            case "adam" -> {
                m = fill(random, -0.1, 0.1);
                v = fill(random, 0.0, 0.01);
                g = fill(random, -1.0, 1.0);
            }
            default -> throw new IllegalStateException("no setup for benchmark " + benchmark);
        }
        checkAgreement(kernel, scalar, simd);
    }

    private double[] fill(SplittableRandom random, double lo, double hi) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextDouble(lo, hi);
        }
        return a;
    }

    private void checkAgreement(String kernel, DoubleKernels scalar, DoubleKernels simd) {
        switch (kernel) {
            case "dot" -> {
                double s = scalar.dot(x, 0, y, 0, n);
                double d = simd.dot(x, 0, y, 0, n);
                double absSum = 0.0;
                for (int i = 0; i < n; i++) {
                    absSum += Math.abs(x[i] * y[i]);
                }
                double u = Math.ulp(1.0) / 2;
                double gamma = n * u / (1 - n * u);
                require(Math.abs(s - d) <= 3 * gamma * absSum, "dot: scalar " + s + " vs SIMD " + d);
            }
            case "axpy" -> {
                double[] a = y.clone();
                double[] b = y.clone();
                scalar.axpyInPlace(0.5, x, 0, a, 0, n);
                simd.axpyInPlace(0.5, x, 0, b, 0, n);
                require(Arrays.equals(a, b), "axpy differs");
            }
            case "extragradient" -> {
                double[] a = new double[n];
                double[] b = new double[n];
                scalar.xpayInto(x, 0, -0.5, y, 0, a, 0, n);
                simd.xpayInto(x, 0, -0.5, y, 0, b, 0, n);
                require(Arrays.equals(a, b), "xpayInto differs");
            }
            case "momentum" -> {
                double[] xa = x.clone();
                double[] va = v.clone();
                double[] xb = x.clone();
                double[] vb = v.clone();
                scalar.momentumStep(xa, va, g, 0, n, 0.1, MU, 1e-4, true);
                simd.momentumStep(xb, vb, g, 0, n, 0.1, MU, 1e-4, true);
                require(Arrays.equals(xa, xb) && Arrays.equals(va, vb), "momentumStep differs");
            }
            case "adam" -> {
                double[] xa = x.clone();
                double[] ma = m.clone();
                double[] va = v.clone();
                scalar.adamStep(xa, ma, va, null, g, 0, n, BETA1, BETA2, 0.1, INV_BIAS2, EPS, 0.0, 1.0);
                double[] xb = x.clone();
                double[] mb = m.clone();
                double[] vb = v.clone();
                simd.adamStep(xb, mb, vb, null, g, 0, n, BETA1, BETA2, 0.1, INV_BIAS2, EPS, 0.0, 1.0);
                require(Arrays.equals(xa, xb) && Arrays.equals(ma, mb) && Arrays.equals(va, vb), "adamStep differs");
            }
            default -> throw new IllegalStateException(kernel);
        }
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("SIMD and scalar disagree before timing (n = " + n + "): " + what);
        }
    }

    /** Dot product: reads x and y (2 words per element). */
    @Benchmark
    public double dot() {
        return kernels.dot(x, 0, y, 0, n);
    }

    /** {@code y += a x}: reads x, y, writes y (3 words per element). */
    @Benchmark
    public void axpy() {
        kernels.axpyInPlace(LR, x, 0, y, 0, n);
    }

    /** Extragradient's extrapolation {@code w' = w - eta F(w)} via xpayInto: reads x, y, writes out (3 words). */
    @Benchmark
    public void extragradient() {
        kernels.xpayInto(x, 0, -LR, y, 0, out, 0, n);
    }

    /** SGD with heavy-ball momentum: reads x, v, g, writes x, v (5 words per element). */
    @Benchmark
    public void momentum() {
        kernels.momentumStep(x, v, g, 0, n, LR, MU, 0.0, false);
    }

    /** Adam step (no AMSGrad, no weight decay): reads x, m, v, g, writes x, m, v (7 words per element). */
    @Benchmark
    public void adam() {
        kernels.adamStep(x, m, v, null, g, 0, n, BETA1, BETA2, STEP_SIZE, INV_BIAS2, EPS, 0.0, 1.0);
    }
}
