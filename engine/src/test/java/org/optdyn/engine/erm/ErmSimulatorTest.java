package org.optdyn.engine.erm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;

/**
 * The finite-d ERM simulator (dmft.md §1, §8): reproducibility, the instance's own values at {@code t = 0}, and the
 * first steps against a naive re-implementation of the update on the same instance and selections.
 */
class ErmSimulatorTest {

    private static final long SEED = 20251;

    /** dmft.md §6 base case: alpha = 2, eta = 0.2, lambda = 0.1, sigma = 0.5, rho = 1, theta0 = 0, kappa_b = 1. */
    private static ErmProblem base(int steps) {
        return ErmProblem.square(2, 0.1, 0.2, steps).withTeacher(1, 0.5);
    }

    @Test
    void runsAreReproducibleAndIndependentOfTheThreadCount() {
        var p = base(6).withBatch(0.3, ErmProblem.BatchNorm.SUM).withLangevin(0.05);
        var one = ErmSimulator.runMany(p, 60, SEED, 4, 1);
        var three = ErmSimulator.runMany(p, 60, SEED, 4, 3);
        assertThat(three).isEqualTo(one);
        assertThat(ErmSimulator.run(p, 60, SEED, 2)).isEqualTo(one.get(2));
        assertThat(one.get(0).value()).isNotEqualTo(one.get(1).value());
        assertThat(one).allMatch(Outcome::completed);
    }

    @Test
    void stepZeroIsTheInstancesOwnValues() {
        // theta0 = 0: m = q = 0 exactly; L_train(0) = (1/2n) sum y^2 and L_test(0) = (theta*^T Sigma theta*/d + sigma^2)/2
        // on the drawn instance. Both sides sum the same products in possibly different orders: the gap is at most
        // gamma_n * sum|terms| ~ n u * 1 ~ 1e-13 at these sizes, far below 1e-12.
        var p = base(2).withCovariance(new CovarianceClasses(new double[] {0.5, 0.5}, new double[] {0.5, 1.5}));
        int d = 101;
        var traj = ErmSimulator.run(p, d, SEED, 3).orElseThrow();
        var inst = ErmInstance.draw(p, d, new RandomStreams(SEED).child(3).gaussian(0));
        assertThat(inst.n).isEqualTo(202);
        assertThat(traj.m()[0]).isZero();
        assertThat(traj.q()[0]).isZero();
        double yy = 0;
        for (double v : inst.y) {
            yy += v * v;
        }
        double starStar = 0;
        for (int i = 0; i < d; i++) {
            starStar += inst.omega[i] * inst.thetaStar[i] * inst.thetaStar[i];
        }
        assertThat(traj.trainLoss()[0]).isCloseTo(yy / (2 * inst.n), within(1e-12));
        assertThat(traj.testLoss()[0]).isCloseTo(0.5 * (starStar / d + 0.25), within(1e-12));
        // class sizes: round(d W_k) with W = (0.5, 1): 51 coordinates of 0.5 (round(50.5) = 51), 50 of 1.5
        long low = java.util.Arrays.stream(inst.omega).filter(w -> w == 0.5).count();
        assertThat(low).isEqualTo(51);
    }

    @Test
    void theFirstStepsMatchANaiveUpdateOnTheSameInstanceAndSelections() {
        var start = base(3).withStart(0.3, 0.5);
        for (var p : new ErmProblem[] {
                start,
                start.withBatch(0.3, ErmProblem.BatchNorm.MEAN).withMethod(new ErmMethod.HeavyBall(0.5)),
                start.withBatch(0.5, ErmProblem.BatchNorm.SUM).withMethod(new ErmMethod.Nesterov(0.5)),
                start.withLoss(new ErmLoss.Logistic()).withBatch(0.5, ErmProblem.BatchNorm.SUM)}) {
            int d = 40;
            var traj = ErmSimulator.run(p, d, SEED, 1).orElseThrow();
            var inst = ErmInstance.draw(p, d, new RandomStreams(SEED).child(1).gaussian(0));
            var naive = naive(p, inst, new RandomStreams(SEED).child(1).child(1).general(0));
            // Same arithmetic up to summation order (dot products of length d = 40 and sums over n = 80 rows of O(1)
            // terms): the gap is a few gamma_80 ~ 1e-14 relative; 1e-11 leaves three decades of margin and still
            // catches any wrong coefficient (a missed kappa, beta or ridge term changes values at O(eta) = O(0.1)).
            for (int t = 0; t <= 3; t++) {
                assertThat(traj.m()[t]).as("%s m(%d)", p.method(), t).isCloseTo(naive[0][t], within(1e-11));
                assertThat(traj.q()[t]).as("%s q(%d)", p.method(), t).isCloseTo(naive[1][t], within(1e-11));
                assertThat(traj.trainLoss()[t]).as("%s train(%d)", p.method(), t).isCloseTo(naive[2][t], within(1e-11));
                assertThat(traj.testLoss()[t]).as("%s test(%d)", p.method(), t).isCloseTo(naive[3][t], within(1e-11));
            }
        }
    }

