package org.optdyn.engine.optim;

import java.util.Objects;

/** {@link DoubleOracleStep#of}: one oracle call at {@code params}, then the wrapped rule. */
final class RuleOracleStep implements DoubleOracleStep {

    private final DoubleUpdateRule rule;
    private final double[] grad;

    RuleOracleStep(DoubleUpdateRule rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.grad = new double[Checks.dimension(rule.dimension())];
    }

    @Override
    public int dimension() {
        return grad.length;
    }

    @Override
    public void step(double[] params, GradientOracle oracle, double learningRate) {
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
