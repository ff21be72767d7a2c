package org.optdyn.theory.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.TimeGrid;

/**
 * AdaGrad-Norm limits and invariants (N6, N14), exact line search (N8 trajectory, N9) and Polyak (N10) on the ODE.
 * ODE runs at rtol 1e-11 (sgd-ode.md §2.10: ≤ 1e-9 reproduces the §7 digits).
 */
class AdaptiveRatesOdeTest {

    private static OdeTrajectory solve(OdeProblem p) {
        return HighLineOde.solve(p.withRelativeTolerance(1e-11)).orElseThrow();
    }

    @Test
    void n14AdaGradIdentityInvariantAndConservationLawAlongIdentityPath() {
        var sp = Spectra.identity(100);
        var tr = solve(OdeProblem.of(GlmModel.leastSquares(), sp, LearningRateRule.adaGradNorm(1, 1),
                TimeGrid.linear(3, 31)));
        // N14 reference values at t = 3 (10 digits shown).
        assertThat(1 / tr.learningRateAt(3)).isCloseTo(1.4055409985, within(1e-10));
        assertThat(tr.distanceSquaredAt(3)).isCloseTo(0.0586805681, within(1e-10));
        double[] g = tr.learningRate();
        double[] d2 = tr.distanceSquared();
        double[] q = tr.weightedFisherIntegral();
        for (int i = 0; i < g.length; i++) {
            // §4.2 identity 1/γ − b/η − λ̄/(2η²)∫γ𝓘 = 0, to integrator accuracy (O(1) quantities, rtol 1e-11).
            assertThat(1 / g[i] - 1 - 0.5 * q[i]).isCloseTo(0, within(1e-9));
            // §4.4 conservation law: D² + 4/γ + 2 ln γ ≡ 5 (K = I, η = b = 1, D²(0) = 1).
            assertThat(HighLineClosedForms.adaGradNormConservedQuantity(d2[i], g[i], 1, 1)).isCloseTo(5, within(1e-9));
        }
    }

    @Test
    void n6AdaGradOdeReachesConservationLawLimitOnTwoPointSpectra() {
        // N6: two-point {1, 0.25}, η = b = 1: γ_∞ = 0.8211285361. Noiseless LS decays like e^{-ρt}, ρ ≥ 0.2,
        // so by t = 300 the remaining ∫γ𝓡 is < e^{-60}: the ODE value must equal the limit to ODE accuracy.
        var tr = solve(OdeProblem.of(GlmModel.leastSquares(), Spectra.twoPoint(2, 1, 0.25),
                LearningRateRule.adaGradNorm(1, 1), TimeGrid.of(300)));
        assertThat(tr.learningRateAt(300)).isCloseTo(0.8211285361, within(1e-9));
        var sp2 = Spectra.twoPoint(2, 2, 0.5);
        var tr2 = solve(OdeProblem.of(GlmModel.leastSquares(), sp2, LearningRateRule.adaGradNorm(1, 2),
                TimeGrid.of(400)));
        assertThat(tr2.learningRateAt(400)).isCloseTo(0.4105642680, within(1e-9));
    }

