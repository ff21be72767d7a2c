package org.optdyn.verification.dmft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.erm.CovarianceClasses;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmMethod;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmSimulator;
import org.optdyn.engine.erm.ErmTrajectory;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.theory.dmft.DmftSolution;
import org.optdyn.theory.dmft.SquareLossDmft;

/**
 * The finite-d simulator against the exact DMFT (dmft.md §8 steps 3-4, unit size): §6 base case, SGD {@code b = 0.3},
 * {@code kappa_b = 1}, {@code d = 1000}, {@code n = 2000}, {@code T = 20}, {@code S = 5} seeds.
 */
class ErmSimulationAgreementTest {

    private static final int D = 1000;
    private static final int SEEDS = 5;
    private static final int STEPS = 20;
    /** Family-wise false-failure probability of the whole test. */
    private static final double FAMILY = 1e-3;

    @Test
    void sgdOnTheBaseCaseMatchesTheExactDmftWithinItsMonteCarloError() {
        var problem = ErmProblem.square(2, 0.1, 0.2, STEPS).withTeacher(1, 0.5)
                .withBatch(0.3, ErmProblem.BatchNorm.SUM);
        agree("SGD b = 0.3", problem, 11, FAMILY);
    }

    /**
     * The other rows of dmft.md §6 (and D9's kappa_b = 1/b) at the same size, each against the exact theory: heavy ball,
     * Nesterov (training loss at the look-ahead point), two-level Sigma, random theta0, Langevin noise, mean-normalised
     * batch. Family-wise false-failure probability FAMILY over all of them (FAMILY / 6 per case, Bonferroni).
     */
    @Test
    void momentumCovarianceStartLangevinAndMeanBatchMatchTheExactDmft() {
        var base = ErmProblem.square(2, 0.1, 0.2, STEPS).withTeacher(1, 0.5);
        var sgd = base.withBatch(0.3, ErmProblem.BatchNorm.SUM);
        var cases = new java.util.LinkedHashMap<String, ErmProblem>();
        cases.put("heavy ball 0.5, b = 0.3", sgd.withMethod(new ErmMethod.HeavyBall(0.5)));
        cases.put("Nesterov 0.5, b = 0.5", base.withBatch(0.5, ErmProblem.BatchNorm.SUM)
                .withMethod(new ErmMethod.Nesterov(0.5)));
        cases.put("two-level Sigma", sgd.withCovariance(new CovarianceClasses(new double[] {0.5, 0.5},
                new double[] {0.5, 1.5})));
        cases.put("theta0 ~ N(0, 0.25)", sgd.withStart(0, 0.25));
        cases.put("Langevin 0.05, b = 0.5", base.withBatch(0.5, ErmProblem.BatchNorm.SUM).withLangevin(0.05));
        cases.put("kappa_b = 1/b, b = 0.3, eta = 0.06", ErmProblem.square(2, 0.1, 0.06, STEPS).withTeacher(1, 0.5)
                .withBatch(0.3, ErmProblem.BatchNorm.MEAN));
        long seed = 100;
        for (var c : cases.entrySet()) {
            agree(c.getKey(), c.getValue(), seed++, FAMILY / cases.size());
        }
    }

