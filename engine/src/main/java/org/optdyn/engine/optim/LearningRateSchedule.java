package org.optdyn.engine.optim;

import java.util.Objects;

/**
 * A learning-rate schedule as a value: {@code at(t)} is the learning rate of step {@code t = 0, 1, 2, ...}. Usable
 * with every update rule and oracle step (they take the learning rate per step); {@link Optimizer} applies one step
 * by step. Schedules compose: {@link LinearWarmup} wraps any schedule.
 */
public sealed interface LearningRateSchedule
        permits LearningRateSchedule.Constant, LearningRateSchedule.StepDecay, LearningRateSchedule.Cosine,
        LearningRateSchedule.LinearWarmup {

    /**
     * @param step the step index, {@code >= 0}
     * @return the learning rate of that step (finite, {@code >= 0})
     */
    double at(long step);

    /** @return the constant schedule {@code eta}. */
    static LearningRateSchedule constant(double learningRate) {
        return new Constant(learningRate);
    }

    /** @return this schedule preceded by {@code warmupSteps} steps of linear warmup (see {@link LinearWarmup}). */
    default LearningRateSchedule withLinearWarmup(long warmupSteps) {
        return new LinearWarmup(warmupSteps, this);
    }

    /**
     * {@code eta_t = eta}.
     *
     * @param learningRate {@code eta}, finite and {@code >= 0}
     */
    record Constant(double learningRate) implements LearningRateSchedule {

        /** Validates the learning rate. */
        public Constant {
            Checks.finiteNonNegative("learningRate", learningRate);
        }

        @Override
        public double at(long step) {
            requireStep(step);
            return learningRate;
        }
    }

    /**
     * Step decay: {@code eta_t = eta_0 * factor^floor(t / every)}.
     *
     * @param initial {@code eta_0}, finite and {@code >= 0}
     * @param factor  multiplier applied every {@code every} steps, in {@code (0, 1]}
     * @param every   period of the decay in steps, {@code >= 1}
     */
    record StepDecay(double initial, double factor, long every) implements LearningRateSchedule {

        /** Validates the parameters. */
        public StepDecay {
            Checks.finiteNonNegative("initial", initial);
            if (!(factor > 0.0 && factor <= 1.0)) {
                throw new IllegalArgumentException("factor = " + factor + ": must lie in (0, 1]");
            }
            if (every < 1) {
                throw new IllegalArgumentException("every = " + every + ": must be >= 1");
            }
        }

        @Override
        public double at(long step) {
            requireStep(step);
            return initial * Math.pow(factor, (double) (step / every));
        }
    }

    /**
     * Cosine annealing without restarts (Loshchilov and Hutter 2017, SGDR eq. (5) with one period):
     * {@code eta_t = eta_min + (eta_0 - eta_min) (1 + cos(pi min(t, T) / T)) / 2}; constant {@code eta_min} after
     * {@code T} steps.
     *
     * @param initial {@code eta_0}, finite and {@code >= minimum}
     * @param minimum {@code eta_min}, finite and {@code >= 0}
     * @param period  {@code T}, the number of steps of the decay, {@code >= 1}
     */
    record Cosine(double initial, double minimum, long period) implements LearningRateSchedule {

        /** Validates the parameters. */
        public Cosine {
            Checks.finiteNonNegative("initial", initial);
            Checks.finiteNonNegative("minimum", minimum);
            if (minimum > initial) {
                throw new IllegalArgumentException("minimum = " + minimum + ": must be <= initial = " + initial);
            }
            if (period < 1) {
                throw new IllegalArgumentException("period = " + period + ": must be >= 1");
            }
        }

        @Override
        public double at(long step) {
            requireStep(step);
            double fraction = (double) Math.min(step, period) / period;
            return minimum + (initial - minimum) * 0.5 * (1.0 + Math.cos(Math.PI * fraction));
        }
    }

    /**
     * Linear warmup (Goyal et al. 2017, "gradual warmup") in front of another schedule:
     * {@code eta_t = then.at(0) (t + 1) / W} for {@code t < W}, then {@code eta_t = then.at(t - W)}. The first
     * step already moves ({@code eta_0 = then.at(0) / W}) and step {@code W - 1} reaches {@code then.at(0)}.
     *
     * @param steps {@code W}, the number of warmup steps, {@code >= 0} ({@code 0}: no warmup)
     * @param then  the schedule that follows the warmup
     */
    record LinearWarmup(long steps, LearningRateSchedule then) implements LearningRateSchedule {

        /** Validates the parameters. */
        public LinearWarmup {
            if (steps < 0) {
                throw new IllegalArgumentException("steps = " + steps + ": must be >= 0");
            }
            Objects.requireNonNull(then, "then");
        }

        @Override
        public double at(long step) {
            requireStep(step);
            if (step < steps) {
                return then.at(0) * ((double) (step + 1) / steps);
            }
            return then.at(step - steps);
        }
    }

    private static void requireStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step = " + step + ": must be >= 0");
        }
    }
}
