package org.optdyn.theory.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.spectrum.Spectra;

/** Closed forms of sgd-ode.md §3.3, §4.3–4.5, §5 against the tabulated values N3, N5, N6, N8, N10. */
class HighLineClosedFormsTest {

    private static final org.optdyn.engine.spectrum.DiscreteSpectrum N3 = Spectra.twoPoint(2, 1, 0.25);

    @Test
    void n3ThresholdLimitingRiskAndDecayRate() {
        assertThat(N3.meanEigenvalue()).isEqualTo(0.625);
        assertThat(N3.secondMoment()).isEqualTo(0.53125);
        assertThat(HighLineClosedForms.stabilityThreshold(N3)).isEqualTo(3.2);
        // 𝓡(∞) = 0.125/0.6875, exact arithmetic up to rounding.
        assertThat(HighLineClosedForms.limitingRisk(1, N3, 0.5)).isCloseTo(0.125 / 0.6875, within(1e-15));
        // ρ = 0.4538147861 (10 digits shown).
        assertThat(HighLineClosedForms.asymptoticDecayRate(1, N3)).isCloseTo(0.4538147861, within(1e-10));
        // hl-family spectra have mean 1, hence γ_c = 2 for every s.
        for (double s : new double[]{2.1, 3, 5.5}) {
            assertThat(HighLineClosedForms.stabilityThreshold(Spectra.highLineFamily(1000, s)))
                    .isCloseTo(2, within(1e-13));
        }
        assertThatThrownBy(() -> HighLineClosedForms.limitingRisk(3.2, N3, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.2");
    }

    @Test
    void identityRiskClosedFormIsSymmetricInGammaAndTwoMinusGamma() {
        assertThat(HighLineClosedForms.identityRisk(0.5, 0, 1, 1)).isCloseTo(0.2361832764, within(1e-10));
        assertThat(HighLineClosedForms.identityRisk(1.5, 0, 1, 2)).isCloseTo(0.1115650801, within(1e-10));
        assertThat(HighLineClosedForms.identityRisk(0.5, 1, 1, 4)).isCloseTo(0.6832623561, within(1e-10));
    }

    @Test
    void n5AdaGradNormIdentityLimits() {
        // N5: D²(0) = 1, 𝓡(0) = ½; 10 digits shown.
        assertThat(HighLineClosedForms.adaGradNormLimitIdentity(1, 1, 0.5)).isCloseTo(0.7001764237, within(1e-10));
        assertThat(1 / HighLineClosedForms.adaGradNormLimitIdentity(1, 1, 0.5)).isCloseTo(1.4282114709, within(1e-10));
        assertThat(HighLineClosedForms.adaGradNormLimitIdentity(1, 0.5, 0.5)).isCloseTo(0.8482927376, within(1e-10));
        assertThat(HighLineClosedForms.adaGradNormLimitIdentity(1, 0.3, 0.5)).isCloseTo(0.7858768588, within(1e-10));
        assertThat(HighLineClosedForms.adaGradNormPeakRiskIdentity(1, 0.3, 0.5)).isCloseTo(0.6108256238, within(1e-10));
        assertThat(HighLineClosedForms.adaGradNormLimitIdentity(2.5, 0.5, 0.5)).isCloseTo(0.9208581375, within(1e-10));
        assertThat(HighLineClosedForms.adaGradNormLimitIdentity(0.5, 1, 0.5)).isCloseTo(0.3085053969, within(1e-10));
        // The general conservation law with λ̄ = 1 reduces to §4.3 (consequence 4 of §4.4).
        assertThat(HighLineClosedForms.adaGradNormLimit(1, 0.3, Spectra.identity(7), 1, 0))
                .isCloseTo(0.7858768588, within(1e-10));
    }

    @Test
    void n6AdaGradNormLimitGeneralSpectrumAndBounds() {
        double g = HighLineClosedForms.adaGradNormLimit(1, 1, N3, 1, 0);
        assertThat(g).isCloseTo(0.8211285361, within(1e-10));
        double[] b = HighLineClosedForms.adaGradNormLimitBounds(1, 1, N3, 1);
        assertThat(b[0]).isCloseTo(0.814815, within(1e-6));
        assertThat(b[1]).isCloseTo(0.864865, within(1e-6));
        assertThat(g).isBetween(b[0], b[1]);
        var sp = Spectra.twoPoint(2, 2, 0.5);
        double[][] cases = {{1, 1, 0.6210257381, 0.545455, 0.761905}, {1, 2, 0.4105642680, 0.407407, 0.432432},
                {0.5, 1, 0.2761666290, 0.261905, 0.307692}};
        for (double[] c : cases) {
            double gi = HighLineClosedForms.adaGradNormLimit(c[0], c[1], sp, 1, 0);
            assertThat(gi).as("eta=%s b=%s", c[0], c[1]).isCloseTo(c[2], within(1e-10));
            double[] bi = HighLineClosedForms.adaGradNormLimitBounds(c[0], c[1], sp, 1);
            assertThat(bi[0]).isCloseTo(c[3], within(1e-6));
            assertThat(bi[1]).isCloseTo(c[4], within(1e-6));
            assertThat(gi).isBetween(bi[0], bi[1]);
        }
        // Consequence 1 of §4.4: only λ̄ matters — the hl family (λ̄ = 1) gives the same limit for every s.
        double ref = HighLineClosedForms.adaGradNormLimit(2.5, 0.5, Spectra.identity(1000), 2, 0);
        assertThat(ref).isCloseTo(0.8634710608, within(1e-10));
        assertThat(HighLineClosedForms.adaGradNormLimit(2.5, 0.5, Spectra.highLineFamily(1000, 2.1), 2, 0))
                .isCloseTo(ref, within(1e-12));
    }

    @Test
    void n8LineSearchTwoEigenvalueLimitsRatiosAndBounds() {
        double[][] table = {{0.5, 2.3507810594, 1.1677500610}, {0.25, 10.1443097271, 0.8698342171},
                {0.125, 50.0348884349, 0.4836767527}, {0.1, 82.0219186306, 0.3916886848},
                {0.0625, 226.0082938621, 0.2479939672}, {0.03125, 962.0020139636, 0.1247522907},
                {0.01, 9802.0002019994, 0.0399919608}};
        for (double[] row : table) {
            double l2 = row[0];
            double x = HighLineClosedForms.lineSearchTwoEigenvalueRatio(1, l2);
            double g = HighLineClosedForms.lineSearchTwoEigenvalueLimit(1, l2);
            // 10 decimals shown; x is large (up to 1e4), so compare relative 1e-12 + the last digit.
            assertThat(x).as("x for %s", l2).isCloseTo(row[1], within(1e-10 + 1e-13 * row[1]));
            assertThat(g).as("gamma for %s", l2).isCloseTo(row[2], within(1e-10));
            // The closed form of γ_∞ in terms of √Δ must agree with the ratio form.
            double m2 = (1 + l2 * l2) / 2;
            assertThat(g).isBetween(l2 / m2, 2 * l2 / m2);
            assertThat(HighLineClosedForms.lineSearchLowerBound(Spectra.twoPoint(2, 1, l2))).isCloseTo(l2 / m2,
                    within(1e-15));
        }
    }

    @Test
    void n8LineSearchIsSlowerThanPolyakAndTheBestConstantRate() {
        double[][] rows = {{0.5, 0.852275, 0.888889, 0.896928}, {0.25, 0.401950, 0.640000, 0.684916},
                {0.1, 0.077477, 0.330579, 0.405753}, {0.01, 0.000800, 0.039212, 0.064983}};
        for (double[] r : rows) {
            var sp = Spectra.twoPoint(2, 1, r[0]);
            double line = HighLineClosedForms.lineSearchTwoEigenvalueDecayRate(1, r[0]);
            double polyak = HighLineClosedForms.asymptoticDecayRate(1 / sp.meanEigenvalue(), sp);
            double best = HighLineClosedForms.bestConstantRate(sp)[1];
            // 6 decimals shown.
            assertThat(line).as("line %s", r[0]).isCloseTo(r[1], within(1e-6));
            assertThat(polyak).as("polyak %s", r[0]).isCloseTo(r[2], within(1e-6));
            assertThat(best).as("best %s", r[0]).isCloseTo(r[3], within(1e-6));
            assertThat(line).isLessThan(polyak);
            assertThat(polyak).isLessThanOrEqualTo(best);
        }
    }

    @Test
    void n10PolyakRateLeastSquares() {
        assertThat(HighLineClosedForms.leastSquaresPolyakRate(0.3, 0, N3.meanEigenvalue())).isCloseTo(1.6, within(1e-15));
        // With noise it tends to 0 as 𝓡 → ω²/2.
        assertThat(HighLineClosedForms.leastSquaresPolyakRate(0.125 * (1 + 1e-9), 0.5, 0.625)).isLessThan(1e-8);
    }
}