    @Test
    void n6HlFamilyLimitIsIndependentOfConditionNumberAndInvariantHolds() {
        // N6: d = 1000, η = 2.5, b = 0.5, r_i(0) = 2/d: γ_∞ = 0.8634710608 for every s; must be reached to 1e-6 by
        // t = 3000, and the conservation law must hold along the path to 1e-9 relative. Already at t = 100 the risk is
        // below 1e-25 (λ_min γ_∞ t > 30), so the rest of ∫γ𝓡 is negligible and t = 100 suffices. The explicit
        // integrator's step is bounded by stability (≈ 1/λ_max), so s = 2.1 (λ_max = 114) is left to the benchmark.
        for (double s : new double[]{3, 5.5}) {
            DiscreteSpectrum sp = Spectra.highLineFamily(1000, s);
            double[] s0 = sp.weights();
            for (int j = 0; j < s0.length; j++) {
                s0[j] *= 2;
            }
            var tr = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), sp,
                    LearningRateRule.adaGradNorm(2.5, 0.5), TimeGrid.of(0, 1, 10, 100))
                    .withInitial(InitialOverlaps.coldStart(s0))
                    .withOptions(OdeOptions.defaults().withRelativeTolerance(1e-10).withGroupOverlaps(false)))
                    .orElseThrow();
            assertThat(tr.learningRateAt(100)).as("s = %s", s).isCloseTo(0.8634710608, within(1e-6));
            double c0 = HighLineClosedForms.adaGradNormConservedQuantity(2, 5, 2.5, sp.meanEigenvalue());
            for (int i = 0; i < tr.size(); i++) {
                double c = HighLineClosedForms.adaGradNormConservedQuantity(tr.distanceSquared()[i], tr.learningRate()[i],
                        2.5, sp.meanEigenvalue());
                assertThat(c).as("s = %s, t = %s", s, tr.times()[i]).isCloseTo(c0, within(1e-9 * Math.abs(c0)));
            }
        }
    }

    @Test
    void n14GeneralSystemReducesToResidualFormForLeastSquares() {
        // §2.4 with the LS closed forms must coincide with §3.1 (N14). Noise keeps r away from 0, so the
        // cancellation in p − 2c + s costs at most ~1e-16/𝓡 relative.
        var sp = Spectra.twoPoint(2, 1, 0.25);
        var base = OdeProblem.of(GlmModel.leastSquares(), sp, LearningRateRule.adaGradNorm(1, 0.3),
                TimeGrid.of(0.5, 1, 5, 10)).withNoise(0.5);
        var residual = solve(base);
        var general = solve(base.withOptions(OdeOptions.defaults().withGeneralForm(true)));
        for (int i = 0; i < residual.size(); i++) {
            assertThat(general.risk()[i]).isCloseTo(residual.risk()[i], within(1e-9));
            assertThat(general.learningRate()[i]).isCloseTo(residual.learningRate()[i], within(1e-9));
            double[] rg = general.groupResiduals(i);
            double[] rr = residual.groupResiduals(i);
            for (int j = 0; j < rg.length; j++) {
                assertThat(rg[j]).isCloseTo(rr[j], within(1e-9));
            }
            // s_j constant (N14): B₂₂ stays Σ λ_j s_j.
            assertThat(general.b22()[i]).isEqualTo(0.5 * 1 + 0.5 * 0.25);
        }
    }

    @Test
    void n8LineSearchTrajectoryOnTwoEigenvalues() {
        var sp = Spectra.twoPoint(2, 1, 0.25);
        var tr = solve(OdeProblem.of(GlmModel.leastSquares(), sp, new LearningRateRule.ExactLineSearch(),
                TimeGrid.of(0, 1, 5, 10, 20, 200)));
        double[][] exp = {{0, 0.3125, 1.6, 1}, {1, 9.94027083e-2, 1.33949600, 2.499031},
                {5, 8.71248120e-3, 0.92345089, 8.469694}, {10, 1.07085663e-3, 0.87340428, 10.018952},
                {20, 1.91178245e-5, 0.86985045, 10.143735}};
        for (double[] e : exp) {
            int i = tr.indexOf(e[0]);
            double[] r = tr.groupResiduals(i);
            // 9 significant digits for 𝓡 and γ, 7 for the ratio (as shown in N8).
            assertThat(tr.risk()[i]).as("risk %s", e[0]).isCloseTo(e[1], within(1e-8 * e[1]));
            assertThat(tr.learningRate()[i]).as("gamma %s", e[0]).isCloseTo(e[2], within(1e-8));
            assertThat(r[1] / r[0]).as("ratio %s", e[0]).isCloseTo(e[3], within(1e-6));
        }
        // The trajectory converges to the closed-form limit of §5.1 (N8 row λ₂ = 0.25).
        assertThat(tr.learningRateAt(200)).isCloseTo(HighLineClosedForms.lineSearchTwoEigenvalueLimit(1, 0.25),
                within(1e-8));
    }

    @Test
    void n9LineSearchOnHlFamilyStaysAboveLowerBound() {
        double[][] cases = {{5.5, 0.81275, 1.6055}, {4, 0.56604, 1.9286}};
        for (double[] c : cases) {
            DiscreteSpectrum sp = Spectra.highLineFamily(400, c[0]);
            double[] s0 = sp.weights();
            for (int j = 0; j < s0.length; j++) {
                s0[j] *= 2;
            }
            var tr = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), sp,
                    new LearningRateRule.ExactLineSearch(), TimeGrid.linear(60, 121))
                    .withInitial(InitialOverlaps.coldStart(s0))
                    .withOptions(OdeOptions.defaults().withGroupOverlaps(false))).orElseThrow();
            double bound = HighLineClosedForms.lineSearchLowerBound(sp);
            // An isotropic residual gives the Polyak value γ₀ = 1/λ̄ = 1.
            assertThat(tr.learningRateAt(0)).isCloseTo(1, within(1e-12));
            for (double g : tr.learningRate()) {
                assertThat(g).isGreaterThanOrEqualTo(bound);
            }
            // 5 significant digits shown.
            assertThat(tr.learningRateAt(60)).as("s = %s", c[0]).isCloseTo(c[1], within(1e-5));
            assertThat(tr.learningRateAt(60) / bound).isCloseTo(c[2], within(1e-4));
        }
        DiscreteSpectrum sp55 = Spectra.highLineFamily(400, 5.5);
        assertThat(sp55.secondMoment()).isCloseTo(1.2747, within(1e-4));
        assertThat(sp55.minEigenvalue()).isCloseTo(0.64531, within(1e-5));
    }

    @Test
    void n10PolyakRateOnTheOde() {
        var sp = Spectra.twoPoint(2, 1, 0.25);
        var tr = solve(OdeProblem.of(GlmModel.leastSquares(), sp, new LearningRateRule.Polyak(),
                TimeGrid.of(0, 1, 5)));
        for (double g : tr.learningRate()) {
            assertThat(g).isCloseTo(1.6, within(1e-12)); // noiseless: exactly 1/λ̄
        }
        var noisy = solve(OdeProblem.of(GlmModel.leastSquares(), sp, new LearningRateRule.Polyak(),
                TimeGrid.of(0, 1, 10, 100)).withNoise(0.5));
        double prev = Double.POSITIVE_INFINITY;
        for (int i = 0; i < noisy.size(); i++) {
            double expected = HighLineClosedForms.leastSquaresPolyakRate(noisy.risk()[i], 0.5, 0.625);
            assertThat(noisy.learningRate()[i]).isCloseTo(expected, within(1e-12));
            assertThat(noisy.learningRate()[i]).isLessThan(prev);
            prev = noisy.learningRate()[i];
        }
        assertThat(noisy.learningRateAt(100)).isLessThan(0.05);
    }
}
