package org.optdyn.theory.averagecase;

import org.optdyn.engine.quadratic.IterationSchedule;

/**
 * An oblivious first-order method: its coefficients depend only on {@code t} and summary constants, so that
 * {@code e_t = P_t(H) e_0} with a residual polynomial {@code P_t}, {@code P_t(0) = 1}
 * (docs/theory/average-case.md, sections 1.3 and 2). The {@link IterationSchedule} is both what the engine runs on a
 * quadratic and what {@link ResidualPolynomials} evaluates, so theory and simulation share one set of coefficients.
 */
public interface PolynomialMethod {

    /** @return a short label for reports, e.g. {@code "GD h=0.25"}. */
    String name();

    /**
     * @param steps number of steps {@code T >= 0}
     * @return the coefficients of steps {@code 0..T-1}
     */
    IterationSchedule schedule(int steps);

    /** Validates a step count. */
    static void checkSteps(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
    }

    /** Validates an interval {@code 0 <= lower < upper}. */
    static void checkInterval(double lower, double upper) {
        if (!(lower >= 0.0) || !Double.isFinite(lower)) {
            throw new IllegalArgumentException("lower must be finite and >= 0, got " + lower);
        }
        if (!(upper > lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("upper must be finite and > lower = " + lower + ", got " + upper);
        }
    }

    /** Validates a positive finite parameter. */
    static void checkPositive(String name, double v) {
        if (!(v > 0.0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }
}
