package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every public boundary rejects bad input with an IllegalArgumentException that names the argument and value. */
class BadInputTest {

    private static void rejects(ThrowingCallable call, String... fragments) {
        var assertion = assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
        for (String f : fragments) {
            assertion.hasMessageContaining(f);
        }
    }

    @Test
    void mismatchedLengthsAreRejectedByEveryRuleAndStep() {
        rejects(() -> Sgd.plain(3).step(new double[2], new double[3], 0.1), "params.length = 2", "dimension = 3");
        rejects(() -> Sgd.plain(3).step(new double[3], new double[4], 0.1), "grad.length = 4");
        rejects(() -> Adam.withDefaults(3).step(new double[3], new double[2], 0.1), "grad.length = 2");
        rejects(() -> new AdaGradNorm(3, new AdaGradNorm.Config(1)).step(new double[1], new double[3], 0.1),
                "params.length = 1");
        rejects(() -> FloatSgd.plain(3).step(new float[2], new float[3], 0.1f), "params.length = 2");
        rejects(() -> FloatAdam.withDefaults(3).step(new float[3], new float[5], 0.1f), "grad.length = 5");
        rejects(() -> new FloatAdaGradNorm(2, new AdaGradNorm.Config(1)).step(new float[3], new float[2], 0.1f),
                "params.length = 3");
        GradientOracle zero = (p, g) -> { };
        FloatGradientOracle zeroF = (p, g) -> { };
        rejects(() -> new Sam(Sam.Config.of(0.1), Sgd.plain(3)).step(new double[4], zero, 0.1), "params.length = 4");
        rejects(() -> new Extragradient(3).step(new double[2], zero, 0.1), "params.length = 2");
        rejects(() -> new OptimisticGradient(3).step(new double[2], zero, 0.1), "params.length = 2");
        rejects(() -> DoubleOracleStep.of(Sgd.plain(3)).step(new double[2], zero, 0.1), "params.length = 2");
        rejects(() -> new FloatSam(Sam.Config.of(0.1), FloatSgd.plain(3)).step(new float[4], zeroF, 0.1f),
                "params.length = 4");
        rejects(() -> new FloatExtragradient(3).step(new float[2], zeroF, 0.1f), "params.length = 2");
        rejects(() -> new FloatOptimisticGradient(3).step(new float[2], zeroF, 0.1f), "params.length = 2");
        rejects(() -> Optimizer.of(Sgd.plain(3), LearningRateSchedule.constant(0.1)).run(new double[2], zero, 5),
                "params.length = 2");
        double[] same = new double[3];
        rejects(() -> Sgd.plain(3).step(same, same, 0.1), "alias");
    }

    @Test
    void nanNegativeOrInfiniteLearningRatesAreRejected() {
        double[] w = new double[2];
        double[] g = new double[2];
        rejects(() -> Sgd.plain(2).step(w, g, Double.NaN), "learningRate = NaN");
        rejects(() -> Adam.withDefaults(2).step(w, g, -0.1), "learningRate = -0.1");
        rejects(() -> new AdaGradNorm(2, new AdaGradNorm.Config(1)).step(w, g, Double.POSITIVE_INFINITY),
                "learningRate = Infinity");
        rejects(() -> FloatAdam.withDefaults(2).step(new float[2], new float[2], Float.NaN), "learningRate = NaN");
        rejects(() -> new Extragradient(2).step(w, (p, o) -> { }, Double.NaN), "learningRate = NaN");
        rejects(() -> new Sam(Sam.Config.of(0.1), Sgd.plain(2)).step(w, (p, o) -> { }, Double.NaN),
                "learningRate = NaN");
        rejects(() -> new OptimisticGradient(2).step(w, (p, o) -> { }, -1.0), "learningRate = -1.0");
    }

    @Test
    void invalidHyperparametersAreRejectedNamingTheArgumentAndValue() {
        rejects(() -> Sam.Config.of(-0.05), "rho = -0.05");
        rejects(() -> Sam.Config.unnormalized(Double.NaN), "rho = NaN");
        rejects(() -> new Adam.Config(1.0, 0.999, 1e-8, 0, false, false), "beta1 = 1.0");
        rejects(() -> Adam.Config.DEFAULT.withBetas(0.9, -0.1), "beta2 = -0.1");
        rejects(() -> Adam.Config.DEFAULT.withEpsilon(Double.NaN), "epsilon = NaN");
        rejects(() -> Adam.Config.adamW(-1e-4), "weightDecay = -1.0E-4");
        rejects(() -> Sgd.Config.heavyBall(1.0), "momentum = 1.0");
        rejects(() -> Sgd.Config.heavyBall(-1.0), "momentum = -1.0");
        rejects(() -> Sgd.Config.heavyBall(Double.NaN), "momentum = NaN");
        rejects(() -> Sgd.Config.heavyBall(0.9).withWeightDecay(Double.POSITIVE_INFINITY), "weightDecay = Infinity");
        rejects(() -> new Sgd.Config(0.0, true, 0.0), "nesterov", "momentum = 0.0");
        rejects(() -> new AdaGradNorm.Config(0.0), "b0 = 0.0");
        rejects(() -> new Extragradient(3, Double.NaN), "extrapolationRatio = NaN");
        rejects(() -> PreconditionedSam.Config.suggested(-1.0, 10), "rho = -1.0");
        rejects(() -> PreconditionedSam.Config.suggested(0.05, 0), "refreshEvery = 0");
        rejects(() -> new PreconditionedSam.Config(0.05, true, 0.999, 0.0, 10, 0.9), "delta = 0.0");
        rejects(() -> PreconditionedSam.fixed(0.05, true, new double[] {1.0, 0.0}, Sgd.plain(2)),
                "preconditioner[1] = 0.0");
        rejects(() -> PreconditionedSam.fixed(0.05, true, new double[] {1.0}, Sgd.plain(2)),
                "preconditioner.length = 1");
        rejects(() -> Sgd.plain(0), "dimension = 0");
        rejects(() -> new FloatAdam(-2, Adam.Config.DEFAULT), "dimension = -2");
        rejects(() -> new OptimisticGradient(0), "dimension = 0");
        rejects(() -> Optimizer.of(Sgd.plain(1), LearningRateSchedule.constant(0.1))
                .run(new double[1], (p, g) -> { }, -1), "steps = -1");
    }
}
