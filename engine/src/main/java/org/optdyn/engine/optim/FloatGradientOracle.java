package org.optdyn.engine.optim;

/**
 * The {@code float[]} twin of {@link GradientOracle}: writes the gradient (for games, the vector field F) at
 * {@code params} into {@code gradOut}.
 */
@FunctionalInterface
public interface FloatGradientOracle {

    /**
     * @param params  the point (read only; implementations must not modify it)
     * @param gradOut the gradient at {@code params} (written; same length as {@code params}, never aliases it)
     */
    void gradient(float[] params, float[] gradOut);
}
