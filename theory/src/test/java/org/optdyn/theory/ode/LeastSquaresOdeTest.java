package org.optdyn.theory.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.TimeGrid;

/**
 * sgd-ode.md §7 N1–N3, N7 for least squares with constant and AdaGrad-Norm rates. ODE values are integrated at
 * rtol 1e-11 (§2.10: ≤ 1e-9 reproduces the §7 digits); assertion tolerances are the last digit shown in §7.
 */
class LeastSquaresOdeTest {

    private static OdeTrajectory solve(DiscreteSpectrum sp, LearningRateRule rule, double omega, double... times) {
        return HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), sp, rule, TimeGrid.of(times))
                .withNoise(omega).withRelativeTolerance(1e-11)).orElseThrow();
    }

    @Test
    void n1IdentityConstantRateMatchesClosedFormToOneInABillion() {
        // N1: R(t) = ½ exp(−γ(2−γ)t); the doc requires 1e-9.
        var sp = Spectra.identity(1_000_000);
        var tr = solve(sp, LearningRateRule.constant(1.0), 0.0, 0, 1, 2, 3);
        assertThat(tr.riskAt(0)).isEqualTo(0.5);
        assertThat(tr.riskAt(1)).isCloseTo(0.1839397206, within(1e-9));
        assertThat(tr.riskAt(2)).isCloseTo(0.0676676416, within(1e-9));
        assertThat(tr.riskAt(3)).isCloseTo(0.0248935342, within(1e-9));
        for (double g : new double[]{0.5, 1.5}) {
            var t2 = solve(sp, LearningRateRule.constant(g), 0.0, 1, 2);
            assertThat(t2.riskAt(1)).isCloseTo(0.2361832764, within(1e-9));
            assertThat(t2.riskAt(2)).isCloseTo(0.1115650801, within(1e-9));
        }
    }

    @Test
    void n2IdentityWithNoiseMatchesClosedForm() {
        // N2: ω = 1, γ = 0.5: R(t) = 2/3 + 1/3 e^{−0.75 t}; γ = 1: R ≡ 1.
        var sp = Spectra.identity(1000);
        var tr = solve(sp, LearningRateRule.constant(0.5), 1.0, 0, 1, 4, 40);
        assertThat(tr.riskAt(0)).isCloseTo(1.0, within(1e-12));
        assertThat(tr.riskAt(1)).isCloseTo(0.8241221842, within(1e-9));
        assertThat(tr.riskAt(4)).isCloseTo(0.6832623561, within(1e-9));
        assertThat(tr.riskAt(40)).isCloseTo(2.0 / 3 + Math.exp(-30) / 3, within(1e-9));
        var flat = solve(sp, LearningRateRule.constant(1.0), 1.0, 0.5, 3, 10);
        for (double r : flat.risk()) {
            assertThat(r).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void n3TwoPointWithNoiseMatchesTabulatedValues() {
        // N3: eigenvalues {1, 0.25}, γ = 1, ω = 0.5; 8 significant digits shown.
        var sp = Spectra.twoPoint(2, 1, 0.25);
        var tr = solve(sp, LearningRateRule.constant(1.0), 0.5, 0, 1, 2, 5, 10, 200);
        assertThat(tr.riskAt(0)).isCloseTo(0.4375, within(1e-12));
        assertThat(tr.riskAt(1)).isCloseTo(0.27267149, within(1e-8));
        assertThat(tr.riskAt(2)).isCloseTo(0.22379865, within(1e-8));
        assertThat(tr.riskAt(5)).isCloseTo(0.19053236, within(1e-8));
        assertThat(tr.riskAt(10)).isCloseTo(0.18271020, within(1e-8));
        assertThat(tr.riskAt(200)).isCloseTo(0.125 / 0.6875, within(1e-9));
    }

    @Test
    void groupedTwoPointCostsTheSameForAnyDimension() {
        // Grouping is exact (§2.4): d = 2 and d = 10⁶ give identical curves, J = 2 in both.
        var small = solve(Spectra.twoPoint(2, 1, 0.25), LearningRateRule.constant(1.0), 0.5, 1, 5);
        var big = solve(Spectra.twoPoint(1_000_000, 1, 0.25), LearningRateRule.constant(1.0), 0.5, 1, 5);
        assertThat(big.risk()).containsExactly(small.risk());
        assertThat(big.rhsEvaluations()).isEqualTo(small.rhsEvaluations());
    }

    @Test
    void n7AdaGradNormIdentityWithNoiseMatchesTabulatedRiskAndRate() {
        var sp = Spectra.identity(1000);
        var tr = solve(sp, LearningRateRule.adaGradNorm(1, 1), 1.0, 0, 0.5, 1, 2, 5, 10);
        double[][] expected = {{0.5, 0.94341709, 0.71114874}, {1, 0.87008085, 0.58892774},
                {2, 0.76487929, 0.47093154}, {5, 0.63888215, 0.34028595}, {10, 0.58663262, 0.26077564}};
        assertThat(tr.riskAt(0)).isCloseTo(1.0, within(1e-12));
        for (double[] e : expected) {
            assertThat(tr.riskAt(e[0])).as("risk at %s", e[0]).isCloseTo(e[1], within(1e-8));
            assertThat(tr.learningRateAt(e[0])).as("lr at %s", e[0]).isCloseTo(e[2], within(1e-8));
        }
        var tr2 = solve(sp, LearningRateRule.adaGradNorm(1, 0.3), 1.0, 0.5, 1, 2, 5, 10);
        double[][] expected2 = {{0.5, 1.28472758, 0.84234902}, {1, 1.09777328, 0.62060055},
                {2, 0.87078162, 0.46942613}, {5, 0.65386398, 0.33450778}, {10, 0.58689364, 0.25776346}};
        for (double[] e : expected2) {
            assertThat(tr2.riskAt(e[0])).as("risk at %s", e[0]).isCloseTo(e[1], within(1e-8));
            assertThat(tr2.learningRateAt(e[0])).as("lr at %s", e[0]).isCloseTo(e[2], within(1e-8));
        }
        // Bound of §4.5: γ_t ≤ η/√(b² + ω² λ̄ t).
        double[] t = tr.times();
        double[] g = tr.learningRate();
        for (int i = 0; i < t.length; i++) {
            assertThat(g[i]).isLessThanOrEqualTo(1 / Math.sqrt(1 + t[i]));
        }
    }

    @Test
    void n5AdaGradNormIdentityRiskFollowsTheFirstIntegralAndPeaksAtRateTwo() {
        // §4.3: along the path 𝓡 = 𝓡(0) + η² ln(s/b) − 2η(s − b), s = η/γ_t; for (η, b) = (1, 0.3) the risk first
        // rises to 𝓡_max = 0.6108256238 (N5), reached when γ_t = 2.
        var tr = solve(Spectra.identity(10), LearningRateRule.adaGradNorm(1, 0.3), 0.0,
                TimeGrid.linear(2, 401).times());
        double max = 0;
        double gammaAtMax = 0;
        for (int i = 0; i < tr.size(); i++) {
            double s = 1 / tr.learningRate()[i];
            double first = 0.5 + Math.log(s / 0.3) - 2 * (s - 0.3);
            // Both sides O(1), ODE at rtol 1e-11.
            assertThat(tr.risk()[i]).isCloseTo(first, within(1e-9));
            if (tr.risk()[i] > max) {
                max = tr.risk()[i];
                gammaAtMax = tr.learningRate()[i];
            }
        }
        // Grid spacing 0.005: near the peak 𝓡 is quadratic in t with |𝓡''| = O(1), so the sampled maximum is
        // within ~1e-5 below the true peak, and γ there within ~0.05 of 2 (|γ'| ≤ γ³𝓡 ≈ 5).
        double peak = HighLineClosedForms.adaGradNormPeakRiskIdentity(1, 0.3, 0.5);
        assertThat(peak).isCloseTo(0.6108256238, within(1e-10));
        assertThat(max).isLessThanOrEqualTo(peak + 1e-9).isGreaterThan(peak - 1e-4);
        assertThat(gammaAtMax).isCloseTo(2, within(0.05));
    }

    @Test
    void n5AdaGradNormIdentityNoiselessTrajectory() {
        var tr = solve(Spectra.identity(10), LearningRateRule.adaGradNorm(1, 1), 0.0, 1, 2, 5);
        assertThat(tr.riskAt(1)).isCloseTo(0.188224263, within(1e-9));
        assertThat(tr.learningRateAt(1)).isCloseTo(0.781933976, within(1e-9));
        assertThat(tr.riskAt(2)).isCloseTo(0.073697637, within(1e-9));
        assertThat(tr.learningRateAt(2)).isCloseTo(0.729460447, within(1e-9));
        assertThat(tr.riskAt(5)).isCloseTo(0.004723988, within(1e-9));
        assertThat(tr.learningRateAt(5)).isCloseTo(0.701963920, within(1e-9));
    }
}
