package org.optdyn.theory.dmft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optdyn.engine.erm.CovarianceClasses;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmMethod;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmProblem.BatchNorm;
import org.optdyn.engine.outcome.Outcome;

/**
 * The exact square-loss DMFT against the reference values of dmft.md §6 and the checks D1, D2, D3, D10, D11 of §7.
 * Tolerances are rounding bounds: half a unit of the last printed digit of the reference value (plus 1e-12 for the
 * sweep's own floating-point sums, which are O(T^3 * 1e-16)).
 */
class SquareLossDmftTest {

    /** Base case "D" of dmft.md §6: alpha = 2, eta = 0.2, lambda = 0.1, sigma = 0.5, rho = 1, theta^0 = 0, kappa_b = 1. */
    static ErmProblem base(int steps) {
        return ErmProblem.square(2, 0.1, 0.2, steps).withTeacher(1, 0.5);
    }

    static ErmProblem sgd(double b, int steps) {
        return base(steps).withBatch(b, BatchNorm.SUM);
    }

    static DmftSolution solve(ErmProblem p) {
        return SquareLossDmft.solve(p).orElseThrow();
    }

    @Test
    void baseCaseKernelsMatchTheSection6TableAtTheirPrintedDigits() {
        var s = solve(sgd(0.3, 3));
        var k = s.kernels();
        double[][] a = {{0.3, 0, 0, 0}, {-0.018, 0.3, 0, 0}, {-0.0144, -0.018, 0.3, 0}, {-0.01165, -0.0144, -0.018, 0.3}};
        double[][] cg = {{0.375, 0.0792, 0.068958, 0.061043}, {0.0792, 0.28014, 0.061006, 0.054616},
                {0.068958, 0.061006, 0.219597, 0.04909}, {0.061043, 0.054616, 0.04909, 0.179361}};
        double[][] chi = {{0, 0, 0, 0}, {-0.2, 0, 0, 0}, {-0.172, -0.2, 0, 0}, {-0.14936, -0.172, -0.2, 0}};
        for (int t = 0; t <= 3; t++) {
            for (int u = 0; u <= 3; u++) {
                assertThat(k.a(t, u)).as("A(%d,%d)", t, u).isCloseTo(a[t][u], within(halfUlp(a[t][u])));
                assertThat(k.cg(t, u)).as("C_g(%d,%d)", t, u).isCloseTo(cg[t][u], within(halfUlp(cg[t][u])));
                assertThat(k.chi(0, t, u)).as("chi(%d,%d)", t, u).isCloseTo(chi[t][u], within(halfUlp(chi[t][u])));
            }
        }
        assertCurve(s.m(), new double[] {0, 0.12, 0.216, 0.293664});
        assertThat(k.c(1, 1)).isCloseTo(0.0444, within(halfUlp(0.0444)));
        assertThat(k.c(2, 2)).isCloseTo(0.102153, within(halfUlp(0.102153)));
        assertThat(k.c(3, 3)).isCloseTo(0.161886, within(halfUlp(0.161886)));
        assertCurve(s.trainLoss(), new double[] {0.625, 0.4669, 0.365995, 0.298936});
        assertCurve(s.testLoss(), new double[] {0.625, 0.5272, 0.460077, 0.412279});
    }

    /** One row of the T = 40 table of dmft.md §6: train and test at t = 1, 5, 10, 20, 40 (5 decimals). */
    record Row(String name, ErmProblem problem, double[] train, double[] test) {
        @Override
        public String toString() {
            return name;
        }
    }

