package org.optdyn.engine.optim;

/**
 * The {@code float[]} twin of {@link DoubleUpdateRule}: a state machine over a parameter array of fixed dimension;
 * the state is allocated once at construction and steps allocate nothing.
 */
public interface FloatUpdateRule {

    /** @return the number of parameters the state was allocated for. */
    int dimension();

    /**
     * One step with an explicit learning rate (the caller owns the schedule or adaptive rule).
     *
     * @param params       parameters (read and written), length {@link #dimension()}
     * @param grad         gradient at {@code params} (read only), length {@link #dimension()}
     * @param learningRate the step's learning rate, finite and {@code >= 0}
     */
    void step(float[] params, float[] grad, float learningRate);

    /** Resets the internal state (moments, accumulators, step counter) to its initial value. */
    void reset();
}
