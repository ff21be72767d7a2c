package org.optdyn.engine.optim;

/**
 * An update rule that takes a gradient: a small state machine over a parameter array of fixed dimension
 * (Optax's {@code init}/{@code update}: the state is allocated once at construction, steps allocate nothing), on
 * {@code double[]} ({@link FloatUpdateRule} is the {@code float[]} twin).
 */
public interface DoubleUpdateRule {

    /** @return the number of parameters the state was allocated for. */
    int dimension();

    /**
     * One step with an explicit learning rate (the caller owns the schedule or adaptive rule).
     *
     * @param params       parameters (read and written), length {@link #dimension()}
     * @param grad         gradient at {@code params} (read only), length {@link #dimension()}
     * @param learningRate the step's learning rate, finite and {@code >= 0}
     */
    void step(double[] params, double[] grad, double learningRate);

    /** Resets the internal state (moments, accumulators, step counter) to its initial value. */
    void reset();
}
