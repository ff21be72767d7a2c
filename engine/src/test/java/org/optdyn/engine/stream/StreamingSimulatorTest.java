package org.optdyn.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.optim.DoubleUpdateRule;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.spectrum.Spectra;

class StreamingSimulatorTest {

    private static SimulationSpec identityLs(int d, double gamma, double horizon) {
        return SimulationSpec.of(Covariance.diagonal(Spectra.identity(d)), new LabelModel.LeastSquares(0),
                new LearningRateRule.Constant(gamma), InitialCondition.zeroStartUnitTarget(),
                StepGrid.linear(horizon, 10, d));
    }

    @Test
    void resultsAreIdenticalForOneAndThreeThreads() {
        var spec = SimulationSpec.of(Covariance.diagonal(Spectra.twoPoint(64, 2, 0.5)),
                new LabelModel.LeastSquares(0.3), new LearningRateRule.AdaGradNorm(1, 0.5),
                InitialCondition.zeroStartUnitTarget(), StepGrid.linear(2, 8, 64));
        var one = StreamingSimulator.runMany(spec, 9, 7, 1);
        var three = StreamingSimulator.runMany(spec, 9, 7, 3);
        for (int r = 0; r < 7; r++) {
            var threaded = three.get(r).value();
            var serial = one.get(r).value().trajectory();
            assertThat(threaded.run()).isEqualTo(r);
            assertThat(threaded.trajectory().b11()).isEqualTo(serial.b11());
            assertThat(threaded.trajectory().learningRates()).isEqualTo(serial.learningRates());
        }
        // a run depends only on its index, not on how many runs were requested
        var single = StreamingSimulator.run(spec, new RandomStreams(9), 4);
        assertThat(single.value().trajectory().b12()).isEqualTo(one.get(4).value().trajectory().b12());
        // and different runs differ
        assertThat(one.get(0).value().trajectory().b11()).isNotEqualTo(one.get(1).value().trajectory().b11());
    }

    @Test
    void adaGradAccumulatorIncludesTheGradientAboutToBeUsed() {
        // d = 1, K = 1, X0 = 0, X* = 1: first gradient f' a = (0 - a) a = -a^2, so g_0 = eta / sqrt(b^2 + a^4)
        var spec = SimulationSpec.of(Covariance.diagonal(new double[] {1}), new LabelModel.LeastSquares(0),
                new LearningRateRule.AdaGradNorm(1.5, 0.7), InitialCondition.fixed(new double[] {0}, new double[] {1}),
                StepGrid.linear(1, 1, 1));
        var out = StreamingSimulator.run(spec, new RandomStreams(3), 0);
        double a = new RandomStreams(3).gaussian(0).nextGaussian();
        assertThat(out.value().trajectory().learningRates()[0]).isCloseTo(1.5 / Math.sqrt(0.49 + a * a * a * a),
                within(1e-15));
    }

    @Test
    void lineSearchAndPolyakGiveTheirClosedFormsOnIdentityNoiselessLeastSquares() {
        // K = I, omega = 0: line search |r|^2/(2 m2 R) = |r|^2/|r|^2 = 1; Polyak 1/lambda-bar = 1 (§5, N10)
        for (LearningRateRule rule : new LearningRateRule[] {new LearningRateRule.ExactLineSearch(),
                new LearningRateRule.Polyak()}) {
            var spec = SimulationSpec.of(Covariance.diagonal(Spectra.identity(50)), new LabelModel.LeastSquares(0),
                    rule, InitialCondition.lineSearch(), StepGrid.linear(2, 5, 50));
            var out = StreamingSimulator.run(spec, new RandomStreams(1), 0);
            for (double g : out.value().trajectory().learningRates()) {
                assertThat(g).as("%s", rule).isCloseTo(1.0, within(1e-12));
            }
        }
        // two-point {1, 0.25}, noiseless: Polyak is 1/lambda-bar = 1.6 exactly (N10)
        var spec = SimulationSpec.of(Covariance.diagonal(Spectra.twoPoint(40, 1, 0.25)),
                new LabelModel.LeastSquares(0), new LearningRateRule.Polyak(), InitialCondition.lineSearch(),
                StepGrid.linear(1, 4, 40));
        for (double g : StreamingSimulator.run(spec, new RandomStreams(1), 0).value().trajectory().learningRates()) {
            assertThat(g).isCloseTo(1.6, within(1e-12));
        }
    }