    /**
     * Logistic regression against the Monte-Carlo DMFT values of dmft.md §7 D8 ({@code y = sign(r* + 0.3 eps)},
     * alpha = 2, b = 0.5, eta = 0.5, lambda = 0.05, theta0 = 0, kappa_b = 1): {@code L_train(10) = 0.3116/0.3121},
     * {@code L_train(30) = 0.2274/0.2282}, test error {@code Err(10) = 0.2310/0.2331}, {@code Err(30) = 0.2170/0.2189}
     * (two MC seeds). The reference is the midpoint of the two; its own Monte-Carlo error is covered by half their
     * difference added to the tolerance (dmft.md §8 step 4), the rest as in {@link #agree}: Student-t(S - 1), Bonferroni
     * over the 4 comparisons at family-wise FAMILY, plus 2/d for the O(1/d) bias.
     */
    @Test
    void logisticRegressionMatchesTheMonteCarloDmftOfD8() {
        var problem = new ErmProblem(new ErmLoss.Logistic(), 2, 0.05, 0.5, 30, 0.5, ErmProblem.BatchNorm.SUM,
                new ErmMethod.GradientDescent(), 0, 1, 0.3, 0, 0, CovarianceClasses.identity());
        List<ErmTrajectory> runs = ErmSimulator.runMany(problem, D, 8, SEEDS, 2).stream()
                .map(Outcome::orElseThrow).toList();
        double q = new TDistribution(SEEDS - 1).inverseCumulativeProbability(1 - FAMILY / 4 / 2);
        var report = new StringBuilder();
        double[][] train = {{10, 0.3116, 0.3121}, {30, 0.2274, 0.2282}};
        double[][] error = {{10, 0.2310, 0.2331}, {30, 0.2170, 0.2189}};
        for (int i = 0; i < 2; i++) {
            int t = (int) train[i][0];
            check("logistic: train", t, runs.stream().mapToDouble(r -> r.trainLoss()[t]).toArray(),
                    (train[i][1] + train[i][2]) / 2, q, Math.abs(train[i][1] - train[i][2]) / 2, report);
            check("logistic: test error", t, runs.stream().mapToDouble(r -> r.testLoss()[t]).toArray(),
                    (error[i][1] + error[i][2]) / 2, q, Math.abs(error[i][1] - error[i][2]) / 2, report);
        }
        System.out.println("ErmSimulationAgreementTest logistic D8 (d = " + D + ", " + SEEDS + " seeds, q = " + q
                + "):\n" + report);
    }

    private static void agree(String name, ErmProblem problem, long seed, double family) {
        DmftSolution theory = SquareLossDmft.solve(problem).orElseThrow();
        List<ErmTrajectory> runs = ErmSimulator.runMany(problem, D, seed, SEEDS, 2).stream()
                .map(Outcome::orElseThrow).toList();
        // Checks: m(t) for t = 1..T (m(0) = M0 up to the instance draw; for M0 = 0 exactly 0) and both losses for
        // t = 0..T: 3T + 2 = 62 comparisons. The S runs are i.i.d. (independent instances and selections), each
        // observable is approximately Gaussian (fluctuations O(d^-1/2), dmft.md §5), so
        // (mean - E)/(sd/sqrt S) ~ Student-t(S - 1) and P(|mean - E| > q sd/sqrt S) = p per comparison; Bonferroni
        // over the 62 comparisons, p = family / 62, bounds the false-failure probability by family whatever their
        // correlation. E differs from the theory by the O(1/d) bias of dmft.md §5, covered by the 2/d term of
        // dmft.md §8 step 4.
        int comparisons = 3 * STEPS + 2;
        double q = new TDistribution(SEEDS - 1).inverseCumulativeProbability(1 - family / comparisons / 2);
        var report = new StringBuilder();
        for (int t = 0; t <= STEPS; t++) {
            int time = t;
            if (t > 0) {
                check(name + ": m", t, runs.stream().mapToDouble(r -> r.m()[time]).toArray(), theory.m()[t], q, report);
            }
            check(name + ": train", t, runs.stream().mapToDouble(r -> r.trainLoss()[time]).toArray(), theory.trainLoss()[t], q,
                    report);
            check(name + ": test", t, runs.stream().mapToDouble(r -> r.testLoss()[time]).toArray(), theory.testLoss()[t], q,
                    report);
        }
        System.out.println("ErmSimulationAgreementTest " + name + " (d = " + D + ", " + SEEDS + " seeds, q = " + q
                + "):\n" + report);
    }

    private static void check(String name, int t, double[] values, double theory, double q, StringBuilder report) {
        check(name, t, values, theory, q, 0, report);
    }

    /** {@code |mean - theory| <= q se + 2/d + theoryError}. */
    private static void check(String name, int t, double[] values, double theory, double q, double theoryError,
                              StringBuilder report) {
        int s = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= s;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (s - 1) / s);
        double tolerance = q * se + 2.0 / D + theoryError;
        if (t == 1 || t == 5 || t == 10 || t == 20 || t == 30) {
            report.append(String.format("  %s(%d) = %.5f +- %.5f (theory %.5f)%n", name, t, mean, se, theory));
        }
        assertThat(Math.abs(mean - theory)).as("%s(%d): mean %s +- %s (se) vs theory %s, tolerance %s", name, t, mean,
                se, theory, tolerance).isLessThanOrEqualTo(tolerance);
    }
}
