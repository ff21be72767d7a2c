package org.optdyn.verification.sgdode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The parts of the SGD-versus-ODE experiments, against closed forms of sgd-ode.md. */
class SgdOdePartsTest {

    @Test
    void adaGradLimitReproducesTheIdentityCovarianceValuesOfN5() {
        // K = I: lambdaBar = 1, D^2(0) = 1 (N5, 10 printed digits)
        assertThat(ClosedForms.adaGradLimit(1, 1, 1, 1)).isCloseTo(0.7001764237, within(1e-10));
        assertThat(ClosedForms.adaGradLimit(1, 0.5, 1, 1)).isCloseTo(0.8482927376, within(1e-10));
        assertThat(ClosedForms.adaGradLimit(1, 0.3, 1, 1)).isCloseTo(0.7858768588, within(1e-10));
        assertThat(ClosedForms.adaGradLimit(2.5, 0.5, 1, 1)).isCloseTo(0.9208581375, within(1e-10));
        assertThat(ClosedForms.adaGradLimit(0.5, 1, 1, 1)).isCloseTo(0.3085053969, within(1e-10));
    }

    @Test
    void lineSearchLimitLiesInTheBoundsOfProposition31() {
        // lambda_min/m2 <= gamma_inf <= 2 lambda_min/m2 ([HL] eqs. (13), (95))
        for (double l2 : new double[] {0.9, 0.5, 0.2, 0.05}) {
            double m2 = (1 + l2 * l2) / 2;
            double g = ClosedForms.lineSearchTwoEigenvalueLimit(1, l2);
            assertThat(g).isBetween(l2 / m2, 2 * l2 / m2);
        }
    }

    @Test
    void volterraSolutionMatchesTheIdentityClosedFormToItsOrder() {
        // K = I, omega = 1, gamma = 0.5: R(t) = 2/3 + e^{-0.75 t}/3 (N2); X0 = 0, |X*| = 1 so r(0) = 1
        double[] r = VolterraLeastSquares.solve(new double[] {1}, new double[] {1}, new double[] {1}, 1, t -> 0.5, 4,
                400);
        double[] rr = VolterraLeastSquares.richardson(new double[] {1}, new double[] {1}, new double[] {1}, 1,
                t -> 0.5, 4, 400);
        double worst = 0;
        double worstR = 0;
        for (int n = 0; n <= 400; n++) {
            double exact = 2.0 / 3 + Math.exp(-0.75 * n * 0.01) / 3;
            worst = Math.max(worst, Math.abs(r[n] - exact));
            worstR = Math.max(worstR, Math.abs(rr[n] - exact));
        }
        // trapezoid: O(h^2) with h = 0.01 and O(1) derivatives: ~1e-5; Richardson: O(h^4) ~ 1e-9
        assertThat(worst).isLessThan(1e-4).isGreaterThan(1e-9);
        assertThat(worstR).isLessThan(1e-8);
        assertThat(rr[100]).isCloseTo(0.8241221842, within(1e-8));     // N2: R(1)
    }

    @Test
    void statisticsHelpers() {
        double[][] v = {{0, 1, 2}, {0, 3, 4}};
        var s = Runs.stats(v);
        assertThat(s.mean()).containsExactly(0, 2, 3);
        assertThat(s.sd()[1]).isCloseTo(Math.sqrt(2), within(1e-15));
        // |mean - ode| / (4 se + bias): at j = 1 |2 - 2| = 0, at j = 2 |3 - 1| / (4 * 1 + 0) = 0.5
        assertThat(Runs.worstMeanRatio(s, new double[] {0, 2, 1}, 0)).isCloseTo(0.5, within(1e-15));
        assertThat(Runs.logLogSlope(new double[] {1, 10, 100}, new double[] {1, 0.1, 0.01}))
                .isCloseTo(-1, within(1e-12));
        assertThat(Runs.slope(new double[] {0, 1, 2}, new double[] {1, 3, 5})).isCloseTo(2, within(1e-15));
    }
}
