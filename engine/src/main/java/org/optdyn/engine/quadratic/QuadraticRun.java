package org.optdyn.engine.quadratic;

/**
 * The curves of a polynomial method run on a quadratic ({@link QuadraticRunner#run}), indexed by the step
 * {@code t}: {@code t = 0..steps} ({@code steps + 1} entries) for a completed run, {@code t < step} for a run that
 * diverged at {@code step}. Curves not requested are empty arrays.
 *
 * @param squaredDistance     {@code ||x_t - x*||^2}
 * @param gap                 {@code f(x_t) - f*} (empty unless requested)
 * @param squaredGradientNorm {@code ||grad f(x_t)||^2} (empty unless requested)
 */
public record QuadraticRun(double[] squaredDistance, double[] gap, double[] squaredGradientNorm) {

    /** Copies the arrays. */
    public QuadraticRun {
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