    @Test
    void perEigenvalueOverlapsSumToTheOverlapMatrix() {
        var spec = SimulationSpec.of(Covariance.diagonal(Spectra.powerLaw(40, 0.3)),
                new LabelModel.Logistic(), new LearningRateRule.Constant(1), InitialCondition.zeroStartUnitTarget(),
                StepGrid.linear(1, 4, 40)).withOverlaps();
        var t = StreamingSimulator.run(spec, new RandomStreams(2), 0).value().trajectory();
        double[] lambda = Spectra.powerLaw(40, 0.3).coordinateEigenvalues();
        for (int j = 0; j < t.size(); j++) {
            double b11 = 0;
            double b12 = 0;
            double norm2 = 0;
            for (int i = 0; i < 40; i++) {
                b11 += lambda[i] * t.overlapXX()[j][i];
                b12 += lambda[i] * t.overlapXTarget()[j][i];
                norm2 += t.overlapXX()[j][i];
            }
            // sums of 40 non-negative (b11, norm2) or mixed-sign (b12) terms: rounding below 1e-14 absolute here
            assertThat(b11).isCloseTo(t.b11()[j], within(1e-14));
            assertThat(b12).isCloseTo(t.b12()[j], within(1e-14));
            assertThat(norm2).isCloseTo(t.norm2()[j], within(1e-14));
        }
        assertThat(t.b11()[t.size() - 1]).isGreaterThan(0);
    }

