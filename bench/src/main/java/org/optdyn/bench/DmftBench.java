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
import org.optdyn.theory.dmft.SquareLossDmft;

/**
 * The exact square-loss DMFT (dmft.md §3, {@link SquareLossDmft}) on the base case of dmft.md §6 (SGD, b = 0.3,
 * identity covariance) for T = 100 and T = 1000 steps, against a same-run baseline with the same O(T^3) shape: one
 * lower-triangular matrix-vector product per step over a T x T array, T^3/6 multiply-adds in all (the solver's
 * sweep is a few such passes per step), so the ratio says how many baseline-equivalent passes a step costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class DmftBench {

    @Param({"100", "1000"})
    int steps;

    private ErmProblem problem;
    private double[][] lower;
    private double[] x;
    private double[] y;

    @Setup
    public void setup() {
        problem = ErmProblem.square(2, 0.1, 0.2, steps).withTeacher(1, 0.5)
                .withBatch(0.3, ErmProblem.BatchNorm.SUM);
        lower = new double[steps + 1][];
        for (int t = 0; t <= steps; t++) {
            lower[t] = new double[t + 1];
            for (int s = 0; s <= t; s++) {
                lower[t][s] = 1.0 / (1 + t + s);
            }
        }
        x = new double[steps + 1];
        y = new double[steps + 1];
        java.util.Arrays.fill(x, 1e-3);
    }

    @Benchmark
    public Object exactSolver() {
        return SquareLossDmft.solve(problem).orElseThrow();
    }

    /** Baseline: for every step t, y[0..t] = L[0..t][0..t] x (T^3/6 multiply-adds over the lower triangle). */
    @Benchmark
    public double triangularSweep() {
        double acc = 0;
        for (int t = 0; t <= steps; t++) {
            for (int s = 0; s <= t; s++) {
                double[] row = lower[s];
                double v = 0;
                for (int u = 0; u <= s; u++) {
                    v += row[u] * x[u];
                }
                y[s] = v;
            }
            acc += y[t];
            x[t] = 1e-3 + 1e-9 * acc;
        }
        return acc;
    }
}
