package org.optdyn.engine.optim;

/**
 * A first-order oracle: writes the gradient (for games, the vector field F) at {@code params} into
 * {@code gradOut}, on {@code double[]} ({@link FloatGradientOracle} is the {@code float[]} twin). Oracle steps (SAM,
 * extragradient, optimistic gradient) call it more than once per step.
 */
@FunctionalInterface
public interface GradientOracle {

    /**
     * @param params  the point (read only; implementations must not modify it)
     * @param gradOut the gradient at {@code params} (written; same length as {@code params}, never aliases it)
     */
    void gradient(double[] params, double[] gradOut);
}
