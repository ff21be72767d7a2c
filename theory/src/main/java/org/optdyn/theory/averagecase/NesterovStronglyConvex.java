package org.optdyn.theory.averagecase;

import java.util.Arrays;

import org.optdyn.engine.quadratic.IterationSchedule;

/**
 * Nesterov's method with constant momentum (NAG-SC, section 2.3):
 * {@code P_{t+1} = (1 - h lambda)[(1 + b) P_t - b P_{t-1}]}, {@code P_{-1} = P_0 = 1}; asymptotic per-step factor
 * {@code 1 - 1/sqrt(kappa)} on {@code [l, L]} with the standard parameters.
 *
 * @param step {@code h > 0}
 * @param beta {@code b in [0, 1)}
 */
public record NesterovStronglyConvex(double step, double beta) implements PolynomialMethod {

    public NesterovStronglyConvex {
        PolynomialMethod.checkPositive("step", step);
        if (!(beta >= 0.0 && beta < 1.0)) {
            throw new IllegalArgumentException("beta must lie in [0, 1), got " + beta);
        }
    }

    /** @return {@code h = 1/L}, {@code b = (sqrt kappa - 1)/(sqrt kappa + 1)}. */
    public static NesterovStronglyConvex standard(double lower, double upper) {
        PolynomialMethod.checkInterval(lower, upper);
        if (lower == 0.0) {
            throw new IllegalArgumentException("lower must be > 0 for the strongly convex schedule, got 0");
        }
        double sk = Math.sqrt(upper / lower);
        return new NesterovStronglyConvex(1.0 / upper, (sk - 1.0) / (sk + 1.0));
    }

    @Override
    public String name() {
        return "NAG-SC h=" + (float) step + " b=" + (float) beta;
    }

    @Override
    public IterationSchedule schedule(int steps) {
        PolynomialMethod.checkSteps(steps);
        double[] h = new double[steps];
        double[] b = new double[steps];
        Arrays.fill(h, step);
        Arrays.fill(b, beta);
        return new IterationSchedule.Nesterov(h, b);
    }
}
