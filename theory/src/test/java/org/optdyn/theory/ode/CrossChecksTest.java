package org.optdyn.theory.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.spectrum.DiscreteSpectrum;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.TimeGrid;

/** Independent cross-checks: Volterra form (§3.2), exact finite-d means (§3.4, N4), tolerance control. */
class CrossChecksTest {

    private static final DiscreteSpectrum N3 = Spectra.twoPoint(2, 1, 0.25);

    @Test
    void n4ExactFiniteDimensionalMeansIdentity() {
        // N4: K = I, γ = 1, ω = 0, D²(0) = 1, k = d steps (t = 1); 10 digits shown.
        String[][] rows = {{"64", "0.1883781565"}, {"256", "0.1850253586"}, {"1024", "0.1842096537"}};
        for (String[] r : rows) {
            long d = Long.parseLong(r[0]);
            var m = FiniteDimensionalMeans.expectedRiskFromGroups(Spectra.identity(d), new double[]{1}, 1, 0, d);
            Shown.matches("d = " + d, m.risk()[0], r[1]);
        }
        // The closed form of §3.4 for K = I: E‖X_k − X*‖² = q^k D²(0) + (γ²ω²/d)(1 − q^k)/(1 − q).
        long d = 100;
        double g = 0.7;
        double w = 0.3;
        double q = 1 - 2 * g / d + g * g * (d + 2) / ((double) d * d);
        var m = FiniteDimensionalMeans.expectedRisk(Spectra.identity(d), filled((int) d, 0.02), g, w, 0, 37, 500);
        long[] ks = {0, 37, 500};
        for (int i = 0; i < ks.length; i++) {
            double qk = Math.pow(q, ks[i]);
            double expected = qk * 2 + g * g * w * w / d * (1 - qk) / (1 - q);
            // Relative rounding of a 500-step linear recursion: ≤ 1e-13.
            assertThat(m.distanceSquared()[i]).isCloseTo(expected, within(1e-13));
            assertThat(m.risk()[i]).isCloseTo(0.5 * (expected + w * w), within(1e-13));
        }
    }

