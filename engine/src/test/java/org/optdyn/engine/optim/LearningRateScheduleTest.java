package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constantStepAndCosineSchedulesGiveTheirDefiningValues() {
        assertThat(LearningRateSchedule.constant(0.3).at(12345)).isEqualTo(0.3);

        var step = new LearningRateSchedule.StepDecay(1.0, 0.5, 10);
        assertThat(step.at(0)).isEqualTo(1.0);
        assertThat(step.at(9)).isEqualTo(1.0);
        assertThat(step.at(10)).isEqualTo(0.5);
        assertThat(step.at(25)).isEqualTo(0.25);

        // eta_min + (eta_0 - eta_min)(1 + cos(pi t/T))/2 with eta_0 = 1, eta_min = 0.1, T = 100
        var cosine = new LearningRateSchedule.Cosine(1.0, 0.1, 100);
        assertThat(cosine.at(0)).isEqualTo(1.0);
        assertThat(cosine.at(50)).isCloseTo(0.55, within(1e-15));
        assertThat(cosine.at(25)).isCloseTo(0.1 + 0.9 * (1 + Math.sqrt(0.5)) / 2, within(1e-15));
        assertThat(cosine.at(100)).isCloseTo(0.1, within(1e-16));
        assertThat(cosine.at(1000)).isCloseTo(0.1, within(1e-16));
    }

    @Test
    void linearWarmupRampsToTheWrappedScheduleAndThenShiftsIt() {
        var cosine = new LearningRateSchedule.Cosine(0.8, 0.0, 20);
        LearningRateSchedule warm = cosine.withLinearWarmup(4);
        assertThat(warm).isEqualTo(new LearningRateSchedule.LinearWarmup(4, cosine));
        assertThat(warm.at(0)).isCloseTo(0.2, within(1e-16));
        assertThat(warm.at(1)).isCloseTo(0.4, within(1e-16));
        assertThat(warm.at(3)).isCloseTo(0.8, within(1e-16));
        for (int t = 0; t < 30; t++) {
            assertThat(warm.at(4 + t)).isEqualTo(cosine.at(t));
        }
        assertThat(LearningRateSchedule.constant(0.5).withLinearWarmup(0).at(0)).isEqualTo(0.5);
    }

    @Test
    void theDriverUsesTheScheduleValueOfEachStep() {
        // with a constant unit gradient, plain SGD moves by exactly -eta_t per step, so w_T = -sum_{t<T} eta_t
        LearningRateSchedule schedule = new LearningRateSchedule.StepDecay(0.5, 0.5, 3).withLinearWarmup(2);
        var opt = Optimizer.of(Sgd.plain(1), schedule);
        double[] w = {0.0};
        double sum = 0.0;
        for (int t = 0; t < 12; t++) {
            assertThat(opt.nextLearningRate()).isEqualTo(schedule.at(t));
            assertThat(opt.step(w, (p, g) -> g[0] = 1.0)).isEqualTo(schedule.at(t));
            sum += schedule.at(t);
        }
        assertThat(opt.stepCount()).isEqualTo(12);
        assertThat(w[0]).isCloseTo(-sum, within(1e-15));
        opt.reset();
        assertThat(opt.stepCount()).isZero();
        assertThat(opt.nextLearningRate()).isEqualTo(0.25);
    }

    @Test
    void badScheduleParametersAreRejectedNamingTheArgument() {
        assertThatThrownBy(() -> LearningRateSchedule.constant(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate = NaN");
        assertThatThrownBy(() -> LearningRateSchedule.constant(-1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningRate = -1.0");
        assertThatThrownBy(() -> new LearningRateSchedule.StepDecay(1.0, 0.0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factor = 0.0");
        assertThatThrownBy(() -> new LearningRateSchedule.StepDecay(1.0, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every = 0");
        assertThatThrownBy(() -> new LearningRateSchedule.Cosine(0.1, 0.2, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum = 0.2");
        assertThatThrownBy(() -> new LearningRateSchedule.Cosine(0.1, 0.0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period = 0");
        assertThatThrownBy(() -> LearningRateSchedule.constant(0.1).withLinearWarmup(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps = -1");
        assertThatThrownBy(() -> LearningRateSchedule.constant(0.1).at(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step = -3");
    }
}
