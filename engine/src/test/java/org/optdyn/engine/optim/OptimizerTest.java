package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;

class OptimizerTest {

    @Test
    void divergenceIsReportedWithTheStepInsteadOfProducingNaN() {
        // GD on f = 50 w^2 (L = 100) with eta = 1: w_t = (-99)^t. ||w||^2 overflows once |w| > 1.34e154, i.e.
        // 99^t > 1.34e154 <=> t > 77.2: the first non-finite check is after step 78.
        double[] w = {1.0};
        var outcome = Optimizer.of(Sgd.plain(1), LearningRateSchedule.constant(1.0))
                .run(w, Quadratics.diagonal(new double[] {100.0}), 1000);
        assertThat(outcome).isInstanceOf(Outcome.Diverged.class);
        assertThat(outcome.value().taken()).isEqualTo(78);
        assertThat(((Outcome.Diverged<Steps>) outcome).reason()).contains("Infinity").contains("step 78");

        float[] wf = {1.0f};
        // float: |w|^2 overflows float at |w| > 1.84e19, 99^t > 1.84e19 <=> t > 9.6: after step 10
        var floatOutcome = FloatOptimizer.of(FloatSgd.plain(1), LearningRateSchedule.constant(1.0))
                .run(wf, Quadratics.diagonal(new float[] {100.0f}), 1000);
        assertThat(floatOutcome).isInstanceOf(Outcome.Diverged.class);
        assertThat(floatOutcome.value().taken()).isEqualTo(10);
    }

    @Test
    void floatOracleStepsTrackTheirDoubleTwinsOnAContractingGame() {
        // Extragradient and optimistic gradient on the 1-mode bilinear game x y (sigma = 1), eta = 0.25: both
        // contract (moduli 0.9703 and 0.9659), so float rounding errors (u_f = 6e-8 per operation, ~5 operations per
        // coordinate and step) are damped and stay below 300 * 5 * 6e-8 = 1e-4 of the O(1) initial point.
        GradientOracle f = (w, g) -> {
            g[0] = w[1];
            g[1] = -w[0];
        };
        FloatGradientOracle ff = (w, g) -> {
            g[0] = w[1];
            g[1] = -w[0];
        };
        DoubleOracleStep[] doubles = {new Extragradient(2), new OptimisticGradient(2)};
        FloatOracleStep[] floats = {new FloatExtragradient(2), new FloatOptimisticGradient(2)};
        for (int k = 0; k < 2; k++) {
            double[] w = {0.6, -0.8};
            float[] wf = {0.6f, -0.8f};
            for (int t = 0; t < 300; t++) {
                doubles[k].step(w, f, 0.25);
                floats[k].step(wf, ff, 0.25f);
            }
            assertThat(Quadratics.norm(w)).isLessThan(1e-3);
            assertThat((double) wf[0]).as("%s", floats[k]).isCloseTo(w[0], within(1e-4));
            assertThat((double) wf[1]).as("%s", floats[k]).isCloseTo(w[1], within(1e-4));
        }
    }

    @Test
    void floatAdamReproducesTheHandComputedIteratesToFloatPrecision() {
        // the AdamTest known answers; float: ~15 operations per coordinate and step, 3 steps, values O(1), each
        // operation a relative u_f = 6e-8 on quantities of size <= 2: bound 3 * 15 * 6e-8 * 2 = 5.4e-6, and the step
        // itself is 0.1 sign-like, so in practice far smaller.
        float[] h = {1.0f, 10.0f, 0.5f};
        float[] w = {1.0f, -2.0f, 0.5f};
        var step = FloatOracleStep.of(FloatAdam.withDefaults(3));
        double[][] expected = {
            {0.90000000099999999, -1.90000000005, 0.40000000399999984},
            {0.80041222971233739111, -1.8001664857113870687, 0.30118742787358645718},
            {0.70158627450441421423, -1.7006233914339454897, 0.20487126209775302768},
        };
        for (double[] e : expected) {
            step.step(w, Quadratics.diagonal(h), 0.1f);
            for (int i = 0; i < 3; i++) {
                assertThat((double) w[i]).isCloseTo(e[i], within(5.4e-6));
            }
        }
    }
}