    @Test
    void n4ExactFiniteDimensionalMeansTwoPoint() {
        // N4: N3 spectrum (first half λ = 1), γ = 1, ω = 0.5, m_i(0) = 1/d, at k = d and k = 5d; 8 digits shown.
        for (long d : new long[]{256, 1024}) {
            var sp = Spectra.twoPoint(d, 1, 0.25);
            var m = FiniteDimensionalMeans.expectedRisk(sp, filled((int) d, 1.0 / d), 1, 0.5, d, 5 * d);
            String[] exp = d == 256 ? new String[]{"0.27309501", "0.19083636"}
                    : new String[]{"0.27277688", "0.19060805"};
            Shown.matches("t=1, d=" + d, m.risk()[0], exp[0]);
            Shown.matches("t=5, d=" + d, m.risk()[1], exp[1]);
        }
        // Bias → 0 like 1/d (§3.4): the gap to the ODE value at t = 1 shrinks about 4× from d = 256 to 1024.
        double ode = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), N3, LearningRateRule.constant(1),
                TimeGrid.of(1)).withNoise(0.5)).orElseThrow().riskAt(1);
        double b256 = 0.27309501 - ode;
        double b1024 = 0.27277688 - ode;
        assertThat(b256 / b1024).isBetween(3.5, 4.5);
    }

    @Test
    void volterraFormAgreesWithOdeForConstantRateAndConvergesAtSecondOrder() {
        double[] r0 = {0.5, 0.5};
        var ode = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), N3, LearningRateRule.constant(1),
                TimeGrid.of(1, 2, 5, 10)).withNoise(0.5).withRelativeTolerance(1e-12)).orElseThrow();
        var coarse = LeastSquaresVolterra.solve(N3, r0, 0.5, LearningRateRule.constant(1), 10, 500);
        var fine = LeastSquaresVolterra.solve(N3, r0, 0.5, LearningRateRule.constant(1), 10, 1000);
        var extrap = LeastSquaresVolterra.solveExtrapolated(N3, r0, 0.5, LearningRateRule.constant(1), 10, 500);
        for (double t : new double[]{1, 2, 5, 10}) {
            double ec = Math.abs(coarse.riskAt(t) - ode.riskAt(t));
            double ef = Math.abs(fine.riskAt(t) - ode.riskAt(t));
            // Trapezoidal rule: error ∝ h², so halving h divides it by 4 (±10% for the next h⁴ term).
            assertThat(ec / ef).as("order at t=%s", t).isBetween(3.6, 4.4);
            // Under-resolved (h = 0.02) the error is detectably large …
            assertThat(ec).isGreaterThan(1e-7);
            // … and after Richardson extrapolation (O(h⁴) ≈ 1e-7 × h² ≈ 1e-10) it agrees with the ODE.
            assertThat(extrap.riskAt(t)).as("t=%s", t).isCloseTo(ode.riskAt(t), within(1e-9));
        }
    }

    @Test
    void volterraFormMatchesTheIdentityClosedFormToItsOrder() {
        // K = I, ω = 1, γ = 0.5: 𝓡(t) = 2/3 + e^{−0.75t}/3 (§3.3, N2); X₀ = 0, ‖X*‖ = 1 so r(0) = 1.
        var sp = Spectra.identity(1);
        var plain = LeastSquaresVolterra.solve(sp, new double[]{1}, 1, LearningRateRule.constant(0.5), 4, 400);
        var extrap = LeastSquaresVolterra.solveExtrapolated(sp, new double[]{1}, 1, LearningRateRule.constant(0.5), 4,
                400);
        double worst = 0;
        double worstExtrap = 0;
        for (int n = 0; n <= 400; n++) {
            double exact = 2.0 / 3 + Math.exp(-0.75 * n * 0.01) / 3;
            worst = Math.max(worst, Math.abs(plain.risk()[n] - exact));
            worstExtrap = Math.max(worstExtrap, Math.abs(extrap.risk()[n] - exact));
        }
        // Trapezoid: O(h²) with h = 0.01 and O(1) derivatives, ~1e-5; Richardson: O(h⁴), ~1e-9.
        assertThat(worst).isLessThan(1e-4).isGreaterThan(1e-9);
        assertThat(worstExtrap).isLessThan(1e-8);
        assertThat(extrap.riskAt(1)).isCloseTo(0.8241221842, within(1e-8)); // N2: 𝓡(1)
    }

    @Test
    void volterraFormAgreesWithOdeForAdaGradNormAndSchedule() {
        var sp = Spectra.identity(10);
        var ode = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), sp, LearningRateRule.adaGradNorm(1, 1),
                TimeGrid.of(1, 5, 10)).withNoise(1).withRelativeTolerance(1e-12)).orElseThrow();
        var vol = LeastSquaresVolterra.solveExtrapolated(sp, new double[]{1}, 1, LearningRateRule.adaGradNorm(1, 1),
                10, 1000);
        for (double t : new double[]{1, 5, 10}) {
            // Richardson-extrapolated trapezoid at h = 0.01: error O(h⁴) ≪ 1e-8.
            assertThat(vol.riskAt(t)).isCloseTo(ode.riskAt(t), within(1e-8));
            assertThat(vol.learningRateAt(t)).isCloseTo(ode.learningRateAt(t), within(1e-8));
        }
        var schedule = new LearningRateRule.Schedule(t -> 1.5 / (1 + t), "1.5/(1+t)");
        var ps = Spectra.powerLaw(50, 0.3);
        double[] r0 = ps.weights();
        var odeS = HighLineOde.solve(OdeProblem.of(GlmModel.leastSquares(), ps, schedule, TimeGrid.of(2, 8))
                .withRelativeTolerance(1e-12)).orElseThrow();
        var volS = LeastSquaresVolterra.solveExtrapolated(ps, r0, 0, schedule, 8, 400);
        for (double t : new double[]{2, 8}) {
            assertThat(volS.riskAt(t)).isCloseTo(odeS.riskAt(t), within(1e-8 * odeS.riskAt(t)));
        }
    }

    @Test
    void halvingTheToleranceChangesValuesByLessThanTheErrorBound() {
        // DP853 keeps each local error below atol + rtol|y|; accumulated over the O(1)-Lipschitz, contracting
        // dynamics the global error stays ≲ 10 · rtol · max|y| (the risk is ≤ 0.44 here).
        var p = OdeProblem.of(GlmModel.leastSquares(), N3, LearningRateRule.adaGradNorm(1, 0.3),
                TimeGrid.linear(10, 21)).withNoise(0.5);
        var ref = HighLineOde.solve(p.withRelativeTolerance(1e-13)).orElseThrow();
        for (double rtol : new double[]{1e-6, 1e-8}) {
            var a = HighLineOde.solve(p.withRelativeTolerance(rtol)).orElseThrow();
            var b = HighLineOde.solve(p.withRelativeTolerance(rtol / 2)).orElseThrow();
            double bound = 10 * rtol;
            for (int i = 0; i < ref.size(); i++) {
                assertThat(Math.abs(a.risk()[i] - b.risk()[i])).isLessThan(bound);
                assertThat(Math.abs(a.risk()[i] - ref.risk()[i])).isLessThan(bound);
                assertThat(Math.abs(a.learningRate()[i] - ref.learningRate()[i])).isLessThan(bound);
            }
            assertThat(b.rhsEvaluations()).isGreaterThan(a.rhsEvaluations());
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
