package org.optdyn.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.testing.ThreadAllocations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.testing.ThreadAllocations;

/**
 * Homogenized SGD allocates nothing per step: a run of {@code 2N} steps allocates no more than a run of {@code N}
 * steps on the same two-point grid (same buffers and records), measured with the JVM's per-thread allocation counter
 * (looked up by name, as in the optimizers' {@code AllocationFreeStepsTest}). Any per-step allocation would cost at
 * least 16 bytes (an object header) per step, i.e. {@code 16 N} bytes; the assertion allows less than one byte per
 * extra step, room only for rare one-off JVM events. Until C2 has compiled the step loop and intrinsified the Vector
 * API kernels, interpreted or C1 code allocates (vector values are objects there), so the difference is taken as the
 * smallest over up to {@value #ROUNDS} rounds, stopping at the first clean one (the optimizers' test saw C2 finish
 * after 10-15 rounds of 2 000 kernel calls on this 2-core machine): a per-step allocation in steady state shows in
 * every round and still fails.
 */
class HomogenizedSgdAllocationTest {

    private static final int ROUNDS = 150;

    private static long allocatedByRun(SimulationSpec spec) {
        long start = ThreadAllocations.allocatedBytes();
        var out = HomogenizedSgd.run(spec, new RandomStreams(1), 0);
        long end = ThreadAllocations.allocatedBytes();
        assertThat(out).isInstanceOf(Outcome.Completed.class);
        return end - start;
    }

    private static SimulationSpec spec(String kind, double horizon) {
        int d = 64;
        var grid = StepGrid.atTimes(new double[] {horizon}, d);
        return switch (kind) {
            case "ls-adagrad" -> SimulationSpec.of(Covariance.diagonal(Spectra.twoPoint(d, 1, 0.25)),
                    new LabelModel.LeastSquares(0.5), new LearningRateRule.AdaGradNorm(1, 1),
                    InitialCondition.zeroStartUnitTarget(), grid);
            case "ls-identity-schedule" -> SimulationSpec.of(Covariance.diagonal(Spectra.identity(d)),
                    new LabelModel.LeastSquares(0.5), new LearningRateRule.Schedule(t -> 1 / (1 + t)),
                    InitialCondition.zeroStartUnitTarget(), grid);
            case "logistic" -> SimulationSpec.of(Covariance.diagonal(Spectra.identity(d)), new LabelModel.Logistic(),
                    new LearningRateRule.Constant(1), InitialCondition.zeroStartUnitTarget(), grid);
            default -> SimulationSpec.of(Covariance.diagonal(Spectra.identity(d)),
                    new LabelModel.PhaseRetrieval(0.2), new LearningRateRule.Constant(0.1),
                    InitialCondition.warmStart(0.5, 0.5), grid);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ls-adagrad", "ls-identity-schedule", "logistic", "phase-retrieval"})
    void doublingTheNumberOfStepsAllocatesNothingMore(String kind) {
        double horizon = kind.equals("logistic") ? 4 : 50;
        var shortRun = spec(kind, horizon);
        var longRun = spec(kind, 2 * horizon);
        long steps = (long) (horizon * 64);
        long extra = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS && extra >= steps; round++) {
            extra = Math.min(extra, allocatedByRun(longRun) - allocatedByRun(shortRun));
        }
        assertThat(extra).as("bytes allocated by %d extra steps", steps).isLessThan(steps);
    }
}