    static java.util.List<Row> table() {
        int t = 40;
        return java.util.List.of(
                new Row("GD (b = 1)", base(t), new double[] {0.21000, 0.08858, 0.07277, 0.06690, 0.06532},
                        new double[] {0.35500, 0.22974, 0.21524, 0.21628, 0.22012}),
                new Row("SGD b = 0.3", sgd(0.3, t), new double[] {0.46690, 0.21961, 0.14240, 0.10379, 0.08922},
                        new double[] {0.52720, 0.35052, 0.28089, 0.23987, 0.22356}),
                new Row("heavy ball beta = 0.5, b = 0.3", sgd(0.3, t).withMethod(new ErmMethod.HeavyBall(0.5)),
                        new double[] {0.46690, 0.16456, 0.10932, 0.09455, 0.09133},
                        new double[] {0.52720, 0.30673, 0.24769, 0.22862, 0.22500}),
                new Row("Nesterov beta = 0.5, b = 0.5", sgd(0.5, t).withMethod(new ErmMethod.Nesterov(0.5)),
                        new double[] {0.31188, 0.10703, 0.08610, 0.08028, 0.07906},
                        new double[] {0.47000, 0.25392, 0.22425, 0.21925, 0.21934}),
                new Row("two-level Sigma, b = 0.3", sgd(0.3, t).withCovariance(
                        new CovarianceClasses(new double[] {0.5, 0.5}, new double[] {0.5, 1.5})),
                        new double[] {0.44785, 0.20984, 0.14338, 0.10843, 0.09316},
                        new double[] {0.50635, 0.32588, 0.26618, 0.23251, 0.21831}),
                new Row("theta0 ~ N(0, 0.25), b = 0.3", sgd(0.3, t).withStart(0, 0.25),
                        new double[] {0.55095, 0.24342, 0.15025, 0.10544, 0.08940},
                        new double[] {0.62265, 0.39154, 0.29980, 0.24562, 0.22442}),
                new Row("Langevin T_L = 0.05, b = 0.5", sgd(0.5, t).withLangevin(0.05),
                        new double[] {0.38750, 0.16776, 0.12567, 0.10784, 0.10173},
                        new double[] {0.48000, 0.31441, 0.27485, 0.25982, 0.25763}),
                new Row("GD alpha = 0.5", ErmProblem.square(0.5, 0.1, 0.2, t).withTeacher(1, 0.5),
                        new double[] {0.33750, 0.08955, 0.04170, 0.02000, 0.01211},
                        new double[] {0.54250, 0.46180, 0.44802, 0.44749, 0.45192}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void trajectoriesMatchTheSection6TableToFiveDecimals(Row row) {
        var s = solve(row.problem());
        int[] times = {1, 5, 10, 20, 40};
        for (int i = 0; i < times.length; i++) {
            assertThat(s.trainLoss()[times[i]]).as("train(%d)", times[i]).isCloseTo(row.train()[i], within(5e-6));
            assertThat(s.testLoss()[times[i]]).as("test(%d)", times[i]).isCloseTo(row.test()[i], within(5e-6));
        }
    }

    @Test
    void firstStepMatchesTheClosedFormOfD1() {
        double alpha = 2;
        double eta = 0.2;
        double rho = 1;
        double s2 = 0.25;
        for (double b : new double[] {0.3, 1}) {
            var s = solve(sgd(b, 1));
            double test = 0.5 * (eta * eta * alpha * alpha * b * b * rho + eta * eta * alpha * b * (rho + s2)
                    - 2 * eta * alpha * b * rho + rho + s2);
            double m1 = eta * alpha * b * rho;
            double z11 = 2 * test;
            double z10 = rho + s2 - m1;
            double z00 = rho + s2;
            double train = 0.5 * (z11 - 2 * eta * b * z10 + eta * eta * b * z00);
            assertThat(s.testLoss()[1]).isCloseTo(test, within(1e-14));
            assertThat(s.trainLoss()[1]).isCloseTo(train, within(1e-14));
        }
    }

    @Test
    void gradientDescentConvergesToTheRidgeEstimatorOfD2() {
        var s = solve(base(300));
        assertThat(s.testLoss()[300]).isCloseTo(0.2213322732, within(1e-9));
        assertThat(s.trainLoss()[300]).isCloseTo(0.0650709131, within(1e-9));
    }

    @Test
    void sgdReachesTheStationaryLevelOfD3() {
        var s = solve(sgd(0.3, 300));
        assertThat(s.trainLoss()[300]).isCloseTo(0.084811, within(5e-7));
        assertThat(s.testLoss()[300]).isCloseTo(0.219143, within(5e-7));
    }

    @Test
    void structuralIdentitiesOfD10Hold() {
        var p = sgd(0.3, 6).withStart(0.1, 0.25).withCovariance(
                new CovarianceClasses(new double[] {0.5, 0.5}, new double[] {0.5, 1.5})).withBatch(0.3, BatchNorm.MEAN);
        var k = solve(p).kernels();
        double kappa = 1 / 0.3;
        for (int t = 0; t <= 6; t++) {
            assertThat(k.a(t, t)).isCloseTo(kappa * 0.3, within(1e-15));
            for (int s = t + 1; s <= 6; s++) {
                assertThat(k.a(t, s)).isZero();
                assertThat(k.rq(t, s)).isZero();
                assertThat(k.chi(1, t, s)).isZero();
            }
        }
        for (int t = 0; t < 6; t++) {
            assertThat(k.chi(0, t + 1, t)).isCloseTo(-0.2 * 0.5, within(1e-15));
            assertThat(k.chi(1, t + 1, t)).isCloseTo(-0.2 * 1.5, within(1e-15));
        }
        double omegaBar = 1;
        double cg00 = kappa * kappa * 0.3 * (1 + 0.25 + 0.25 * omegaBar - 2 * 0.1 * omegaBar);
        assertThat(k.cg(0, 0)).isCloseTo(cg00, within(1e-14));
        var zero = solve(sgd(0.3, 4)).kernels();
        for (int s = 0; s <= 4; s++) {
            assertThat(zero.c(0, s)).isZero();
        }
    }

    @Test
    void overlapDoesNotDependOnTheBatchWithMeanNormalisationD11() {
        double[] expected = {0.4, 0.552, 0.64176, 0.741374, 0.840211, 0.893397, 0.912189};
        int[] times = {1, 2, 3, 5, 10, 20, 40};
        var full = solve(base(40).withBatch(1, BatchNorm.MEAN));
        for (int i = 0; i < times.length; i++) {
            assertThat(full.m()[times[i]]).isCloseTo(expected[i], within(halfUlp(expected[i])));
        }
        double[] test10 = {0.215236, 0.226652, 0.250766};
        double[] batches = {1, 0.5, 0.3};
        for (int j = 0; j < batches.length; j++) {
            var s = solve(base(40).withBatch(batches[j], BatchNorm.MEAN));
            for (int t = 0; t <= 40; t++) {
                assertThat(s.m()[t]).as("m(%d), b = %s", t, batches[j]).isCloseTo(full.m()[t], within(1e-12));
            }
            assertThat(s.testLoss()[10]).isCloseTo(test10[j], within(halfUlp(test10[j])));
        }
        var hb1 = solve(base(3).withBatch(1, BatchNorm.MEAN).withMethod(new ErmMethod.HeavyBall(0.5)));
        var hb3 = solve(base(3).withBatch(0.3, BatchNorm.MEAN).withMethod(new ErmMethod.HeavyBall(0.5)));
        double[] hb = {0.4, 0.752, 0.89376};
        for (int t = 1; t <= 3; t++) {
            assertThat(hb1.m()[t]).isCloseTo(hb[t - 1], within(halfUlp(hb[t - 1])));
            assertThat(hb3.m()[t]).isCloseTo(hb1.m()[t], within(1e-12));
        }
    }

    @Test
    void meanNormalisedBatchMatchesD9() {
        var s = solve(ErmProblem.square(2, 0.1, 0.06, 30).withTeacher(1, 0.5).withBatch(0.3, BatchNorm.MEAN));
        assertThat(s.trainLoss()[30]).isCloseTo(0.08188, within(5e-6));
        assertThat(s.testLoss()[30]).isCloseTo(0.22259, within(5e-6));
    }

    @Test
    void anUnstableStepIsReportedAsDivergenceWithTheStepsBeforeIt() {
        var out = SquareLossDmft.solve(ErmProblem.square(2, 0.1, 1.5, 200).withTeacher(1, 0.5));
        assertThat(out).isInstanceOf(Outcome.Diverged.class);
        var d = (Outcome.Diverged<DmftSolution>) out;
        assertThat(d.step()).isBetween(1L, 200L);
        assertThat(d.partial().size()).isEqualTo((int) d.step());
        assertThat(d.reason()).contains("stability");
    }

    @Test
    void theExactSolverRefusesOtherLossesAndSizesThatCannotFit() {
        assertThatThrownBy(() -> SquareLossDmft.solve(base(3).withLoss(new ErmLoss.Logistic())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
        assertThatThrownBy(() -> SquareLossDmft.solve(base(2_000_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MiB");
    }

    private static void assertCurve(double[] actual, double[] expected) {
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("t = %d", t).isCloseTo(expected[t], within(halfUlp(expected[t])));
        }
    }

    /** Half a unit of the last printed digit of a value printed with at most 6 significant digits, plus 1e-12. */
    private static double halfUlp(double printed) {
        if (printed == 0) {
            return 1e-12;
        }
        String s = java.math.BigDecimal.valueOf(printed).stripTrailingZeros().toPlainString();
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals) + 1e-12;
    }
}
