package org.optdyn.theory.dmft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.erm.CovarianceClasses;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmMethod;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmProblem.BatchNorm;
import org.optdyn.engine.erm.ErmSimulator;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.theory.dmft.MonteCarloDmft.Variant;

/**
 * The Monte-Carlo DMFT (dmft.md §4) against the exact square-loss solver (check D7), the structural identities D10
 * and the logistic values D8 of dmft.md §7. Every tolerance is a quantile times a standard error the solver reports,
 * with the family-wise false-failure probability of the test written beside it (Bonferroni over its checks).
 *
 * <p>Replicated solves give, per observable, the mean of {@code R} independent sweeps and its standard error
 * {@code sd/sqrt(R)}; a sweep's value is an average of {@code M >= 10^4} paths, close to normal, so
 * {@code (mean - truth)/se} is Student-t with {@code R - 1} degrees of freedom. A sweep also has an {@code O(1/M)}
 * bias (its kernels enter later steps nonlinearly); measured on the base case below with 60 sweeps of {@code 10^5}
 * paths and 400 of {@code 10^4}, mean minus exact was within 1.2 se at t = 1, 5, 10, 20 for the train loss, test loss
 * and m, i.e. the bias is below 1e-4, under a tenth of the tolerances used here.
 */
class MonteCarloDmftTest {

    /** Family-wise false-failure probability of each statistical test. */
    private static final double FAMILY = 1e-3;

    private static final int[] TIMES = {1, 5, 10, 20};

    /** Base case "D" of dmft.md §6 with SGD b = 0.3, kappa_b = 1 (the setting of D7). */
    private static ErmProblem squareBase(int steps) {
        return ErmProblem.square(2, 0.1, 0.2, steps).withTeacher(1, 0.5).withBatch(0.3, BatchNorm.SUM);
    }

    /** D8: logistic loss, y = sign(r* + 0.3 eps), alpha = 2, b = 0.5, eta = 0.5, lambda = 0.05, theta^0 = 0. */
    private static ErmProblem logisticD8() {
        return ErmProblem.square(2, 0.05, 0.5, 30).withTeacher(1, 0.3).withBatch(0.5, BatchNorm.SUM)
                .withLoss(new ErmLoss.Logistic());
    }

    /** Two-sided Student-t quantile for {@code checks} Bonferroni-corrected checks at family level FAMILY. */
    private static double studentQuantile(int dof, int checks) {
        return new TDistribution(dof).inverseCumulativeProbability(1 - FAMILY / (2.0 * checks));
    }

    /**
     * The D7 comparison: the largest |replicated mean - exact| / (t-quantile x se) over train loss, test loss and m at
     * t = 1, 5, 10, 20 (12 checks, t with R - 1 degrees of freedom). At most 1 means every check passes.
     */
    private static double worstD7Ratio(MonteCarloDmftSolution mc, DmftSolution exact) {
        double q = studentQuantile(mc.replicates() - 1, 3 * TIMES.length);
        double worst = 0;
        for (int t : TIMES) {
            worst = Math.max(worst, Math.abs(mc.solution().trainLoss()[t] - exact.trainLoss()[t]) / (q * mc.trainLossSe()[t]));
            worst = Math.max(worst, Math.abs(mc.solution().testLoss()[t] - exact.testLoss()[t]) / (q * mc.testLossSe()[t]));
            worst = Math.max(worst, Math.abs(mc.solution().m()[t] - exact.m()[t]) / (q * mc.mSe()[t]));
        }
        return worst;
    }

    private static MonteCarloDmftSolution replicated(ErmProblem p, Variant variant) {
        // R = 10 sweeps of M = 5e4 paths: se of the test loss about 2e-4, so the D7 tolerance is about 1.3e-3
        return MonteCarloDmft.solveReplicated(p, 50_000, 20_251, 10, 2, variant).orElseThrow();
    }

    @Test
    void onTheSquareLossTheSampledSolverAgreesWithTheExactOneWithinItsStandardErrorD7() {
        var exact = SquareLossDmft.solve(squareBase(20)).orElseThrow();
        var mc = replicated(squareBase(20), Variant.STANDARD);
        // 12 checks, t_9 quantile at 1 - 1e-3/24 (about 6.6): family-wise false-failure probability 1e-3
        assertThat(worstD7Ratio(mc, exact)).isLessThanOrEqualTo(1);
        assertThat(mc.replicates()).isEqualTo(10);
        assertThat(mc.samples()).isEqualTo(50_000);
    }

