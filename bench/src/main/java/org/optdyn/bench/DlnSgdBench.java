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
import org.optdyn.engine.dln.DlnInstance;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnSimulator;
import org.optdyn.engine.dln.Parametrisation;
import org.optdyn.engine.random.GaussianStream;
import org.optdyn.engine.stream.TimeGrid;

/**
 * Streaming SGD on a diagonal linear network (issue 12, diagonal-networks.md §1) at d = 10^4, in nanoseconds per
 * coordinate per step: one invocation runs {@value #STEPS} steps of a fresh run on instance N1, so the score with
 * {@code @OperationsPerInvocation(STEPS * D)} is ns/(coordinate x step). The baseline measured in the same run is the
 * Gaussian-generation bound: drawing the {@code d} scaled normals of each step's sample alone (the one cost no
 * implementation can avoid), with the same stream and kernel the simulator uses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DlnSgdBench {

    static final int D = 10_000;
    static final int STEPS = 2_000;

    private DlnProblem product;
    private DlnProblem squares;
    private double[] scale;
    private double[] x;

    @Setup
    public void setup() {
        TimeGrid grid = TimeGrid.of((double) STEPS / D);
        product = new DlnProblem(DlnInstance.n1(D), Parametrisation.PRODUCT, 0.5, 0.3, grid);
        squares = product.withParametrisation(Parametrisation.SQUARES).withGamma(0.25);
        scale = new double[D];
        for (int i = 0; i < D; i++) {
            scale[i] = Math.sqrt((i % 2 == 0 ? 0.5 : 1.5) / D);
        }
        x = new double[D];
        double r0 = DlnSimulator.run(product, 1, 0).value().risk()[0];
        if (Math.abs(r0 - 0.145) > 1e-12) {
            throw new IllegalStateException("unexpected initial risk " + r0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * D)
    public Object sgdProduct() {
        return DlnSimulator.run(product, 1, 0);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * D)
    public Object sgdSquares() {
        return DlnSimulator.run(squares, 1, 0);
    }

    /** The Gaussian-generation bound: the scaled sample of every step and its label noise, nothing else. */
    @Benchmark
    @OperationsPerInvocation(STEPS * D)
    public double gaussianBound() {
        GaussianStream g = GaussianStream.of(1);
        double s = 0;
        for (int step = 0; step < STEPS; step++) {
            g.fillScaled(scale, x, D);
            s += x[step % D] + g.nextGaussian();
        }
        return s;
    }
}
