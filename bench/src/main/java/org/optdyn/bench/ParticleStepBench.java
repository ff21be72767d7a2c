package org.optdyn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.random.GaussianStream;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.pde.ParticleSolver;

/**
 * One Euler–Maruyama step of the diagonal-network particle solver (issue 12 step b, diagonal-networks.md §4), in
 * nanoseconds per particle-step: an invocation solves {@value #STEPS} steps of N1 (sigma = 0.3, gamma = 0.5,
 * dt = 0.002) from the start, so with {@code @OperationsPerInvocation(STEPS * M)} the score is ns/(particle x step);
 * the two records (t = 0 and the end, O(M) each, about two steps' worth) add 2 %. Sizes: {@code M = 10 007} (a
 * prime, the 5 particle arrays, 400 KB, in L2) and {@code M = 200 000} (the spec's recommended M: 8 MB,
 * memory-bound). Baseline in the same run: drawing the {@code M} normals of every step alone (the
 * Gaussian-generation bound, no implementation can avoid it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ParticleStepBench {

    static final int STEPS = 100;
    static final int SMALL = 10_007;
    static final int LARGE = 200_000;

    private DlnProblem small;
    private DlnProblem large;
    private ParticleSolver solver;
    private double[] z;

    @Setup
    public void setup() {
        TimeGrid grid = TimeGrid.of(STEPS * ParticleSolver.DEFAULT_DT);
        // N1 at d = M is its own particle set (at M = 200 000 the law of N1 at d = 4000 replicated 50 times)
        small = DlnProblem.n1(SMALL, 0.5, 0.3, grid);
        large = DlnProblem.n1(LARGE, 0.5, 0.3, grid);
        solver = ParticleSolver.defaults();
        z = new double[LARGE];
        var check = solver.solve(large, 1).orElseThrow();
        if (check.trajectory().size() != 2 || Math.abs(check.trajectory().risk()[0] - 0.145) > 1e-12
                || !(check.trajectory().risk()[1] < 0.145)) {
            throw new IllegalStateException("unexpected particle run " + check);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * SMALL)
    public Object particleStepSmall() {
        return solver.solve(small, 1);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * LARGE)
    public Object particleStepLarge() {
        return solver.solve(large, 1);
    }

    /** The Gaussian-generation bound: the normals of every step, nothing else. */
    @Benchmark
    @OperationsPerInvocation(STEPS * LARGE)
    public double gaussianBoundLarge() {
        GaussianStream g = GaussianStream.of(1);
        double s = 0;
        for (int step = 0; step < STEPS; step++) {
            g.fill(z, 0, LARGE);
            s += z[step];
        }
        return s;
    }
}
