package org.optdyn.engine.stream;

import java.util.Objects;
import java.util.function.IntFunction;
import org.optdyn.engine.optim.DoubleUpdateRule;

/**
 * Everything one streaming-SGD run needs (sgd-ode.md §8).
 *
 * @param covariance       data covariance {@code K}
 * @param model            label model (least squares, logistic, phase retrieval)
 * @param learningRate     learning-rate rule for the order-one rate {@code g_k}
 * @param initialCondition draws {@code X_0} and {@code X*} per run
 * @param grid             recording steps; its last step is the number of SGD steps; its dimension must be {@code d}
 * @param batchSize        samples averaged per step, {@code >= 1} (the gradient is their mean)
 * @param recordOverlaps   record the per-eigenvalue overlaps {@code xi_i^2}, {@code xi_i xi*_i} (diagonal K only)
 * @param updateRule       creates the update rule for dimension {@code d} (applied with step {@code g_k/d}); or
 *                         {@code null} for plain SGD {@code X <- X - (g_k/d) grad} via the axpy kernel
 */
public record SimulationSpec(Covariance covariance, LabelModel model, LearningRateRule learningRate,
                             InitialCondition initialCondition, StepGrid grid, int batchSize, boolean recordOverlaps,
                             IntFunction<DoubleUpdateRule> updateRule) {

    public SimulationSpec {
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(learningRate, "learningRate");
        Objects.requireNonNull(initialCondition, "initialCondition");
        Objects.requireNonNull(grid, "grid");
        if (grid.dimension() != covariance.dimension()) {
            throw new IllegalArgumentException("grid.dimension = " + grid.dimension() + " but covariance has d = "
                    + covariance.dimension());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (recordOverlaps && !covariance.isDiagonal()) {
            throw new IllegalArgumentException("recordOverlaps needs a diagonal covariance (U = I)");
        }
        boolean idealized = learningRate instanceof LearningRateRule.ExactLineSearch
                || learningRate instanceof LearningRateRule.Polyak;
        if (idealized && !(model instanceof LabelModel.LeastSquares)) {
            throw new IllegalArgumentException("learningRate " + learningRate
                    + " uses least-squares population closed forms; model is " + model);
        }
    }

    /** @return a plain-SGD, batch-1 specification without per-eigenvalue overlaps. */
    public static SimulationSpec of(Covariance covariance, LabelModel model, LearningRateRule learningRate,
                                    InitialCondition initialCondition, StepGrid grid) {
        return new SimulationSpec(covariance, model, learningRate, initialCondition, grid, 1, false, null);
    }

    /** @return a copy that records per-eigenvalue overlaps. */
    public SimulationSpec withOverlaps() {
        return new SimulationSpec(covariance, model, learningRate, initialCondition, grid, batchSize, true,
                updateRule);
    }

    /** @return a copy with the given batch size. */
    public SimulationSpec withBatchSize(int batch) {
        return new SimulationSpec(covariance, model, learningRate, initialCondition, grid, batch, recordOverlaps,
                updateRule);
    }

    /** @return a copy that applies the given update rule. */
    public SimulationSpec withUpdateRule(IntFunction<DoubleUpdateRule> rule) {
        return new SimulationSpec(covariance, model, learningRate, initialCondition, grid, batchSize,
                recordOverlaps, Objects.requireNonNull(rule, "rule"));
    }
}
