package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import org.optdyn.engine.testing.ThreadAllocations;
import org.junit.jupiter.api.Test;

/**
 * Steps allocate nothing after construction: measured with the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}), which counts every TLAB and heap
 * allocation of this thread, interpreted or compiled, read through {@link ThreadAllocations}; its own cost is
 * calibrated and subtracted. The oracles used here allocate nothing themselves.
 */
class AllocationFreeStepsTest {

    /**
     * Measured steps. Any allocation costs at least 16 bytes (an object header), so a step that allocates would show
     * at least {@code 16 * STEPS} bytes; the assertion allows less than one byte per step, which leaves room only for
     * rare one-off JVM events on this thread (tens of bytes, seen after compilations) and never for a per-step
     * allocation.
     */
    private static final int STEPS = 2_000;

    /** Bytes this thread allocates while running {@code body}, minus the cost of the measurement itself. */
    private static long allocatedBy(Runnable body) {
        for (int i = 0; i < 100; i++) {
            ThreadAllocations.allocatedBytes(); // warm the measurement path up
        }
        long calibrateStart = ThreadAllocations.allocatedBytes();
        long calibrateEnd = ThreadAllocations.allocatedBytes();
        long overhead = calibrateEnd - calibrateStart;
        long start = ThreadAllocations.allocatedBytes();
        body.run();
        long end = ThreadAllocations.allocatedBytes();
        return end - start - overhead;
    }

    /**
     * The smallest allocation of up to {@code ROUNDS} consecutive rounds of {@code body}. Until the JIT has compiled
     * a loop, interpreted or C1 code may allocate (for example Vector API values are objects until C2 intrinsifies
     * them), so a steady state is reached only after some rounds; a step that allocates in steady state allocates in
     * every round and still fails.
     */
    private static long steadyStateAllocation(Runnable body) {
        long min = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS && min >= STEPS; round++) {
            min = Math.min(min, allocatedBy(body));
        }
        return min;
    }

    /**
     * Up to 250 rounds (500 000 steps): with the Vector API kernels on this 2-core machine, C2 had intrinsified every
     * kernel after 10-15 rounds of 2 000 calls; the rest is margin for a busy compile queue. Rounds stop at the first
     * clean one, so a passing run costs a few of them.
     */
    private static final int ROUNDS = 250;

    @Test
    void everyRuleAndOracleStepRunsWithoutAllocating() {
        assertThat(ThreadAllocations.allocatedBytes()).isPositive();
        int n = 64;
        double[] h = Quadratics.logSpaced(n);
        GradientOracle f = Quadratics.diagonal(h);
        float[] hf = new float[n];
        for (int i = 0; i < n; i++) {
            hf[i] = (float) h[i];
        }
        FloatGradientOracle ff = Quadratics.diagonal(hf);
        DoubleOracleStep[] doubles = {
            DoubleOracleStep.of(new Sgd(n, Sgd.Config.nesterov(0.9).withWeightDecay(1e-4))),
            DoubleOracleStep.of(new Adam(n, Adam.Config.adamW(1e-2).withAmsgrad(true))),
            DoubleOracleStep.of(new AdaGradNorm(n, new AdaGradNorm.Config(1.0))),
            new Sam(Sam.Config.of(0.05), Adam.withDefaults(n)),
            new PreconditionedSam(PreconditionedSam.Config.suggested(0.05, 10), Sgd.plain(n)),
            new Extragradient(n),
            new OptimisticGradient(n),
        };
        FloatOracleStep[] floats = {
            FloatOracleStep.of(new FloatSgd(n, Sgd.Config.nesterov(0.9))),
            FloatOracleStep.of(new FloatAdam(n, Adam.Config.adamW(1e-2).withAmsgrad(true))),
            FloatOracleStep.of(new FloatAdaGradNorm(n, new AdaGradNorm.Config(1.0))),
            new FloatSam(Sam.Config.of(0.05), FloatSgd.plain(n)),
            new FloatExtragradient(n),
            new FloatOptimisticGradient(n),
        };
        double[] w = new double[n];
        float[] wf = new float[n];
        for (DoubleOracleStep step : doubles) {
            java.util.Arrays.fill(w, 1.0);
            long bytes = steadyStateAllocation(() -> {
                for (int t = 0; t < STEPS; t++) {
                    step.step(w, f, 1e-3);
                }
            });
            assertThat(bytes).as("%s", step).isLessThan(STEPS);
        }
        for (FloatOracleStep step : floats) {
            java.util.Arrays.fill(wf, 1.0f);
            long bytes = steadyStateAllocation(() -> {
                for (int t = 0; t < STEPS; t++) {
                    step.step(wf, ff, 1e-3f);
                }
            });
            assertThat(bytes).as("%s", step).isLessThan(STEPS);
        }
    }
}
