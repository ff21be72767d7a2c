package org.optdyn.engine.optim;

import java.util.Arrays;

/** The {@code float[]} twin of {@link OptimisticGradient}: the same one-oracle step with memory of the last field. */
public final class FloatOptimisticGradient implements FloatOracleStep {

    private float[] grad;
    private float[] previous;
    private boolean hasPrevious;

    /** @param dimension number of parameters, {@code >= 1} */
    public FloatOptimisticGradient(int dimension) {
        Checks.dimension(dimension);
        this.grad = new float[dimension];
        this.previous = new float[dimension];
    }

    @Override
    public int dimension() {
        return grad.length;
    }

    @Override
    public void step(float[] params, FloatGradientOracle oracle, float learningRate) {
        int n = grad.length;
        Checks.length("params", params.length, n);
        Checks.learningRate(learningRate);
        float[] g = grad;
        oracle.gradient(params, g);
        float[] p = hasPrevious ? previous : g;
        for (int i = 0; i < n; i++) {
            params[i] -= learningRate * (2.0f * g[i] - p[i]);
        }
        grad = previous;
        previous = g;
        hasPrevious = true;
    }

    @Override
    public void reset() {
        hasPrevious = false;
        Arrays.fill(previous, 0.0f);
    }

    @Override
    public String toString() {
        return "FloatOptimisticGradient";
    }
}
