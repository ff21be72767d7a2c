package org.optdyn.engine.quadratic;

/**
 * The result of running a polynomial method on a quadratic: every recorded curve holds the values at
 * {@code t = 0..steps} ({@code steps + 1} entries); curves not requested are empty arrays.
 */
public sealed interface RunOutcome {

    /** @return {@code ||x_t - x*||^2} for the steps completed. */
    double[] squaredDistance();

    /**
     * The run completed every step.
     *
     * @param squaredDistance     {@code ||x_t - x*||^2}
     * @param gap                 {@code f(x_t) - f*} (empty unless requested)
     * @param squaredGradientNorm {@code ||grad f(x_t)||^2} (empty unless requested)
     */
    record Completed(double[] squaredDistance, double[] gap, double[] squaredGradientNorm) implements RunOutcome {
        public Completed {
            squaredDistance = squaredDistance.clone();
            gap = gap.clone();
            squaredGradientNorm = squaredGradientNorm.clone();
        }

        @Override
        public double[] squaredDistance() {
            return squaredDistance.clone();
        }

        @Override
        public double[] gap() {
            return gap.clone();
        }

        @Override
        public double[] squaredGradientNorm() {
            return squaredGradientNorm.clone();
        }
    }

    /**
     * The iterate left every bound (non-finite or more than {@code 1e100} times the initial distance).
     *
     * @param step            the first step {@code t} whose iterate was rejected
     * @param reason          what was observed
     * @param squaredDistance the distances for {@code t < step}
     */
    record Diverged(int step, String reason, double[] squaredDistance) implements RunOutcome {
        public Diverged {
            squaredDistance = squaredDistance.clone();
        }

        @Override
        public double[] squaredDistance() {
            return squaredDistance.clone();
        }
    }
}
