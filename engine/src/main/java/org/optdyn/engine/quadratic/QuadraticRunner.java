package org.optdyn.engine.quadratic;

import java.util.Arrays;
import java.util.Objects;

import org.optdyn.engine.kernel.DoubleKernels;
import org.optdyn.engine.kernel.Kernels;
import org.optdyn.engine.outcome.Outcome;

/**
 * Runs an {@link IterationSchedule} on a {@link DenseQuadratic} through its gradient oracle only, recording
 * {@code ||x_t - x*||^2} and optionally {@code f(x_t) - f*} and {@code ||grad f(x_t)||^2} for {@code t = 0..T}
 * (docs/theory/average-case.md, section 9.1 step 4).
 *
 * <p>Per step: one gradient (a dense matrix-vector product, {@code d} kernel dots) plus three kernel passes
 * ({@code scaleInPlace}, two {@code axpyInPlace}); Nesterov's recurrence needs a second product only when the gap or
 * gradient norm at {@code x_t} is recorded. All work arrays are allocated before the loop.
 */
public final class QuadraticRunner {

    /** Growth factor of {@code ||x_t - x*||^2} over {@code ||x_0 - x*||^2} beyond which a run counts as diverged. */
    public static final double DIVERGENCE_FACTOR = 1e100;

    private QuadraticRunner() {
    }

    /**
     * @param schedule     the method's coefficients for {@code T} steps
     * @param problem      the quadratic
     * @param x0           the initial point (read)
     * @param recordGapAndGradient whether to record {@code f(x_t) - f*} and {@code ||grad f(x_t)||^2}
     * @return the curves, or where the run diverged: {@link Outcome.Diverged} with the first step {@code t} whose
     *         iterate was rejected (non-finite or more than {@link #DIVERGENCE_FACTOR} times the initial distance),
     *         no time, and the curves for {@code t < step}
     */
    public static Outcome<QuadraticRun> run(IterationSchedule schedule, DenseQuadratic problem, double[] x0,
                                            boolean recordGapAndGradient) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(problem, "problem");
        int d = problem.dimension();
        Kernels.requireSameLength("x0", x0.length, "problem dimension", d);
        int steps = schedule.steps();
        DoubleKernels k = Kernels.doubles();
        double[] x = x0.clone();
        double[] other = x0.clone(); // x_{t-1}, and the scratch for the next iterate
        double[] g = new double[d];
        double[] dist = new double[steps + 1];
        double[] gap = recordGapAndGradient ? new double[steps + 1] : new double[0];
        double[] grad = recordGapAndGradient ? new double[steps + 1] : new double[0];
        double limit = DIVERGENCE_FACTOR * Math.max(problem.squaredDistance(x), Double.MIN_NORMAL);
        boolean nesterov = schedule instanceof IterationSchedule.Nesterov;
        for (int t = 0; ; t++) {
            double dt = problem.squaredDistance(x);
            if (!Double.isFinite(dt) || dt > limit) {
                return new Outcome.Diverged<>(t, "||x_t - x*||^2 = " + dt + " at step " + t,
                        new QuadraticRun(prefix(dist, t), prefix(gap, t), prefix(grad, t)));
            }
            dist[t] = dt;
            boolean needGradientAtX = !nesterov || recordGapAndGradient;
            if (needGradientAtX && (t < steps || recordGapAndGradient)) {
                problem.gradient(x, g);
                if (recordGapAndGradient) {
                    // f(x) - f* = 1/2 (x - x*)^T H (x - x*) = 1/2 (x - x*)^T g
                    gap[t] = 0.5 * (k.dot(x, 0, g, 0, d) - problem.minimizerDot(g));
                    grad[t] = k.sumOfSquares(g, 0, d);
                }
            }
            if (t == steps) {
                break;
            }
            double h = schedule.step(t);
            if (schedule instanceof IterationSchedule.Momentum mom) {
                // other <- (1 + m) x - m x_{t-1} - h g
                double m = mom.momentum(t);
                k.scaleInPlace(-m, other, 0, d);
                k.axpyInPlace(1.0 + m, x, 0, other, 0, d);
                k.axpyInPlace(-h, g, 0, other, 0, d);
            } else {
                // y = (1 + b) x - b x_{t-1} into other; x_{t+1} = y - h grad f(y)
                double b = ((IterationSchedule.Nesterov) schedule).beta(t);
                k.scaleInPlace(-b, other, 0, d);
                k.axpyInPlace(1.0 + b, x, 0, other, 0, d);
                problem.gradient(other, g);
                k.axpyInPlace(-h, g, 0, other, 0, d);
            }
            double[] swap = x;
            x = other;
            other = swap;
        }
        return new Outcome.Completed<>(new QuadraticRun(dist, gap, grad));
    }

    /** @return the first {@code t} entries of a curve (an unrecorded curve stays empty). */
    private static double[] prefix(double[] curve, int t) {
        return Arrays.copyOf(curve, Math.min(t, curve.length));
    }
}
