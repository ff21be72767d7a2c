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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.Covariance;
import org.optdyn.engine.stream.InitialCondition;
import org.optdyn.engine.stream.LabelModel;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.RunTrajectory;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StepGrid;
import org.optdyn.engine.stream.StreamingSimulator;

/**
 * Streaming least-squares SGD throughput at d = 10^4, in nanoseconds per coordinate per step: one invocation runs
 * {@value #STEPS} steps (t = 0.2) of a fresh run, so the score with {@code @OperationsPerInvocation(STEPS * D)} is
 * ns/(coordinate x step). Variants: the simulator with identity and power-law (diagonal, scaled fill) covariance;
 * a hand-written baseline with the same arithmetic but {@code L64X256MixRandom.nextGaussian()} for the sample; and
 * two seeds on two threads ({@code runMany}) against two seeds on one thread (score per coordinate-step of all runs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class StreamingSgdBench {

    static final int D = 10_000;
    static final int STEPS = 2_000;
    /** Records at t = 0 and t = STEPS/D only: recording is O(d) per point and not part of the step cost. */
    static final StepGrid GRID = StepGrid.linear((double) STEPS / D, 1, D);

    private SimulationSpec identity;
    private SimulationSpec powerLaw;
    private double[] x;
    private double[] target;
    private double[] a;
    private RandomGenerator l64;

    @Setup
    public void setup() {
        identity = SimulationSpec.of(Covariance.diagonal(Spectra.identity(D)), new LabelModel.LeastSquares(0.5),
                new LearningRateRule.Constant(1), InitialCondition.zeroStartUnitTarget(), GRID);
        powerLaw = SimulationSpec.of(Covariance.diagonal(Spectra.powerLaw(D, 0.3)),
                new LabelModel.LeastSquares(0.5), new LearningRateRule.Constant(1),
                InitialCondition.zeroStartUnitTarget(), GRID);
        x = new double[D];
        target = new double[D];
        a = new double[D];
        l64 = RandomGeneratorFactory.of("L64X256MixRandom").create(3);
        for (int i = 0; i < D; i++) {
            target[i] = l64.nextGaussian() / Math.sqrt(D);
        }
        // agreement check before timing: the simulator's first record is the initial condition (risk 1/2 + 1/8)
        Outcome<RunTrajectory> o = StreamingSimulator.run(identity, new RandomStreams(1), 0);
        double r0 = o.value().trajectory().leastSquaresRisk(0.5)[0];
        if (Math.abs(r0 - 0.625) > 1e-12) {
            throw new IllegalStateException("unexpected initial risk " + r0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * D)
    public Object simulatorIdentity() {
        return StreamingSimulator.run(identity, new RandomStreams(1), 0);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * D)
    public Object simulatorPowerLaw() {
        return StreamingSimulator.run(powerLaw, new RandomStreams(1), 0);
    }

    /** Same arithmetic as the simulator (sample, two dots, axpy), with the JDK's nextGaussian for the sample. */
    @Benchmark
    @OperationsPerInvocation(STEPS * D)
    public double baselineNextGaussian() {
        java.util.Arrays.fill(x, 0.0);
        var k = Kernels.doubles();
        double invD = 1.0 / D;
        for (int step = 0; step < STEPS; step++) {
            for (int i = 0; i < D; i++) {
                a[i] = l64.nextGaussian();
            }
            double eps = 0.5 * l64.nextGaussian();
            double fp = k.dot(a, 0, x, 0, D) - k.dot(a, 0, target, 0, D) - eps;
            k.axpyInPlace(-invD * fp, a, 0, x, 0, D);
        }
        return x[0];
    }

    @Benchmark
    @OperationsPerInvocation(2 * STEPS * D)
    public Object twoSeedsTwoThreads() {
        return StreamingSimulator.runMany(identity, 1, 2, 2);
    }

    @Benchmark
    @OperationsPerInvocation(2 * STEPS * D)
    public Object twoSeedsOneThread() {
        return StreamingSimulator.runMany(identity, 1, 2, 1);
    }
}
