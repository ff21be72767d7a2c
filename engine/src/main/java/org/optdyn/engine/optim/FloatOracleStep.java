package org.optdyn.engine.optim;

/** The {@code float[]} twin of {@link DoubleOracleStep}. */
public interface FloatOracleStep {

    /** @return the number of parameters the state was allocated for. */
    int dimension();

    /**
     * One step.
     *
     * @param params       parameters (read and written), length {@link #dimension()}
     * @param oracle       the gradient oracle (or game vector field)
     * @param learningRate the step's learning rate, finite and {@code >= 0}
     */
    void step(float[] params, FloatGradientOracle oracle, float learningRate);

    /** Resets the internal state. */
    void reset();

    /**
     * @param rule an update rule
     * @return the oracle step that evaluates the gradient once at {@code params} and applies {@code rule}
     */
    static FloatOracleStep of(FloatUpdateRule rule) {
        return new FloatRuleOracleStep(rule);
    }
}
