package org.optdyn.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optdyn.engine.optim.Sgd;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;

/**
 * Homogenized SGD (sgd-ode.md §6) against the exact means of its Euler–Maruyama chain ({@link HomogenizedMeans}),
 * against the ODE's closed form (§3.3, N1), and its contract: determinism, divergence as a result, bad input.
 *
 * <p>Monte-Carlo tolerances: the mean of M independent runs minus its expectation, divided by the sample standard
 * error, is Student-t with M - 1 degrees of freedom up to the CLT error (the risk at t = 1 is close to log-normal
 * with a coefficient of variation 0.26 sqrt(t/d) or smaller, N13, so the t approximation is accurate for these M).
 * Quantiles used (scipy.stats.t.ppf, two-sided 1e-4): 4.06 (M = 100), 3.91 (M = 800), 3.90 (M >= 1500, 3.89 at
 * M = 4000). Each such assertion has false-failure probability 1e-4 per seed; the suite is deterministic because
 * the seeds are fixed.
 */
class HomogenizedSgdTest {

    private static final double T_M100 = 4.06;
    private static final double T_M800 = 3.91;
    private static final double T_LARGE = 3.90;

    private static SimulationSpec leastSquares(DiscreteSpectrum spectrum, double omega, LearningRateRule rule,
                                               double[] times) {
        int d = (int) spectrum.dimension();
        return SimulationSpec.of(Covariance.diagonal(spectrum), new LabelModel.LeastSquares(omega), rule,
                InitialCondition.zeroStartUnitTarget(), StepGrid.atTimes(times, d));
    }