    /** dmft.md §1 written out with plain loops: rows m, q, train (at the query point), test for t = 0..T. */
    private static double[][] naive(ErmProblem p, ErmInstance in, RandomGenerator sel) {
        int n = in.n;
        int d = in.d;
        int steps = p.steps();
        double beta = p.method().beta();
        double[][] out = new double[4][steps + 1];
        double[] theta = in.theta0.clone();
        double[] prev = in.theta0.clone();
        double sigma2 = p.labelNoise() * p.labelNoise();
        for (int t = 0; t <= steps; t++) {
            double[] point = new double[d];
            for (int i = 0; i < d; i++) {
                point[i] = p.method().lookAhead() ? theta[i] + beta * (theta[i] - prev[i]) : theta[i];
            }
            double[] r = new double[n];
            double train = 0;
            for (int mu = 0; mu < n; mu++) {
                for (int i = 0; i < d; i++) {
                    r[mu] += in.x[mu * d + i] * point[i];
                }
                train += p.loss().value(r[mu], in.y[mu]);
            }
            double m = 0;
            double q = 0;
            double e2 = 0;
            double pStar = 0;                      // the instance's teacher moment theta*.Sigma theta*/d (times d)
            for (int i = 0; i < d; i++) {
                pStar += in.omega[i] * in.thetaStar[i] * in.thetaStar[i];
                m += in.omega[i] * theta[i] * in.thetaStar[i];
                q += in.omega[i] * theta[i] * theta[i];
                e2 += in.omega[i] * (theta[i] - in.thetaStar[i]) * (theta[i] - in.thetaStar[i]);
            }
            out[0][t] = m / d;
            out[1][t] = q / d;
            out[2][t] = train / n;
            out[3][t] = p.loss() instanceof ErmLoss.Square ? 0.5 * (e2 / d + sigma2)
                    : Math.acos(m / d / Math.sqrt(q / d * (pStar / d + sigma2))) / Math.PI;
            double[] grad = new double[d];
            for (int mu = 0; mu < n && t < steps; mu++) {
                boolean selected = p.batchFraction() == 1 || sel.nextDouble() < p.batchFraction();
                if (selected) {
                    for (int i = 0; i < d; i++) {
                        grad[i] += p.kappa() * in.x[mu * d + i] * p.loss().derivative(r[mu], in.y[mu]);
                    }
                }
            }
            double[] next = new double[d];
            for (int i = 0; i < d; i++) {
                next[i] = theta[i] + beta * (theta[i] - prev[i])
                        - p.learningRate() * (p.ridge() * point[i] + grad[i]);
            }
            prev = theta;
            theta = next;
        }
        return out;
    }

    @Test
    void logisticStartsAtLogTwoAndChanceError() {
        // theta0 = 0: every margin is 0, so l = log 2 exactly; q = 0 gives the test error 1/2 by convention
        var p = base(4).withLoss(new ErmLoss.Logistic()).withBatch(0.5, ErmProblem.BatchNorm.SUM);
        var traj = ErmSimulator.run(p, 50, SEED, 0).orElseThrow();
        // the mean of n = 100 copies of log 2, summed in order: rounding at most n u log 2 ~ 1e-14
        assertThat(traj.trainLoss()[0]).isCloseTo(Math.log(2), within(1e-13));
        assertThat(traj.testLoss()[0]).isEqualTo(0.5);
        assertThat(traj.testLoss()[4]).isLessThan(0.5);
        assertThat(traj.trainLoss()[4]).isLessThan(Math.log(2));
    }

    @Test
    void anUnstableStepDivergesWithTheRowsBeforeIt() {
        // eta (lambda + (1 + sqrt 2)^2) = 1.5 * 5.9 >> 2 (dmft.md §8 step 6): the full-batch iteration blows up
        var p = base(400).withSteps(400);
        var unstable = new ErmProblem(p.loss(), 2, 0.1, 1.5, 400, 1, ErmProblem.BatchNorm.SUM, p.method(), 0, 1, 0.5,
                0, 0, p.covariance());
        var out = ErmSimulator.run(unstable, 50, SEED, 0);
        assertThat(out).isInstanceOf(Outcome.Diverged.class);
        var div = (Outcome.Diverged<ErmTrajectory>) out;
        assertThat(div.step()).isBetween(2L, 399L);
        assertThat(div.partial().size()).isEqualTo((int) div.step());
        assertThat(div.reason()).contains("1e12");
        assertThat(java.util.Arrays.stream(div.partial().trainLoss()).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void badArgumentsAreNamedWithTheirValue() {
        var p = base(2);
        assertThatThrownBy(() -> ErmSimulator.run(p, 0, SEED, 0)).hasMessageContaining("d must be >= 1, got 0");
        assertThatThrownBy(() -> ErmSimulator.runMany(p, 10, SEED, 0, 1)).hasMessageContaining("runs must be >= 1, got 0");
        assertThatThrownBy(() -> ErmSimulator.runMany(p, 10, SEED, 1, 0))
                .hasMessageContaining("threads must be >= 1, got 0");
        assertThatThrownBy(() -> ErmSimulator.run(p, 0, SEED, -1)).hasMessageContaining("d must be >= 1");
        assertThatThrownBy(() -> ErmSimulator.run(p, 10, SEED, -1)).hasMessageContaining("run must be >= 0, got -1");
        // n d = 2e12 entries: beyond one array
        assertThatThrownBy(() -> ErmSimulator.run(p, 1_000_000, SEED, 0)).hasMessageContaining("d = 1000000");
        // n d = 2 * 30000^2 = 1.8e9 doubles = 14.4 GB per run in flight: above half of any heap this build runs with
        long heap = Runtime.getRuntime().maxMemory();
        int d = 30_000;
        if (2L * d * d * Double.BYTES > heap / 2) {
            assertThatThrownBy(() -> ErmSimulator.runMany(p, d, SEED, 2, 2)).hasMessageContaining("half the heap");
        }
    }
}
