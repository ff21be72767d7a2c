package org.optdyn.engine.optim;

/**
 * One step of an optimizer that queries a {@link GradientOracle} itself, possibly several times (SAM, extragradient)
 * or with memory of past queries (optimistic gradient). For a smooth game with vector field {@code F}, pass
 * {@code F} as the oracle: every step then moves against {@code F}, {@code w <- w - eta F(.)}.
 *
 * <p>Every update rule is also an oracle step: {@link #of(DoubleUpdateRule)} queries the oracle once at
 * {@code params} and hands the gradient to the rule (for a game with plain {@link Sgd} this is simultaneous
 * gradient descent-ascent). State is allocated at construction; steps allocate nothing. On {@code double[]}
 * ({@link FloatOracleStep} is the {@code float[]} twin).
 */
public interface DoubleOracleStep {

    /** @return the number of parameters the state was allocated for. */
    int dimension();

    /**
     * One step.
     *
     * @param params       parameters (read and written), length {@link #dimension()}
     * @param oracle       the gradient oracle (or game vector field); called with internal buffers, never with
     *                     {@code params} as output
     * @param learningRate the step's learning rate, finite and {@code >= 0}
     */
    void step(double[] params, GradientOracle oracle, double learningRate);

    /** Resets the internal state (buffers, memory of past gradients, the wrapped rule's state). */
    void reset();

    /**
     * @param rule an update rule
     * @return the oracle step that evaluates the gradient once at {@code params} and applies {@code rule}
     */
    static DoubleOracleStep of(DoubleUpdateRule rule) {
        return new RuleOracleStep(rule);
    }
}
