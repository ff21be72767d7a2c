package org.optdyn.engine.optim;

import java.util.Objects;
import org.optdyn.engine.kernel.Kernels;

/**
 * The {@code float[]} twin of {@link Optimizer}: applies a {@link FloatOracleStep} with a learning-rate schedule;
 * the schedule is evaluated in double and rounded to float once per step.
 */
public final class FloatOptimizer {

    private final FloatOracleStep step;
    private final LearningRateSchedule schedule;
    private long t;

    /**
     * @param step     the oracle step (SAM, extragradient, optimistic gradient, or a wrapped update rule)
     * @param schedule the learning-rate schedule
     */
    public FloatOptimizer(FloatOracleStep step, LearningRateSchedule schedule) {
        this.step = Objects.requireNonNull(step, "step");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** @return a driver that queries the gradient once per step and applies {@code rule}. */
    public static FloatOptimizer of(FloatUpdateRule rule, LearningRateSchedule schedule) {
        return new FloatOptimizer(FloatOracleStep.of(rule), schedule);
    }

    /** @return the number of steps taken since construction or the last {@link #reset()}. */
    public long stepCount() {
        return t;
    }

    /** @return the learning rate the next step will use. */
    public double nextLearningRate() {
        return schedule.at(t);
    }

    /**
     * One step with learning rate {@code schedule.at(stepCount())}.
     *
     * @param params parameters (read and written)
     * @param oracle the gradient oracle
     * @return the learning rate used
     */
    public double step(float[] params, FloatGradientOracle oracle) {
        double lr = schedule.at(t);
        step.step(params, oracle, (float) lr);
        t++;
        return lr;
    }

    /**
     * Takes {@code steps} steps, checking after each that the parameters are still finite (one extra reduction pass
     * per step); stops at the first non-finite state and reports it instead of continuing with NaN.
     *
     * @param params parameters (read and written)
     * @param oracle the gradient oracle
     * @param steps  number of steps, {@code >= 0}
     * @return {@link RunOutcome.Completed} or {@link RunOutcome.Diverged} with the step (1-based within this run)
     */
    public RunOutcome run(float[] params, FloatGradientOracle oracle, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + ": must be >= 0");
        }
        Checks.length("params", params.length, step.dimension());
        for (long k = 1; k <= steps; k++) {
            step(params, oracle);
            float s = Kernels.floats().sumOfSquares(params, 0, params.length);
            if (!Double.isFinite(s)) {
                return new RunOutcome.Diverged(k, "||params||^2 = " + s + " after step " + k
                        + " (learning rate " + schedule.at(t - 1) + ")");
            }
        }
        return new RunOutcome.Completed(steps);
    }

    /** Resets the step counter and the oracle step's state. */
    public void reset() {
        t = 0;
        step.reset();
    }
}
