package org.optdyn.bench;

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
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmSimulator;
import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * One finite-d ERM run ({@link ErmSimulator}, dmft.md §8) at {@code d = 2000}, {@code alpha = 2} (base case of
 * dmft.md §6, SGD b = 0.3), for {@code T = 0} (instance draw and one product {@code X theta}) and {@code T = 40}:
 * the difference over {@code 40 * 2 n d} multiply-adds is the cost of one multiply-add of a step (the product
 * {@code X^T r} runs over the selected rows only, about {@code b n} of them, so a step does {@code (1 + b) n d} real
 * multiply-adds; the nominal {@code 2 n d} is the full-batch count). Same-run baseline: a plain dense product
 * {@code X v} of the same {@code n x d} row-major matrix with the dot kernel, {@code n d} multiply-adds.
 *
 * <p>Measured (2 cores, -f 1 -wi 2 -i 3): baseline 3.2 ms = 0.40 ns per multiply-add (64 MB streamed: about
 * 20 GB/s, the memory bound); full batch (323 - 54) ms / 40 steps = 6.7 ms per step = 0.42 ns per multiply-add
 * over 2 n d; SGD b = 0.3 4.1 ms per step = 0.39 ns per real multiply-add over (1 + b) n d.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class ErmSimulatorBench {

    static final int D = 2000;

    @Param({"0", "40"})
    int steps;

    @Param({"1", "0.3"})
    double batch;

    private ErmProblem problem;
    private double[] x;
    private double[] v;
    private double[] out;
    private final DoubleKernels kernels = Kernels.doubles();

    @Setup
    public void setup() {
        problem = ErmProblem.square(2, 0.1, 0.2, steps).withTeacher(1, 0.5)
                .withBatch(batch, ErmProblem.BatchNorm.SUM);
        int n = 2 * D;
        x = new double[n * D];
        var g = new java.util.SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = g.nextGaussian() / Math.sqrt(D);
        }
        v = new double[D];
        java.util.Arrays.fill(v, 1);
        out = new double[n];
    }

    @Benchmark
    public Object simulate() {
        return ErmSimulator.run(problem, D, 1, 0).orElseThrow();
    }

    /** Baseline: {@code out = X v}, one dot kernel call per row, {@code n d} multiply-adds. */
    @Benchmark
    public double denseMatVec() {
        int n = out.length;
        for (int mu = 0; mu < n; mu++) {
            out[mu] = kernels.dot(x, mu * D, v, 0, D);
        }
        return out[n - 1];
    }
}
