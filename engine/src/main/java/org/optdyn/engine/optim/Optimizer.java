package org.optdyn.engine.optim;

import java.util.Objects;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.outcome.Outcome;

/**
 * A driver that applies an oracle step (or an update rule, through {@link DoubleOracleStep#of}) with a learning-rate
 * schedule, step by step, on {@code double[]} ({@link FloatOptimizer} is the {@code float[]} twin). Step {@code t}
 * (counting from 0 since construction or {@link #reset()}) uses the learning rate {@code schedule.at(t)}, which the
 * {@literal float} driver rounds to {@literal float} once per step.
 *
 * <pre>{@code
 * var opt = Optimizer.of(Adam.withDefaults(n), LearningRateSchedule.constant(1e-2));
 * Outcome<Steps> outcome = opt.run(w, oracle, 1000);
 * }</pre>
 */
public final class Optimizer {

    private final DoubleOracleStep step;
    private final LearningRateSchedule schedule;
    private long t;

    /**
     * @param step     the oracle step (SAM, extragradient, optimistic gradient, or a wrapped update rule)
     * @param schedule the learning-rate schedule
     */
    public Optimizer(DoubleOracleStep step, LearningRateSchedule schedule) {
        this.step = Objects.requireNonNull(step, "step");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** @return a driver that queries the gradient once per step and applies {@code rule}. */
    public static Optimizer of(DoubleUpdateRule rule, LearningRateSchedule schedule) {
        return new Optimizer(DoubleOracleStep.of(rule), schedule);
    }

    /** @return the number of steps taken since construction or the last {@link #reset()}. */
    public long stepCount() {
        return t;
    }

    /** @return the learning rate the next step will use. */
    public double nextLearningRate() {
        return schedule.at(t); // float: return (float) schedule.at(t);
    }

    /**
     * One step with learning rate {@code schedule.at(stepCount())}.
     *
     * @param params parameters (read and written)
     * @param oracle the gradient oracle
     * @return the learning rate used
     */
    public double step(double[] params, GradientOracle oracle) {
        double lr = schedule.at(t); // float: float lr = (float) schedule.at(t);
        step.step(params, oracle, lr);
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
     * @return {@link Outcome.Completed} with the steps taken, or {@link Outcome.Diverged} with the step (1-based
     *         within this run) after which the parameters were first non-finite, no time, and as many steps taken
     */
    public Outcome<Steps> run(double[] params, GradientOracle oracle, long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + ": must be >= 0");
        }
        Checks.length("params", params.length, step.dimension());
        for (long k = 1; k <= steps; k++) {
            step(params, oracle);
            double s = Kernels.doubles().sumOfSquares(params, 0, params.length);
            if (!Double.isFinite(s)) {
                return new Outcome.Diverged<>(k, "||params||^2 = " + s + " after step " + k
                        + " (learning rate " + schedule.at(t - 1) + ")", new Steps(k));
            }
        }
        return new Outcome.Completed<>(new Steps(steps));
    }

    /** Resets the step counter and the oracle step's state. */
    public void reset() {
        t = 0;
        step.reset();
    }
}
