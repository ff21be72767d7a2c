package org.optdyn.theory.averagecase;

import org.optdyn.engine.quadratic.IterationSchedule;

/**
 * The Laguerre method, optimal for the exponential ESD with mean {@code lambda0} (section 2.9, [PS20]):
 * {@code x_{t+1} = x_t - g_t/(lambda0 (t + 2)) + (t/(t + 2))(x_t - x_{t-1})},
 * {@code P_t(lambda) = L_t^{(1)}(lambda/lambda0)/(t + 1)} and {@code D_t = R^2/(t + 1)}.
 *
 * @param mean {@code lambda0 > 0} (estimable as {@code tr(H)/d})
 */
public record Laguerre(double mean) implements PolynomialMethod {

    public Laguerre {
        PolynomialMethod.checkPositive("mean", mean);
    }

    @Override
    public String name() {
        return "Laguerre";
    }

    @Override
    public IterationSchedule schedule(int steps) {
        PolynomialMethod.checkSteps(steps);
        double[] h = new double[steps];
        double[] m = new double[steps];
        for (int t = 0; t < steps; t++) {
            h[t] = 1.0 / (mean * (t + 2.0));
            m[t] = t / (t + 2.0);
        }
        return new IterationSchedule.Momentum(h, m);
    }
}