    private static double[] uniform(int d, double v) {
        double[] m = new double[d];
        Arrays.fill(m, v);
        return m;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void identityLeastSquaresMeanAtTimeOneMatchesTheOdeValueWithinStudentTPlusTheDerivedHsgdBias(long seed) {
        // K = I, gamma = 1, omega = 0, d = 1024, X0 = 0, |X*| = 1: ODE R(1) = exp(-1)/2 = 0.1839397206 (N1).
        // HSGD bias (HomogenizedMeans javadoc): (gamma^2 - (2 gamma - gamma^2)^2/2) t R(t)/d = 0.5 R(1)/d = 9.0e-5
        // at leading order; the next order is O(d^-2) relative to it, and 10% more covers it (the exact recursion
        // gives 0.1840296739 - 0.1839397206 = 8.995e-5).
        int d = 1024;
        int m = 100;
        var spec = leastSquares(Spectra.identity(d), 0, new LearningRateRule.Constant(1), new double[] {1});
        var ms = MeanRecursionTest.meanAndSe(HomogenizedSgd.runMany(spec, seed, m, 2), 1, 0);
        double ode = 0.5 * Math.exp(-1);
        double bias = 1.1 * 0.5 * ode / d;
        assertThat(ms[0]).isCloseTo(ode, within(T_M100 * ms[1] + bias));
        // the exact finite-d mean of the chain, with no bias term
        double exact = HomogenizedMeans.expectedLeastSquaresRisk(spec, uniform(d, 1.0 / d), 1.0 / d)[1];
        assertThat(exact).isCloseTo(0.1840296739, within(1e-9));
        assertThat(ms[0]).isCloseTo(exact, within(T_M100 * ms[1]));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22})
    void atD32TheMeanMatchesTheHomogenizedRecursionAndIsResolvedFromSgdsRecursion(long seed) {
        // d = 32, gamma = 1, K = I: HSGD's exact mean 0.1869594164 (HomogenizedMeans), SGD's 0.1930792897 (§3.4).
        // sd of R(1) ~ 0.26/sqrt(32) = 0.046, so M = 4000 gives a standard error ~ 7.3e-4: the two recursions are
        // 8 standard errors apart, and the HSGD mean must be within 3.9 of its own and beyond 3.9 of SGD's
        // (failure probability of the second, if the solver is right: P(t > 8 - 3.9) < 1e-4).
        int d = 32;
        int m = 4000;
        var spec = leastSquares(Spectra.identity(d), 0, new LearningRateRule.Constant(1), new double[] {1});
        var ms = MeanRecursionTest.meanAndSe(HomogenizedSgd.runMany(spec, seed, m, 2), 1, 0);
        double hsgd = HomogenizedMeans.expectedLeastSquaresRisk(spec, uniform(d, 1.0 / d), 1.0 / d)[1];
        assertThat(hsgd).isCloseTo(0.5 * Math.pow(1 - 2.0 / d + (d + 1.0) / ((double) d * d), d), within(1e-15));
        assertThat(ms[0]).isCloseTo(hsgd, within(T_LARGE * ms[1]));
        assertThat(Math.abs(ms[0] - 0.1930792897)).isGreaterThan(T_LARGE * ms[1]);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32})
    void twoPointSpectrumWithNoiseMatchesTheExactMeansAtTimesOneAndFive(long seed) {
        // N3's spectrum {1, 0.25}, gamma = 1, omega = 0.5, d = 64; m_i(0) = 1/d for the isotropic unit X*
        int d = 64;
        int m = 800;
        var spec = leastSquares(Spectra.twoPoint(d, 1, 0.25), 0.5, new LearningRateRule.Constant(1),
                new double[] {1, 5});
        var runs = HomogenizedSgd.runMany(spec, seed, m, 2);
        double[] exact = HomogenizedMeans.expectedLeastSquaresRisk(spec, uniform(d, 1.0 / d), 1.0 / d);
        for (int j = 1; j <= 2; j++) {
            var ms = MeanRecursionTest.meanAndSe(runs, j, 0.5);
            assertThat(ms[0]).as("grid point %d", j).isCloseTo(exact[j], within(T_M800 * ms[1]));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42})
    void haarRotatedCovarianceWithAScheduleAndFourSubstepsMatchesTheExactMeans(long seed) {
        // the chain lives in eigen-coordinates, so the exact means hold for any rotation; a decaying schedule and
        // step h = 1/(4d) exercise the time-dependent rate and the sub-stepping
        int d = 32;
        int m = 1500;
        double[] lambda = Spectra.twoPoint(d, 1, 0.25).coordinateEigenvalues();
        var spec = SimulationSpec.of(Covariance.haar(lambda, new java.util.SplittableRandom(5)),
                new LabelModel.LeastSquares(0.5), new LearningRateRule.Schedule(t -> 1.5 / (1 + t)),
                InitialCondition.zeroStartUnitTarget(), StepGrid.atTimes(new double[] {1}, d));
        double h = 1.0 / (4 * d);
        var runs = HomogenizedSgd.runMany(spec, new RandomStreams(seed), m, 2, h, r -> { });
        var ms = MeanRecursionTest.meanAndSe(runs, 1, 0.5);
        double exact = HomogenizedMeans.expectedLeastSquaresRisk(spec, uniform(d, 1.0 / d), h)[1];
        assertThat(ms[0]).isCloseTo(exact, within(T_LARGE * ms[1]));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {51, 52})
    void batchOfFourAndACoarseStepOfTwoOverDMatchTheExactMeans(long seed) {
        // batch b divides the diffusion covariance by b; a step h = 2/d takes one SDE step per two SGD steps (the
        // grid t = 1, 2 is on it). Both change the exact recursion, which must still hold with no bias term.
        int d = 64;
        int m = 1500;
        var spec = leastSquares(Spectra.twoPoint(d, 1, 0.25), 0.5, new LearningRateRule.Constant(1.5),
                new double[] {1, 2}).withBatchSize(4);
        double h = 2.0 / d;
        var runs = HomogenizedSgd.runMany(spec, new RandomStreams(seed), m, 2, h, r -> { });
        double[] exact = HomogenizedMeans.expectedLeastSquaresRisk(spec, uniform(d, 1.0 / d), h);
        for (int j = 1; j <= 2; j++) {
            var ms = MeanRecursionTest.meanAndSe(runs, j, 0.5);
            assertThat(ms[0]).as("grid point %d", j).isCloseTo(exact[j], within(T_LARGE * ms[1]));
        }
        // and the batch matters: the b = 1 means differ from the b = 4 ones by many standard errors
        double[] single = HomogenizedMeans.expectedLeastSquaresRisk(spec.withBatchSize(1), uniform(d, 1.0 / d), h);
        assertThat(Math.abs(single[2] - exact[2])).isGreaterThan(10 * MeanRecursionTest.meanAndSe(runs, 2, 0.5)[1]);
    }

    @Test
    void sameSeedGivesBitwiseTheSameRunsForOneAndThreeThreadsAndARunDependsOnlyOnItsIndex() {
        var spec = SimulationSpec.of(Covariance.diagonal(Spectra.twoPoint(64, 2, 0.5)),
                new LabelModel.LeastSquares(0.3), new LearningRateRule.AdaGradNorm(1, 0.5),
                InitialCondition.zeroStartUnitTarget(), StepGrid.linear(2, 8, 64));
        var one = HomogenizedSgd.runMany(spec, 9, 7, 1);
        var three = HomogenizedSgd.runMany(spec, 9, 7, 3);
        for (int r = 0; r < 7; r++) {
            var threaded = three.get(r).value();
            var serial = one.get(r).value().trajectory();
            assertThat(threaded.run()).isEqualTo(r);
            assertThat(threaded.trajectory().b11()).isEqualTo(serial.b11());
            assertThat(threaded.trajectory().learningRates()).isEqualTo(serial.learningRates());
        }
        var single = HomogenizedSgd.run(spec, new RandomStreams(9), 4);
        assertThat(single.value().trajectory().b12()).isEqualTo(one.get(4).value().trajectory().b12());
        assertThat(one.get(0).value().trajectory().b11()).isNotEqualTo(one.get(1).value().trajectory().b11());
        // same initial condition as the simulator's run with the same index (same general stream)
        var sgd = StreamingSimulator.run(spec, new RandomStreams(9), 4);
        assertThat(single.value().trajectory().b22()[0]).isEqualTo(sgd.value().trajectory().b22()[0]);
        assertThat(single.value().trajectory().times()).isEqualTo(sgd.value().trajectory().times());
        assertThat(single.value().trajectory().steps()).isEqualTo(sgd.value().trajectory().steps());
    }

    @Test
    void adaGradAccumulatorAddsLambdaBarTimesFisherTimesStepBeforeItsFirstUse() {
        // K = diag(2, 0.5) (lambda-bar = 1.25), X0 = 0, X* = (1, 1): B22 = 2.5, I(B_0) = B22 + omega^2 = 2.59;
        // g_0 = eta / sqrt(b^2 + lambda-bar I(B_0) h) with h = 1/d = 1/2
        var spec = SimulationSpec.of(Covariance.diagonal(new double[] {2, 0.5}), new LabelModel.LeastSquares(0.3),
                new LearningRateRule.AdaGradNorm(1.5, 0.7),
                InitialCondition.fixed(new double[] {0, 0}, new double[] {1, 1}), StepGrid.linear(1, 2, 2));
        var out = HomogenizedSgd.run(spec, new RandomStreams(3), 0);
        assertThat(out.value().trajectory().learningRates()[0]).isCloseTo(1.5 / Math.sqrt(0.49 + 1.25 * 2.59 * 0.5),
                within(1e-15));
    }

    @Test
    void constantRateAboveTheThresholdDivergesAndReportsTheStepOfBlowUp() {
        // K = I, gamma = 2.5: the proxy P = 2R grows like exp(rate t) with rate (gamma^2 - 2 gamma) = 1.25 plus the
        // chain's bias (gamma^2 - (2 gamma - gamma^2)^2/2)/d = 0.021 at d = 256, so P crosses 1e6 max(P(0), B22)
        // = 1e6 at t* = ln(1e6)/1.27 = 10.9; ln P fluctuates by 1.25 sqrt(2 t/d) = 0.37 (N13), i.e. 0.3 time
        // units: a window of +-1.5 around ln(1e6)/1.25 is 5 standard deviations.
        int d = 256;
        var spec = leastSquares(Spectra.identity(d), 0, new LearningRateRule.Constant(2.5), new double[] {1, 40});
        var out = HomogenizedSgd.run(spec, new RandomStreams(4), 0);
        assertThat(out).isInstanceOf(Outcome.Diverged.class);
        var dv = (Outcome.Diverged<RunTrajectory>) out;
        assertThat(dv.time()).isCloseTo(Math.log(1e6) / 1.25, within(1.5));
        assertThat(dv.step()).isEqualTo(Math.round(dv.time() * d));
        assertThat(dv.value().trajectory().size()).isEqualTo(2);            // t = 0 and t = 1, both finite
        for (double b : dv.value().trajectory().b11()) {
            assertThat(b).isFinite();
        }
        var below = leastSquares(Spectra.identity(d), 0, new LearningRateRule.Constant(1.9), new double[] {1, 40});
        assertThat(HomogenizedSgd.run(below, new RandomStreams(4), 0)).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void lineSearchAndPolyakGiveTheirClosedFormsOnIdentityNoiselessLeastSquares() {
        for (LearningRateRule rule : new LearningRateRule[] {new LearningRateRule.ExactLineSearch(),
                new LearningRateRule.Polyak()}) {
            var spec = SimulationSpec.of(Covariance.diagonal(Spectra.identity(50)), new LabelModel.LeastSquares(0),
                    rule, InitialCondition.lineSearch(), StepGrid.linear(2, 5, 50));
            for (double g : HomogenizedSgd.run(spec, new RandomStreams(1), 0).value().trajectory().learningRates()) {
                // |r|^2/|r|^2 and P/P in double: a few ulp
                assertThat(g).as("%s", rule).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void phaseRetrievalAndLogisticRunToCompletionWithFiniteRecords() {
        var pr = SimulationSpec.of(Covariance.diagonal(Spectra.twoPoint(64, 1, 0.5)),
                new LabelModel.PhaseRetrieval(0.1), new LearningRateRule.Constant(0.3),
                InitialCondition.warmStart(0.5, 0.5), StepGrid.linear(2, 4, 64)).withOverlaps();
        var lr = SimulationSpec.of(Covariance.diagonal(Spectra.identity(64)), new LabelModel.Logistic(),
                new LearningRateRule.AdaGradNorm(1, 1), InitialCondition.zeroStartUnitTarget(),
                StepGrid.linear(2, 4, 64));
        for (var spec : List.of(pr, lr)) {
            var out = HomogenizedSgd.run(spec, new RandomStreams(6), 0);
            assertThat(out).isInstanceOf(Outcome.Completed.class);
            assertThat(out.value().trajectory().size()).isEqualTo(5);
            for (double v : out.value().trajectory().b11()) {
                assertThat(v).isFinite();
            }
        }
        // the logistic run moves towards X*: B12 grows from 0
        var t = HomogenizedSgd.run(lr, new RandomStreams(6), 0).value().trajectory();
        assertThat(t.b12()[t.size() - 1]).isGreaterThan(0.1);
    }

    @Test
    void badInputIsRejectedWithTheArgumentAndValueNamed() {
        var spec = leastSquares(Spectra.identity(8), 0, new LearningRateRule.Constant(1), new double[] {1});
        var streams = new RandomStreams(1);
        assertThatThrownBy(() -> HomogenizedSgd.run(spec.withUpdateRule(n -> Sgd.plain(n)), streams, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updateRule");
        assertThatThrownBy(() -> HomogenizedSgd.run(spec, streams, 0, 0.3 / 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step").hasMessageContaining("0.0375");
        assertThatThrownBy(() -> HomogenizedSgd.run(spec, streams, 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step must be finite and > 0");
        // 3 SGD steps per SDE step: the grid step 8 (t = 1) is not a multiple of 3
        assertThatThrownBy(() -> HomogenizedSgd.run(spec, streams, 0, 3.0 / 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid step 8");
        assertThatThrownBy(() -> HomogenizedSgd.run(spec, streams, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run must be >= 0, got -1");
        assertThatThrownBy(() -> HomogenizedSgd.runMany(spec, 1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads must be >= 1, got 0");
        assertThatThrownBy(() -> HomogenizedMeans.expectedLeastSquaresRisk(spec, new double[] {1}, 0.125))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialResiduals.length = 1");
        var logistic = SimulationSpec.of(Covariance.diagonal(Spectra.identity(8)), new LabelModel.Logistic(),
                new LearningRateRule.Constant(1), InitialCondition.zeroStartUnitTarget(), StepGrid.linear(1, 2, 8));
        assertThatThrownBy(() -> HomogenizedMeans.expectedLeastSquaresRisk(logistic, uniform(8, 0.1), 0.125))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model must be least squares");
    }
}
