package org.optdyn.bench;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.optdyn.engine.kernel.GaussianKernels;
import org.optdyn.engine.random.GaussianStream;

/**
 * Nanoseconds per standard normal: the SIMD Box–Muller of {@link GaussianKernels} against its scalar twin and the
 * JDK's {@code L64X256MixRandom.nextGaussian()} (ziggurat), all in the same run. Each invocation fills {@code n}
 * normals, so the score (ns/op with {@code @OperationsPerInvocation(N)}) is ns per normal. {@code n = 10000} is the
 * simulator's sample size at d = 10^4 (fits L1/L2); 1021 is an odd size that exercises the buffered tail.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GaussianBench {

    /** Must equal {@link #n} for the per-normal score. */
    private static final int N = 10_000;

    @Param({"10000"})
    public int n;

    private double[] out;
    private GaussianStream simd;
    private GaussianStream scalar;
    private RandomGenerator l64;

    @Setup
    public void setup() {
        if (n != N) {
            throw new IllegalStateException("n must be " + N + " (the @OperationsPerInvocation constant)");
        }
        out = new double[n];
        simd = GaussianStream.of(1, GaussianKernels.vectorUnwrapped());
        scalar = GaussianStream.of(1, GaussianKernels.scalar());
        l64 = RandomGeneratorFactory.of("L64X256MixRandom").create(1);
        // the variants must agree before timing: SIMD and scalar twin are bitwise identical by contract
        double[] a = new double[1021];
        double[] b = new double[1021];
        GaussianStream.of(7, GaussianKernels.vectorUnwrapped()).fill(a);
        GaussianStream.of(7, GaussianKernels.scalar()).fill(b);
        if (!java.util.Arrays.equals(a, b)) {
            throw new IllegalStateException("SIMD and scalar Gaussian kernels disagree");
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void simdBoxMuller(Blackhole bh) {
        simd.fill(out, 0, n);
        bh.consume(out);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void scalarTwinBoxMuller(Blackhole bh) {
        scalar.fill(out, 0, n);
        bh.consume(out);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public void jdkL64X256MixRandomNextGaussian(Blackhole bh) {
        for (int i = 0; i < n; i++) {
            out[i] = l64.nextGaussian();
        }
        bh.consume(out);
    }
}
