package org.optdyn.engine.optim;

import java.util.Arrays;

/**
 * Optimistic gradient descent (past-gradient extrapolation: Popov 1980; Daskalakis, Ilyas, Syrgkanis and Zeng 2018,
 * "optimistic mirror descent" OGDA), on {@code double[]} ({@link FloatOptimisticGradient} is the {@code float[]}
 * twin). One oracle call per step and the field of the previous step kept in memory:
 * <pre>
 *   w_{t+1} = w_t - 2 eta F(w_t) + eta F(w_{t-1})       (first step: F(w_{-1}) := F(w_0), i.e. w_1 = w_0 - eta F(w_0))
 * </pre>
 * This is Popov's extragradient, whose extrapolation reuses the last look-ahead field
 * ({@code u_t = w_t - eta F(u_{t-1})}, {@code w_{t+1} = w_t - eta F(u_t)}), written in its look-ahead sequence:
 * eliminating {@code w} gives {@code u_{t+1} = u_t - 2 eta F(u_t) + eta F(u_{t-1})}, so the iterates here are
 * Popov's points {@code u_t}. On the bilinear game each singular value {@code sigma} of {@code A}
 * gives, in complex coordinates {@code z = u + i v} of its singular pair, the recurrence
 * {@code z_{t+1} = (1 + 2 i eta sigma) z_t - i eta sigma z_{t-1}}, whose characteristic roots
 * {@code r^2 - (1 + 2 i eta sigma) r + i eta sigma = 0} lie inside the unit disk iff {@code eta sigma < 1/sqrt(3)}
 * (boundary located numerically at 0.5773503; the roots coincide at {@code 1/sqrt(2)} for {@code eta sigma = 1/2}). The fused loop {@code w -= eta (2 g - g_prev)} is written here (no kernel for it
 * yet; C2 vectorises it): 32 bytes per coordinate.
 */
public final class OptimisticGradient implements DoubleOracleStep {

    private double[] grad;
    private double[] previous;
    private boolean hasPrevious;

    /** @param dimension number of parameters, {@code >= 1} */
    public OptimisticGradient(int dimension) {
        Checks.dimension(dimension);
        this.grad = new double[dimension];
        this.previous = new double[dimension];
    }

    @Override
    public int dimension() {
        return grad.length;
    }

    @Override
    public void step(double[] params, GradientOracle oracle, double learningRate) {
        int n = grad.length;
        Checks.length("params", params.length, n);
        Checks.learningRate(learningRate);
        double[] g = grad;
        oracle.gradient(params, g);
        double[] p = hasPrevious ? previous : g;
        for (int i = 0; i < n; i++) {
            params[i] -= learningRate * (2.0 * g[i] - p[i]);
        }
        grad = previous;
        previous = g;
        hasPrevious = true;
    }

    @Override
    public void reset() {
        hasPrevious = false;
        Arrays.fill(previous, 0.0);
    }

    @Override
    public String toString() {
        return "OptimisticGradient";
    }
}