    @Test
    void constantRateAboveTheThresholdDivergesAtThePredictedTime() {
        // K = I, gamma = 2.5 > 2: the ODE risk is exp(-gamma(2-gamma)t)/2 = exp(1.25 t)/2 (§3.3), so the proxy 2R
        // crosses 1e6 x max(P(0) = 1, B22 = 1) at t* = ln(1e6)/1.25 = 11.05. Fluctuation of ln R at d = 256:
        // 1.25 sqrt(2 t/d) = 0.37 (N13), i.e. 0.3 time units, plus the finite-d bias of the growth rate
        // (q^d with q = 1 - 2g/d + g^2 (d+2)/d^2: rate 1.2695 instead of 1.25, t* = 10.88) and the check interval
        // 1/16: a window of +-1.5 is 5 standard deviations.
        var out = StreamingSimulator.run(identityLs(256, 2.5, 40), new RandomStreams(4), 0);
        assertThat(out).isInstanceOf(Outcome.Diverged.class);
        var dv = (Outcome.Diverged<RunTrajectory>) out;
        assertThat(dv.time()).isCloseTo(Math.log(1e6) / 1.25, within(1.5));
        assertThat(dv.step()).isEqualTo(Math.round(dv.time() * 256));
        for (double b : dv.value().trajectory().b11()) {
            assertThat(b).isFinite();
        }
        // just below the threshold the same run completes
        assertThat(StreamingSimulator.run(identityLs(256, 1.9, 40), new RandomStreams(4), 0))
                .isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void customUpdateRuleAndBatchPathAgreeWithTheBuiltInSgd() {
        var base = SimulationSpec.of(Covariance.diagonal(Spectra.twoPoint(32, 1, 0.5)),
                new LabelModel.PhaseRetrieval(0.1), new LearningRateRule.Constant(0.3),
                InitialCondition.warmStart(0.5, 0.5), StepGrid.linear(1, 4, 32));
        DoubleUpdateRule sgd = new DoubleUpdateRule() {
            @Override public int dimension() {
                return 32;
            }

            @Override public void step(double[] params, double[] grad, double lr) {
                for (int i = 0; i < params.length; i++) {
                    params[i] -= lr * grad[i];
                }
            }

            @Override public void reset() {
            }
        };
        var builtIn = StreamingSimulator.run(base, new RandomStreams(8), 0).value().trajectory();
        var custom = StreamingSimulator.run(base.withUpdateRule(n -> sgd), new RandomStreams(8), 0).value()
                .trajectory();
        var batch1 = StreamingSimulator.run(base.withBatchSize(1), new RandomStreams(8), 0).value().trajectory();
        assertThat(batch1.b11()).isEqualTo(builtIn.b11());
        // same arithmetic up to the order of one multiplication per coordinate per step: 32 steps x rounding
        for (int j = 0; j < builtIn.size(); j++) {
            assertThat(custom.b11()[j]).isCloseTo(builtIn.b11()[j], within(1e-12));
        }
        // batch 8 averages 8 samples per step: a different run, but well defined and finite
        var b8 = StreamingSimulator.run(base.withBatchSize(8), new RandomStreams(8), 0);
        assertThat(b8).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void haarRotationIsOrthogonal() {
        var cov = Covariance.haar(Spectra.identity(50).coordinateEigenvalues(), new java.util.SplittableRandom(3));
        double[] u = cov.rotation();
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 50; j++) {
                double dot = 0;
                for (int k = 0; k < 50; k++) {
                    dot += u[k * 50 + i] * u[k * 50 + j];
                }
                // twice-orthogonalized Gram-Schmidt: orthogonal to a few ulp times d
                assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-13));
            }
        }
        double[] x = new double[50];
        double[] back = new double[50];
        double[] xi = new double[50];
        x[7] = 1;
        cov.toEigenbasis(x, xi);
        cov.fromEigenbasis(xi, back);
        assertThat(back[7]).isCloseTo(1, within(1e-13));
    }

    @Test
    void badInputIsRejectedWithTheArgumentNamed() {
        assertThatThrownBy(() -> Covariance.diagonal(new double[] {1, -0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eigenvalues[1]")
                .hasMessageContaining("-0.5");
        assertThatThrownBy(() -> Covariance.diagonal(new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all zero");
        assertThatThrownBy(() -> Covariance.rotated(new double[] {1, 1}, new double[] {1, 1, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not orthogonal");
        assertThatThrownBy(() -> new LabelModel.LeastSquares(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noiseSd");
        assertThatThrownBy(() -> new LearningRateRule.AdaGradNorm(1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b must be");
        assertThatThrownBy(() -> new LearningRateRule.Constant(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma");
        assertThatThrownBy(() -> SimulationSpec.of(Covariance.diagonal(Spectra.identity(4)),
                new LabelModel.Logistic(), new LearningRateRule.ExactLineSearch(),
                InitialCondition.zeroStartUnitTarget(), StepGrid.linear(1, 2, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("least-squares");
        assertThatThrownBy(() -> SimulationSpec.of(Covariance.diagonal(Spectra.identity(4)),
                new LabelModel.Logistic(), new LearningRateRule.Constant(1),
                InitialCondition.zeroStartUnitTarget(), StepGrid.linear(1, 2, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid.dimension = 5");
        assertThatThrownBy(() -> identityLs(4, 1, 1).withBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> StepGrid.linear(-1, 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("horizon");
        assertThatThrownBy(() -> Spectra.twoPoint(5, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even d");
        assertThatThrownBy(() -> StreamingSimulator.runMany(identityLs(4, 1, 1), 1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
        var nan = SimulationSpec.of(Covariance.diagonal(Spectra.identity(2)), new LabelModel.LeastSquares(0),
                new LearningRateRule.Constant(1), InitialCondition.fixed(new double[] {Double.NaN, 0},
                        new double[] {1, 0}), StepGrid.linear(1, 2, 2));
        assertThatThrownBy(() -> StreamingSimulator.run(nan, new RandomStreams(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }
}