    @Test
    void theSteinFormOfTheTeacherDriftAgreesWithTheExactSolverOnTheSquareLoss() {
        var exact = SquareLossDmft.solve(squareBase(20)).orElseThrow();
        var mc = replicated(squareBase(20), Variant.STEIN);
        // same 12 checks and quantile as D7: family-wise false-failure probability 1e-3
        assertThat(worstD7Ratio(mc, exact)).isLessThanOrEqualTo(1);
    }

    @Test
    void nesterovAndLangevinSampledSidesAgreeWithTheExactSolver() {
        // the §6 rows "Nesterov beta = 0.5, b = 0.5" (training loss at the look-ahead point) and "Langevin T = 0.05,
        // b = 0.5": the sample side sees the query point and the Langevin part of C only through the parameter side,
        // which both solvers share, so this tests that the sampled kernels close it correctly. Same 12 checks and
        // quantile as D7 per problem: family-wise false-failure probability 1e-3 each, 2e-3 for the test
        var base = ErmProblem.square(2, 0.1, 0.2, 20).withTeacher(1, 0.5).withBatch(0.5, BatchNorm.SUM);
        for (var p : java.util.List.of(base.withMethod(new ErmMethod.Nesterov(0.5)), base.withLangevin(0.05))) {
            var exact = SquareLossDmft.solve(p).orElseThrow();
            var mc = replicated(p, Variant.STANDARD);
            assertThat(worstD7Ratio(mc, exact)).as("%s, T_L = %s", p.method(), p.langevinTemperature()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theD7CheckCanFailAWrongAlphaOrADroppedMemoryTermIsDetected() {
        var exact = SquareLossDmft.solve(squareBase(20)).orElseThrow();
        // alpha 2% too large shifts the exact test loss at t = 10 by 3.4e-3, about 2.6 tolerances (exact solver,
        // alpha = 2.04); dropping the memory term changes the dynamics at first order
        var wrongAlpha = MonteCarloDmft.solveReplicated(ErmProblem.square(2 * 1.02, 0.1, 0.2, 20)
                .withTeacher(1, 0.5).withBatch(0.3, BatchNorm.SUM), 50_000, 20_251, 10, 2,
                Variant.STANDARD).orElseThrow();
        assertThat(worstD7Ratio(wrongAlpha, exact)).isGreaterThan(1);
        assertThat(worstD7Ratio(replicated(squareBase(20), Variant.NO_MEMORY), exact)).isGreaterThan(1);
    }

    @Test
    void structuralIdentitiesOfD10HoldWithinTheirSamplingError() {
        double b = 0.3;
        double kappa = 1 / b;
        int samples = 20_000;
        int steps = 6;
        var p = squareBase(steps).withStart(0.1, 0.25).withBatch(b, BatchNorm.MEAN).withCovariance(
                new CovarianceClasses(new double[] {0.5, 0.5}, new double[] {0.5, 1.5}));
        var k = MonteCarloDmft.solve(p, samples, 5).orElseThrow().solution().kernels();
        // A(t,t) = kappa (selected fraction): mean kappa b, sd kappa sqrt(b(1-b)/M); C_g(0,0) = mean kappa^2 s (u0-y)^2
        // with u0 - y ~ N(0, Z00): mean kappa^2 b Z00, variance kappa^4 Z00^2 (3b - b^2)/M. 8 checks, normal
        // quantile at 1 - 1e-3/16: family-wise false-failure probability 1e-3 (M b = 6000, CLT)
        double z = new NormalDistribution().inverseCumulativeProbability(1 - FAMILY / 16);
        for (int t = 0; t <= steps; t++) {
            assertThat(k.a(t, t)).as("A(%d,%d)", t, t)
                    .isCloseTo(kappa * b, within(z * kappa * Math.sqrt(b * (1 - b) / samples)));
            for (int s = t + 1; s <= steps; s++) {
                assertThat(k.a(t, s)).isZero();
                assertThat(k.rq(t, s)).isZero();
                assertThat(k.chi(1, t, s)).isZero();
            }
        }
        for (int t = 0; t < steps; t++) {                 // the parameter side is exact: chi(t+1,t) = -eta omega
            assertThat(k.chi(0, t + 1, t)).isCloseTo(-0.2 * 0.5, within(1e-15));
            assertThat(k.chi(1, t + 1, t)).isCloseTo(-0.2 * 1.5, within(1e-15));
        }
        double omegaBar = 1;
        double z00 = 1 + 0.25 + 0.25 * omegaBar - 2 * 0.1 * omegaBar;
        double cg00 = kappa * kappa * b * z00;
        assertThat(k.cg(0, 0)).isCloseTo(cg00, within(z * kappa * kappa * z00 * Math.sqrt((3 * b - b * b) / samples)));
        var zero = MonteCarloDmft.solve(squareBase(4), 1000, 5).orElseThrow().solution().kernels();
        for (int s = 0; s <= 4; s++) {
            assertThat(zero.c(0, s)).isZero();
        }
    }

    @Test
    void logisticRegressionMatchesTheD8MonteCarloValuesWithinTheCombinedMonteCarloError() {
        int reps = 10;
        var mc = MonteCarloDmft.solveReplicated(logisticD8(), 100_000, 8, reps, 2).orElseThrow();
        var s = mc.solution();
        // dmft.md D8, two MC seeds of M = 1e5 each: {seed 1, seed 2}, printed to 4 decimals
        double[][] doc = {{0.3116, 0.3121}, {0.2274, 0.2282}, {0.2310, 0.2331}, {0.2170, 0.2189}};
        double[] ours = {s.trainLoss()[10], s.trainLoss()[30], s.testLoss()[10], s.testLoss()[30]};
        double[] se = {mc.trainLossSe()[10], mc.trainLossSe()[30], mc.testLossSe()[10], mc.testLossSe()[30]};
        // The doc's seeds are sweeps of the same M and equations, so each has our per-sweep sd s = se sqrt(R); the
        // difference of our mean and the doc's two-seed mean has sd s sqrt(1/R + 1/2), estimated with R - 1 degrees
        // of freedom: Student-t. Plus 5e-5 for the doc's rounding. 8 checks (4 values, and the doc's own seed spread
        // |seed1 - seed2| <= t s sqrt(2), which tests that assumption), t_9 at 1 - 1e-3/16: family-wise 1e-3.
        double q = studentQuantile(reps - 1, 8);
        for (int i = 0; i < 4; i++) {
            double sweepSd = se[i] * Math.sqrt(reps);
            double docMean = 0.5 * (doc[i][0] + doc[i][1]);
            assertThat(ours[i]).as("D8 value %d", i)
                    .isCloseTo(docMean, within(q * sweepSd * Math.sqrt(1.0 / reps + 0.5) + 5e-5));
            assertThat(Math.abs(doc[i][0] - doc[i][1])).as("doc seed spread %d", i)
                    .isLessThanOrEqualTo(q * sweepSd * Math.sqrt(2) + 1e-4);
        }
    }

    @Test
    void theLogisticTestColumnIsTheArccosClassificationErrorOfTheOverlaps() {
        var s = MonteCarloDmft.solve(logisticD8().withSteps(5), 4096, 2).orElseThrow().solution();
        double labelMoment = 1 + 0.3 * 0.3;
        assertThat(s.testLoss()[0]).isEqualTo(0.5);
        for (int t = 0; t <= 5; t++) {
            assertThat(s.testLoss()[t]).isEqualTo(ErmSimulator.testError(s.m()[t], s.q()[t], labelMoment));
        }
        assertThat(s.trainLoss()[0]).isCloseTo(Math.log(2), within(1e-12));   // r^0 = 0 on every path; sum rounding
    }

    @Test
    void aSingleSweepReportsThePerPathStandardErrorOfTheTrainLossOnly() {
        var mc = MonteCarloDmft.solve(squareBase(3), 10_000, 4).orElseThrow();
        assertThat(mc.replicates()).isEqualTo(1);
        // at t = 0 (theta^0 = 0) the loss is e^2/2, e = r* + sigma eps ~ N(0, 1.25): variance 2 (0.625)^2, so
        // se = 0.625 sqrt(2/M). The sample sd of M = 1e4 such values has relative sd sqrt((kurtosis - 1)/(4M)) =
        // sqrt(14/4e4) = 0.019 (kurtosis of a chi-square(1) is 15): 10% is 5.3 of those, false failure below 1e-7
        assertThat(mc.trainLossSe()[0]).isCloseTo(0.625 * Math.sqrt(2.0 / 10_000), within(0.1 * 0.625 * Math.sqrt(2.0 / 10_000)));
        assertThat(mc.testLossSe()).containsOnly(Double.NaN);
        assertThat(mc.mSe()).containsOnly(Double.NaN);
    }

    @Test
    void theSameSeedGivesIdenticalArraysForAnyThreadCountAndAnotherSeedDoesNot() {
        var p = logisticD8().withSteps(8);
        var a = MonteCarloDmft.solve(p, 5000, 3).orElseThrow();
        var b = MonteCarloDmft.solve(p, 5000, 3).orElseThrow();
        assertThat(b.solution().trainLoss()).containsExactly(a.solution().trainLoss());
        assertThat(b.solution().testLoss()).containsExactly(a.solution().testLoss());
        assertThat(b.solution().m()).containsExactly(a.solution().m());
        assertThat(b.trainLossSe()).containsExactly(a.trainLossSe());
        var one = MonteCarloDmft.solveReplicated(p, 3000, 9, 3, 1).orElseThrow();
        var two = MonteCarloDmft.solveReplicated(p, 3000, 9, 3, 2).orElseThrow();
        assertThat(two.solution().trainLoss()).containsExactly(one.solution().trainLoss());
        assertThat(two.solution().q()).containsExactly(one.solution().q());
        assertThat(two.testLossSe()).containsExactly(one.testLossSe());
        var other = MonteCarloDmft.solve(p, 5000, 4).orElseThrow();
        assertThat(other.solution().trainLoss()[8]).isNotEqualTo(a.solution().trainLoss()[8]);
    }

    @Test
    void aReplicatedSolveIsTheMeanOfTheSweepsOfTheChildStreams() {
        var p = squareBase(4);
        var rep = MonteCarloDmft.solveReplicated(p, 3000, 6, 2, 1).orElseThrow();
        var r0 = MonteCarloDmft.sweep(p, 3000, new RandomStreams(6).child(0), Variant.STANDARD).orElseThrow();
        var r1 = MonteCarloDmft.sweep(p, 3000, new RandomStreams(6).child(1), Variant.STANDARD).orElseThrow();
        for (int t = 0; t <= 4; t++) {
            double x0 = r0.solution().testLoss()[t];
            double x1 = r1.solution().testLoss()[t];
            assertThat(rep.solution().testLoss()[t]).isEqualTo((x0 + x1) / 2);
            // two replicates: sd = |x0 - x1|/sqrt(2), se = sd/sqrt(2) = |x0 - x1|/2
            assertThat(rep.testLossSe()[t]).isCloseTo(Math.abs(x0 - x1) / 2, within(1e-15));
        }
    }

    @Test
    void anUnstableStepIsReportedAsDivergenceWithTheStepsBeforeIt() {
        var out = MonteCarloDmft.solve(ErmProblem.square(2, 0.1, 1.5, 200).withTeacher(1, 0.5), 1000, 1);
        assertThat(out).isInstanceOf(Outcome.Diverged.class);
        var d = (Outcome.Diverged<MonteCarloDmftSolution>) out;
        assertThat(d.step()).isBetween(1L, 200L);
        assertThat(d.partial().size()).isEqualTo((int) d.step());
        assertThat(d.reason()).contains("stability");
        var rep = MonteCarloDmft.solveReplicated(ErmProblem.square(2, 0.1, 1.5, 200).withTeacher(1, 0.5), 1000, 1, 2, 1);
        assertThat(rep).isInstanceOf(Outcome.Diverged.class);
        assertThat(((Outcome.Diverged<MonteCarloDmftSolution>) rep).reason()).startsWith("replicate ");
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> MonteCarloDmft.solve(squareBase(3), 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("samples");
        assertThatThrownBy(() -> MonteCarloDmft.solveReplicated(squareBase(3), 100, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicates");
        assertThatThrownBy(() -> MonteCarloDmft.solveReplicated(squareBase(3), 100, 1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> MonteCarloDmft.solve(squareBase(3), Integer.MAX_VALUE, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MiB");
    }
}
