package org.optdyn.theory.averagecase;

import java.util.Arrays;

import org.optdyn.engine.quadratic.IterationSchedule;

/**
 * Gradient descent {@code x_{t+1} = x_t - h g_t}, {@code P_t(lambda) = (1 - h lambda)^t} (section 2.1).
 *
 * @param step {@code h > 0}
 */
public record GradientDescent(double step) implements PolynomialMethod {

    public GradientDescent {
        PolynomialMethod.checkPositive("step", step);
    }

    @Override
    public String name() {
        return "GD h=" + (float) step;
    }

    @Override
    public IterationSchedule schedule(int steps) {
        PolynomialMethod.checkSteps(steps);
        double[] h = new double[steps];
        Arrays.fill(h, step);
        return new IterationSchedule.Momentum(h, new double[steps]);
    }
}
