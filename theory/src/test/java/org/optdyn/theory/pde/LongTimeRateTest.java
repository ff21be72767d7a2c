package org.optdyn.theory.pde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.dln.DlnInstance;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.stream.TimeGrid;

/** The long-time rate of diagonal-networks.md §6.2–6.4 and its least-squares limit N11. */
class LongTimeRateTest {

    private static double[] ones(int n) {
        double[] s = new double[n];
        Arrays.fill(s, 1);
        return s;
    }

    @Test
    void n11LeastSquaresLimitOnN1AtGammaOneHasRateThreeQuarters() {
        // s_i = 1 on N1, gamma = 1: (1/2)(0.25/(1 - r) + 2.25/(3 - r)) = 1  <=>  2r^2 - 5.5r + 3 = 0, roots 0.75 and 2
        var rate = LongTimeRate.of(DlnInstance.n1(1000).k(), ones(1000), 1);
        assertThat(rate.rStar()).isCloseTo(0.75, within(1e-13));
        assertThat(rate.kappaInf()).isCloseTo(1, within(1e-15));
        assertThat(rate.stable()).isTrue();
        assertThat(rate.rMax()).isEqualTo(1.0);
        assertThat(rate.lowerBound()).isCloseTo(0.5, within(1e-15));
        assertThat(rate.rStar()).isGreaterThanOrEqualTo(rate.lowerBound());
    }

    @Test
    void thresholdAtGammaKappaTwoAndGrowthBeyondIt() {
        double[] k = DlnInstance.n1(10).k();
        // N11: threshold gamma Tr(K)/d = 2 -> r* = 0 (f(0) = gamma kappa / 2 - 1 = 0)
        assertThat(LongTimeRate.of(k, ones(10), 2).rStar()).isCloseTo(0, within(1e-14));
        var grow = LongTimeRate.of(k, ones(10), 2.2);
        assertThat(grow.stable()).isFalse();
        assertThat(grow.rStar()).isNegative();
        // the root satisfies the rate equation
        double f = 0.5 * (Math.pow(2.2 * 0.5, 2) / (2 * 2.2 * 0.5 - grow.rStar())
                + Math.pow(2.2 * 1.5, 2) / (2 * 2.2 * 1.5 - grow.rStar()));
        assertThat(f).isCloseTo(1, within(1e-12));
    }

    @Test
    void rootSolvesTheRateEquationAndRespectsTheBoundOnAGeneralState() {
        double[] k = {0.2, 0.7, 1.1, 3.0, 0.9};
        double[] s = {0.5, 1.3, 0.05, 0.4, 2.0};
        var rate = LongTimeRate.of(k, s, 0.4);
        double sum = 0;
        for (int i = 0; i < k.length; i++) {
            double g = 0.4 * k[i] * s[i];
            sum += g * g / (2 * g - rate.rStar()) / k.length;
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(rate.rStar()).isBetween(rate.lowerBound(), rate.rMax());
        assertThat(rate.rMax()).isCloseTo(2 * 0.4 * 1.1 * 0.05, within(1e-16));
    }

    @Test
    void fromStateUsesTheImbalanceAndTheTarget() {
        // c = a^2 - b^2 = 0.75, beta = 0.5 -> s = sqrt(0.5625 + 1) = 1.25; c = 1, beta = 0 -> s = 1
        var state = new DlnInstance(new double[] {1, 1}, new double[] {0.5, 0}, new double[] {1, 1},
                new double[] {0.5, 0});
        assertThat(LongTimeRate.fromState(state, 0.5).kappaInf()).isCloseTo((1.25 + 1) / 2, within(1e-15));
        assertThatThrownBy(() -> LongTimeRate.of(new double[] {1}, new double[] {0}, 1)).hasMessageContaining("s must");
    }

    /**
     * N5 (sigma = 0, N1) by §8 step 5: the decay rate of the particle risk, fitted by least squares to {@code log R}
     * on t in [15, 30], against {@code r*} from the particle state at T = 30, and {@code r*} against the spec's value;
     * both within the spec's 3 % (its tolerance when {@code r* > 0.3}). M = 2e4 particles (N1 at d = 4000 replicated 5
     * times): the rate is a property of the class law of {@code s_i}, whose particle error at this M is far below 3 %.
     */
    @Test
    void n5RateOfTheParticleDecayMatchesTheRenewalRate() {
        double[][] cases = {{0.5, 0.4497, 0.593}, {1.0, 0.7081, 1.067}};
        double[] times = new double[30];
        for (int i = 0; i < 30; i++) {
            times[i] = i + 1;
        }
        for (double[] c : cases) {
            var p = ParticleSolver.replicate(DlnProblem.n1(4000, c[0], 0, TimeGrid.of(times)), 5);
            var sol = ParticleSolver.defaults().solve(p, 8).orElseThrow();
            double[] t = sol.trajectory().times();
            double[] r = sol.trajectory().risk();
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            int n = 0;
            for (int i = 0; i < t.length; i++) {
                if (t[i] >= 15) {
                    double y = Math.log(r[i]);
                    sx += t[i];
                    sy += y;
                    sxx += t[i] * t[i];
                    sxy += t[i] * y;
                    n++;
                }
            }
            double fitted = -(n * sxy - sx * sy) / (n * sxx - sx * sx);
            var rate = LongTimeRate.fromState(sol.state(), c[0]);
            assertThat(rate.stable()).isTrue();
            assertThat(fitted).as("gamma = %s: fitted vs r* %s", c[0], rate.rStar())
                    .isCloseTo(rate.rStar(), within(0.03 * rate.rStar()));
            assertThat(rate.rStar()).as("gamma = %s: r* vs spec", c[0]).isCloseTo(c[1], within(0.03 * c[1]));
            assertThat(rate.gammaKappa()).as("gamma = %s: gamma kappa_inf vs spec", c[0])
                    .isCloseTo(c[2], within(0.03 * c[2]));
            assertThat(rate.rStar()).isBetween(rate.lowerBound(), rate.rMax());
        }
    }
}
