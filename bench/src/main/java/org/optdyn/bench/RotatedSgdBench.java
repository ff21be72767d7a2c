package org.optdyn.bench;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGeneratorFactory;
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
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.HomogenizedSgd;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StepGrid;
import org.optdyn.engine.stream.StreamingSimulator;

/**
 * Cost of one streaming SGD step on a Haar-rotated covariance {@code K = U diag(lambda) U^T} (issue 10 §3), in ns per
 * step at {@code d = 1000}, against two baselines measured in the same run: the dense {@code d x d} matrix-vector
 * product {@code U v} alone (the sample {@code a = U (sqrt(lambda) .* z)} is one; it reads {@code 8 d^2} bytes, so
 * its time over {@code 8 d^2} is the effective bandwidth), and the same problem with a diagonal {@code K}
 * ({@code O(d)} per step). Homogenized SGD on the same rotated problem runs in {@code K}'s eigenbasis and costs
 * {@code O(d)} per step ({@link HomogenizedSgd}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class RotatedSgdBench {

    static final int D = 1000;
    static final int STEPS = 400;
    static final StepGrid GRID = StepGrid.linear((double) STEPS / D, 1, D);

    private SimulationSpec rotated;
    private SimulationSpec diagonal;
    private double[] u;
    private double[] v;
    private double[] out;

    @Setup
    public void setup() {
        double[] lambda = Spectra.twoPoint(D, 1, 0.25).coordinateEigenvalues();
        var cov = Covariance.haar(lambda, RandomGeneratorFactory.of("L64X256MixRandom").create(7));
        rotated = SimulationSpec.of(cov, new LabelModel.LeastSquares(0.5), new LearningRateRule.Constant(1),
                InitialCondition.zeroStartUnitTarget(), GRID);
        diagonal = SimulationSpec.of(Covariance.diagonal(lambda), new LabelModel.LeastSquares(0.5),
                new LearningRateRule.Constant(1), InitialCondition.zeroStartUnitTarget(), GRID);
        u = cov.rotation();
        v = new double[D];
        out = new double[D];
        var rng = RandomGeneratorFactory.of("L64X256MixRandom").create(8);
        for (int i = 0; i < D; i++) {
            v[i] = rng.nextGaussian();
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Object sgdRotated() {
        return StreamingSimulator.run(rotated, new RandomStreams(1), 0);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Object sgdDiagonal() {
        return StreamingSimulator.run(diagonal, new RandomStreams(1), 0);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Object hsgdRotated() {
        return HomogenizedSgd.run(rotated, new RandomStreams(1), 0);
    }

    /** Baseline: one dense {@code d x d} product {@code U v} by row dot products (per operation). */
    @Benchmark
    public double matVec() {
        var k = Kernels.doubles();
        for (int r = 0; r < D; r++) {
            out[r] = k.dot(u, r * D, v, 0, D);
        }
        return out[D - 1];
    }
}
