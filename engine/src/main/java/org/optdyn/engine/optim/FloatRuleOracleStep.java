package org.optdyn.engine.optim;

import java.util.Objects;

/** {@link FloatOracleStep#of}: one oracle call at {@code params}, then the wrapped rule. */
final class FloatRuleOracleStep implements FloatOracleStep {

    private final FloatUpdateRule rule;
    private final float[] grad;

    FloatRuleOracleStep(FloatUpdateRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.grad = new float[Checks.dimension(rule.dimension())];
    }

    @Override
    public int dimension() {
        return grad.length;
    }

    @Override
    public void step(float[] params, FloatGradientOracle oracle, float learningRate) {
        Checks.length("params", params.length, grad.length);
        Checks.learningRate(learningRate);
        oracle.gradient(params, grad);
        rule.step(params, grad, learningRate);
    }

    @Override
    public void reset() {
        rule.reset();
    }

    @Override
    public String toString() {
        return "gradient step of " + rule;
    }
}
