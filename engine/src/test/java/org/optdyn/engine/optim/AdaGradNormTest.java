package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;

class AdaGradNormTest {

    @Test
    void accumulatorAddsTheSquaredGradientNormBeforeEachNormalisedStep() {
        // b0 = 1, eta = 0.5. g1 = (3, 4): b1^2 = 1 + 25 = 26, w1 = -0.5 (3, 4)/sqrt(26).
        // g2 = (1, 0): b2^2 = 27, w2 = w1 - 0.5 (1, 0)/sqrt(27).  g3 = (0, 0): nothing changes.
        var rule = new AdaGradNorm(2, new AdaGradNorm.Config(1.0));
        assertThat(rule.accumulator()).isEqualTo(1.0);
        double[] w = new double[2];
        rule.step(w, new double[] {3.0, 4.0}, 0.5);
        assertThat(rule.accumulator()).isEqualTo(26.0);
        assertThat(w).containsExactly(new double[] {-1.5 / Math.sqrt(26), -2.0 / Math.sqrt(26)}, within(1e-16));
        rule.step(w, new double[] {1.0, 0.0}, 0.5);
        assertThat(rule.accumulator()).isEqualTo(27.0);
        assertThat(rule.effectiveLearningRate(0.5)).isCloseTo(0.5 / Math.sqrt(27), within(1e-16));
        assertThat(w).containsExactly(
                new double[] {-1.5 / Math.sqrt(26) - 0.5 / Math.sqrt(27), -2.0 / Math.sqrt(26)}, within(1e-15));
        rule.step(w, new double[] {0.0, 0.0}, 0.5);
        assertThat(rule.accumulator()).isEqualTo(27.0);
        rule.reset();
        assertThat(rule.accumulator()).isEqualTo(1.0);

        var floats = new FloatAdaGradNorm(2, new AdaGradNorm.Config(1.0));
        float[] wf = new float[2];
        floats.step(wf, new float[] {3.0f, 4.0f}, 0.5f);
        assertThat(floats.accumulator()).isEqualTo(26.0);
        // float: one rounding of the step size and one of the fma, relative 2 u_f = 1.2e-7.
        assertThat(wf[0]).isCloseTo((float) (-1.5 / Math.sqrt(26)), within(2e-7f));
        assertThat(wf[1]).isCloseTo((float) (-2.0 / Math.sqrt(26)), within(2e-7f));
    }

    @Test
    void adaGradNormConvergesFromALearningRateFarAboveTheStabilityLimit() {
        // Ward, Wu and Bottou 2019: AdaGrad-Norm converges for any eta > 0, b0 > 0, without knowing L. Here
        // eta / b0 = 10 / 0.1 = 100 >> 2/L = 0.02 (plain GD at that step diverges). The accumulator grows until the
        // effective step is stable; convergence of the stiffest coordinate requires eta / b_inf <= 2/L, which we
        // assert, together with the loss decreasing below 1e-12 L(w0).
        int d = 10;
        double[] h = Quadratics.logSpaced(d);
        double[] w = new double[d];
        java.util.Arrays.fill(w, 1.0);
        double loss0 = Quadratics.loss(h, w);
        var rule = new AdaGradNorm(d, new AdaGradNorm.Config(0.1));
        var outcome = Optimizer.of(rule, LearningRateSchedule.constant(10.0)).run(w, Quadratics.diagonal(h), 3000);
        assertThat(outcome).isEqualTo(new Outcome.Completed<>(new Steps(3000)));
        assertThat(rule.effectiveLearningRate(10.0)).isLessThanOrEqualTo(2.0 / 100.0);
        assertThat(Quadratics.loss(h, w)).isLessThan(1e-12 * loss0);

        double[] x = new double[d];
        java.util.Arrays.fill(x, 1.0);
        assertThat(Optimizer.of(Sgd.plain(d), LearningRateSchedule.constant(100.0)).run(x, Quadratics.diagonal(h), 3000))
                .isInstanceOf(Outcome.Diverged.class);
    }
}
