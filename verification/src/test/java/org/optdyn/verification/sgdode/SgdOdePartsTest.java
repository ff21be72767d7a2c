package org.optdyn.verification.sgdode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.optdyn.verification.experiment.Statistics;

/** The statistics helpers of the SGD-versus-ODE experiments (the closed forms are tested in theory.ode). */
class SgdOdePartsTest {

    @Test
    void statisticsHelpers() {
        double[][] v = {{0, 1, 2}, {0, 3, 4}};
        var s = Statistics.stats(v);
        assertThat(s.mean()).containsExactly(0, 2, 3);
        assertThat(s.sd()[1]).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(Statistics.logLogSlope(new double[] {1, 10, 100}, new double[] {1, 0.1, 0.01}))
                .isCloseTo(-1, within(1e-12));
        assertThat(Statistics.slope(new double[] {0, 1, 2}, new double[] {1, 3, 5})).isCloseTo(2, within(1e-15));
    }

    @Test
    void studentAndChiSquareQuantilesMatchTheTables() {
        // t_5, two-sided 5 %: 2.570582; t_30, two-sided 1 %: 2.749996
        assertThat(Statistics.studentQuantile(5, 0.05)).isCloseTo(2.570582, within(1e-6));
        assertThat(Statistics.studentQuantile(30, 0.01)).isCloseTo(2.749996, within(1e-6));
        // chi-square(10) upper 5 %: 18.30704, so the sd factor is sqrt(18.30704 / 10)
        assertThat(Statistics.sdUpperFactor(10, 0.05)).isCloseTo(Math.sqrt(1.830704), within(1e-6));
    }

    @Test
    void meanTestUsesTheBonferroniStudentQuantileAndTheBiasAllowance() {
        double[][] v = {{0, 1, 2}, {0, 3, 4}, {0, 2, 3}};     // means 0, 2, 3; sd 0, 1, 1; se 1/sqrt(3)
        var s = Statistics.stats(v);
        var t = Statistics.meanTest(s, new double[] {0, 2, 2}, new double[] {0, 0, 0.5}, Statistics.range(1, 3), 0.01);
        double q = Statistics.studentQuantile(2, 0.005);
        assertThat(t.quantile()).isCloseTo(q, within(1e-12));
        assertThat(t.points()).isEqualTo(2);
        assertThat(t.worstIndex()).isEqualTo(2);
        assertThat(t.worst()).isCloseTo(1 / (q / Math.sqrt(3) + 0.5), within(1e-12));
        assertThat(t.falseFailure().probability()).isEqualTo(0.01);
    }

    @Test
    void meanTestFailsFalselyAtMostWithItsStatedProbability() {
        // Normal runs whose mean equals the prediction: the empirical rate of worst > 1 over many repetitions must
        // not exceed the stated family-wise probability (Bonferroni over 5 independent points: about 0.096 for 0.1)
        var rng = new SplittableRandom(42);
        int reps = 20000;
        int m = 4;
        int n = 6;
        int failures = 0;
        for (int r = 0; r < reps; r++) {
            double[][] v = new double[m][n];
            for (double[] row : v) {
                for (int j = 0; j < n; j++) {
                    row[j] = j + gauss(rng);
                }
            }
            double[] prediction = {0, 1, 2, 3, 4, 5};
            if (Statistics.meanTest(Statistics.stats(v), prediction, new double[n], Statistics.range(1, n), 0.1).worst() > 1) {
                failures++;
            }
        }
        double rate = (double) failures / reps;
        // binomial sd of the rate is 0.002 at 0.096: 0.08 .. 0.10 + 3 sd
        assertThat(rate).isBetween(0.08, 0.106);
    }

    @Test
    void spreadTestFailsFalselyAtMostWithItsStatedProbability() {
        var rng = new SplittableRandom(7);
        int reps = 20000;
        int failures = 0;
        for (int r = 0; r < reps; r++) {
            double[][] v = new double[5][3];
            for (double[] row : v) {
                for (int j = 0; j < 3; j++) {
                    row[j] = 2 * gauss(rng);
                }
            }
            if (Statistics.spreadTest(v, new int[] {0, 1, 2}, new double[] {2, 2, 2}, 0.1).worst() > 1) {
                failures++;
            }
        }
        double rate = (double) failures / reps;
        assertThat(rate).isBetween(0.08, 0.106);     // 1 - (1 - 0.1/3)^3 = 0.0966 for independent points
    }

    @Test
    void slopeStandardErrorOfThreeEquallySpacedPointsUsesOnlyTheEnds() {
        double[] x = {0, 1, 2};
        // slope = (y3 - y1) / 2: se = sqrt(se1^2 + se3^2) / 2, the middle point has zero weight
        assertThat(LeastSquaresConcentration.slopeSe(x, new double[] {0.3, 5, 0.4})).isCloseTo(0.25, within(1e-15));
    }

    private static double gauss(SplittableRandom rng) {
        double u = rng.nextDouble();
        double w = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
    }
}
