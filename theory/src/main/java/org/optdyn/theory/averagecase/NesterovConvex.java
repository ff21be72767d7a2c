package org.optdyn.theory.averagecase;

import java.util.Arrays;

import org.optdyn.engine.quadratic.IterationSchedule;

/**
 * Nesterov's method for convex problems (NAG-C, section 2.4 and convention 10.3): {@code b_t = (t - 1)/(t + 2)},
 * {@code x_{-1} = x_0}, so {@code x_1, x_2} are plain gradient steps. Other codes use {@code t/(t + 3)}, a one-step
 * shift with the same exponents but other constants.
 *
 * @param step {@code h > 0} (default {@code 1/L})
 */
public record NesterovConvex(double step) implements PolynomialMethod {

    public NesterovConvex {
        PolynomialMethod.checkPositive("step", step);
    }

    @Override
    public String name() {
        return "NAG-C h=" + (float) step;
    }

    @Override
    public IterationSchedule schedule(int steps) {
        PolynomialMethod.checkSteps(steps);
        double[] h = new double[steps];
        double[] b = new double[steps];
        Arrays.fill(h, step);
        for (int t = 0; t < steps; t++) {
            b[t] = (t - 1.0) / (t + 2.0); // b_0 = -1/2 multiplies x_0 - x_{-1} = 0
        }
        return new IterationSchedule.Nesterov(h, b);
    }
}
