package org.optdyn.theory.averagecase;

import org.optdyn.engine.quadratic.IterationSchedule;

/**
 * The Marchenko–Pastur-optimal method of [PS20] (distance metric; section 2.7), written in the {@code delta} form
 * with the indexing fixed by section 10.4:
 * <pre>
 *   rho = (1 + r)/sqrt r,   delta_0 = -1/rho,   delta_t = -1/(rho + delta_{t-1})
 *   x_1 = x_0 - g_0 / ((1 + r) sigma^2)
 *   x_{t+1} = x_t + (1 + rho delta_t)(x_{t-1} - x_t) + delta_t g_t / (sigma^2 sqrt r)      (t >= 1)
 * </pre>
 * i.e. form (M) with {@code h_t = -delta_t/(sigma^2 sqrt r)}, {@code m_t = delta_{t-1} delta_t}. Its residual
 * polynomials are {@code U_t(sigma(lambda))/U_t(sigma_0)} on the MP support. It needs only {@code sigma^2}
 * (estimable as {@code tr(H)/d}) and {@code r}. Starting the recursion from {@code delta_0 = 0} at {@code t = 1}
 * (a one-step shift) is not optimal; check A-13 guards this.
 *
 * @param ratio  {@code r = d/n > 0}
 * @param sigma2 {@code sigma^2 > 0}
 */
public record MarchenkoPasturOptimal(double ratio, double sigma2) implements PolynomialMethod {

    public MarchenkoPasturOptimal {
        PolynomialMethod.checkPositive("ratio", ratio);
        PolynomialMethod.checkPositive("sigma2", sigma2);
    }

    @Override
    public String name() {
        return "MP-optimal r=" + (float) ratio;
    }

    @Override
    public IterationSchedule schedule(int steps) {
        PolynomialMethod.checkSteps(steps);
        double[] h = new double[steps];
        double[] m = new double[steps];
        double sr = Math.sqrt(ratio);
        double rho = (1.0 + ratio) / sr;
        double delta = -1.0 / rho; // delta_0
        for (int t = 0; t < steps; t++) {
            if (t == 0) {
                h[0] = 1.0 / ((1.0 + ratio) * sigma2);
                continue;
            }
            double next = -1.0 / (rho + delta);
            h[t] = -next / (sigma2 * sr);
            m[t] = delta * next;
            delta = next;
        }
        return new IterationSchedule.Momentum(h, m);
    }
}
