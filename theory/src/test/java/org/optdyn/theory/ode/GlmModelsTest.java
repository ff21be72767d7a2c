package org.optdyn.theory.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.spectrum.Spectra;
import org.optdyn.engine.stream.LearningRateRule;
import org.optdyn.engine.stream.TimeGrid;

/** The ODE's Gauss–Hermite rule (N16), logistic regression (N11) and phase retrieval (N12). */
class GlmModelsTest {

    @Test
    void n16HermiteRuleNodesWeightsAndMoments() {
        var rule = LogisticRegression.quadrature(50);
        double[] x = rule.nodes();
        double[] w = rule.weights();
        double sw = 0;
        double sw2 = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < x.length; k++) {
            sw += w[k];
            sw2 += w[k] * x[k] * x[k];
            max = Math.max(max, x[k]);
        }
        // Sums of 50 positive terms: rounding ≤ 50 ulp ≈ 2e-14 relative.
        assertThat(sw).isCloseTo(1.7724538509055159, within(4e-14));
        assertThat(max).isCloseTo(9.182406958129317, within(1e-13));
        assertThat(sw2).isCloseTo(Math.sqrt(Math.PI) / 2, within(4e-14));
        // 2-D rule: polynomial moments are exact up to rounding (2500 terms of size ≤ 1: a few 1e-13).
        double b11 = 0.7;
        double b12 = 0.3;
        double b22 = 1.1;
        assertThat(rule.expectation(b11, b12, b22, (a, b) -> a * a)).isCloseTo(b11, within(1e-13));
        assertThat(rule.expectation(b11, b12, b22, (a, b) -> a * b)).isCloseTo(b12, within(1e-13));
        assertThat(rule.expectation(b11, b12, b22, (a, b) -> a * a * b * b))
                .isCloseTo(b11 * b22 + 2 * b12 * b12, within(1e-13));
        // Singular B (X₀ = 0): the y-first factorization stays exact.
        assertThat(rule.expectation(0, 0, 1, (a, b) -> a * a + b * b)).isCloseTo(1, within(1e-13));
    }

    @Test
    void golubWelschAgreesWithHipparchusHermiteRule() {
        var hip = LogisticRegression.quadrature(50);
        double[][] gw = LogisticRegression.golubWelsch(50);
        double[] x = hip.nodes();
        double[] w = hip.weights();
        for (int k = 0; k < 50; k++) {
            // Eigenvalues of an O(10)-norm tridiagonal matrix: backward-stable, error ~ 1e-15 × ‖J‖.
            assertThat(gw[0][k]).isCloseTo(x[k], within(1e-12));
            // Weights from v₁²: absolute accuracy ~ 1e-15 (small weights are only absolutely accurate).
            assertThat(gw[1][k]).isCloseTo(w[k], within(1e-14));
        }
        // n = 80 (Golub–Welsch): Σϖ = √π and Σϖξ² = √π/2 to rounding.
        var r80 = LogisticRegression.quadrature(80);
        assertThat(r80.expectation(1.0, z -> 1.0)).isCloseTo(1, within(1e-13));
        assertThat(r80.expectation(2.0, z -> z * z)).isCloseTo(2, within(1e-13));
        assertThat(r80.expectation(1.0, z -> z * z * z * z)).isCloseTo(3, within(1e-12));
    }

    @Test
    void n11LogisticQuadratureValuesAtTwoOverlapMatrices() {
        var m = GlmModel.logistic();
        ModelTerms t0 = m.terms(0, 0, 1, 0);
        // 10–12 digits shown in N11; 50-node quadrature of smooth integrands converges far beyond that.
        assertThat(t0.h()).isCloseTo(Math.log(2), within(1e-10));
        assertThat(t0.h() - t0.risk()).isCloseTo(0.599438219206, within(1e-12));
        assertThat(t0.risk()).isCloseTo(0.093708961354, within(1e-12));
        assertThat(t0.fisher()).isCloseTo(0.043379035858, within(1e-12));
        assertThat(t0.h1()).isCloseTo(0.125, within(1e-12));
        assertThat(t0.h2()).isCloseTo(-0.103310482071, within(1e-12));
        ModelTerms t1 = m.terms(0.7, 0.3, 1.1, 0);
        assertThat(t1.h()).isCloseTo(0.7132512849, within(1e-10));
        assertThat(t1.h() - t1.risk()).isCloseTo(0.5923764813, within(1e-10));
        assertThat(t1.risk()).isCloseTo(0.1208748036, within(1e-10));
        assertThat(t1.fisher()).isCloseTo(0.0531197623, within(1e-10));
        assertThat(t1.h1()).isCloseTo(0.1083910752, within(1e-10));
        assertThat(t1.h2()).isCloseTo(-0.1017895749, within(1e-10));
        assertThat(t1.distanceDecrease()).isCloseTo(0.2495761801, within(1e-10));
        // Stein forms vs direct 2-D quadrature of h = E[−xσ(y) + sp(x)] and A = E[(x−y)f'].
        var rule = LogisticRegression.quadrature(50);
        double h2d = rule.expectation(0.7, 0.3, 1.1,
                (x, y) -> -x * LogisticRegression.sigmoid(y) + LogisticRegression.softplus(x));
        double a2d = rule.expectation(0.7, 0.3, 1.1,
                (x, y) -> (x - y) * (LogisticRegression.sigmoid(x) - LogisticRegression.sigmoid(y)));
        assertThat(h2d).isCloseTo(t1.h(), within(1e-12));
        assertThat(a2d).isCloseTo(t1.distanceDecrease(), within(1e-12));
        assertThatThrownBy(() -> m.terms(0, 0, 1, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noiseVariance");
    }

    @Test
    void n11LogisticOdeConstantAndAdaGradCurves() {
        var sp = Spectra.identity(1000);
        var tr = HighLineOde.solve(OdeProblem.of(GlmModel.logistic(), sp, LearningRateRule.constant(1),
                TimeGrid.of(0, 1, 2, 5, 10, 20)).withRelativeTolerance(1e-10)).orElseThrow();
        String[][] kl = {{"0", "0.093708961354"}, {"1", "0.063445863"}, {"2", "0.043607212"},
                {"5", "0.015230315"}, {"10", "0.0030576441"}, {"20", "0.00015279405"}};
        for (String[] e : kl) {
            Shown.matches("KL(" + e[0] + ")", tr.riskAt(Double.parseDouble(e[0])), e[1]);
        }
        var ada = HighLineOde.solve(OdeProblem.of(GlmModel.logistic(), sp, LearningRateRule.adaGradNorm(1, 1),
                TimeGrid.of(1, 2, 5, 10, 20)).withRelativeTolerance(1e-10)).orElseThrow();
        String[][] exp = {{"1", "0.063639619", "0.98277011"}, {"2", "0.044058395", "0.9718091"},
                {"5", "0.015896029", "0.95630641"}, {"10", "0.0034054057", "0.94946778"},
                {"20", "0.00019567661", "0.94769801"}};
        for (String[] e : exp) {
            double t = Double.parseDouble(e[0]);
            Shown.matches("KL(" + e[0] + ")", ada.riskAt(t), e[1]);
            Shown.matches("lr(" + e[0] + ")", ada.learningRateAt(t), e[2]);
        }
    }

    @Test
    void n11LogisticTwoPointCurveIsNodeCountIndependent() {
        var sp = Spectra.twoPoint(2, 2, 0.5);
        var p = OdeProblem.of(GlmModel.logistic(), sp, LearningRateRule.constant(0.8), TimeGrid.of(0, 1, 5, 10))
                .withRelativeTolerance(1e-10);
        var tr = HighLineOde.solve(p).orElseThrow();
        String[][] kl = {{"0", "0.11083774"}, {"1", "0.067726674"}, {"5", "0.017564374"}, {"10", "0.0064814888"}};
        for (String[] e : kl) {
            Shown.matches("KL(" + e[0] + ")", tr.riskAt(Double.parseDouble(e[0])), e[1]);
        }
        int i1 = tr.indexOf(1);
        assertThat(tr.b11()[i1]).isCloseTo(0.107026, within(1e-6));
        assertThat(tr.b12()[i1]).isCloseTo(0.282588, within(1e-6));
        assertThat(tr.b22()[i1]).isCloseTo(1.25, within(1e-15));
        // 50 vs 80 nodes: the values change by less than 1e-9 (N11).
        var tr80 = HighLineOde.solve(new OdeProblem(new LogisticRegression(80), sp, p.rule(), 0, p.initial(),
                p.grid(), p.options())).orElseThrow();
        for (int i = 0; i < tr.size(); i++) {
            assertThat(tr80.risk()[i]).isCloseTo(tr.risk()[i], within(1e-9));
        }
    }

    @Test
    void n12PhaseRetrievalClosedFormsAgreeWithQuadrature() {
        double b11 = 0.7;
        double b12 = 0.3;
        double b22 = 1.1;
        double w2 = 0.16;
        ModelTerms t = GlmModel.phaseRetrieval().terms(b11, b12, b22, w2);
        assertThat(t.h()).isCloseTo(1.68, within(1e-14));
        assertThat(t.fisher()).isCloseTo(16.96, within(1e-13));
        assertThat(t.h1()).isCloseTo(1.0, within(1e-15));
        assertThat(t.h2()).isCloseTo(-0.6, within(1e-15));
        assertThat(t.distanceDecrease()).isCloseTo(1.76, within(1e-14));
        // 50-node 2-D rule in (x, y) × 10-node rule in ε (all integrands are polynomials of degree ≤ 6 in x, y and
        // ≤ 2 in ε, integrated exactly): agreement to 1e-12 (N12).
        var rule = LogisticRegression.quadrature(50);
        var eps = LogisticRegression.quadrature(10);
        double h = rule.expectation(b11, b12, b22,
                (x, y) -> eps.expectation(w2, e -> 0.5 * Math.pow(x * x - y * y - e, 2)));
        double fi = rule.expectation(b11, b12, b22,
                (x, y) -> eps.expectation(w2, e -> Math.pow(2 * x * (x * x - y * y - e), 2)));
        // f_xx = 6x² − 2y² − 2ε, f_xy = −4xy.
        double h1 = rule.expectation(b11, b12, b22, (x, y) -> 0.5 * (6 * x * x - 2 * y * y));
        double h2 = rule.expectation(b11, b12, b22, (x, y) -> 0.5 * (-4 * x * y));
        double a = rule.expectation(b11, b12, b22,
                (x, y) -> eps.expectation(w2, e -> (x - y) * 2 * x * (x * x - y * y - e)));
        assertThat(h).isCloseTo(t.h(), within(1e-12));
        assertThat(fi).isCloseTo(t.fisher(), within(1e-12));
        assertThat(h1).isCloseTo(t.h1(), within(1e-12));
        assertThat(h2).isCloseTo(t.h2(), within(1e-12));
        assertThat(a).isCloseTo(t.distanceDecrease(), within(1e-12));
    }

    @Test
    void phaseRetrievalSaddleAtZeroAndWarmStartConverges() {
        var sp = Spectra.identity(100);
        // X₀ = 0 is a saddle: c stays 0 and the risk never reaches the floor (§2.8).
        var cold = HighLineOde.solve(OdeProblem.of(GlmModel.phaseRetrieval(), sp, LearningRateRule.constant(0.05),
                TimeGrid.of(0, 5, 20))).orElseThrow();
        assertThat(cold.targetOverlap()).containsOnly(0.0);
        // Warm start X₀ = 0.5X* + orthogonal part of norm 0.5 at a small constant rate: the overlap grows
        // towards ‖X*‖² = 1 and the risk decreases.
        var warm = HighLineOde.solve(OdeProblem.of(GlmModel.phaseRetrieval(), sp, LearningRateRule.constant(0.05),
                TimeGrid.of(0, 5, 20, 100)).withInitial(InitialOverlaps.isotropicWarmStart(sp, 0.5, 0.5))
                .withNoise(0.1)).orElseThrow();
        double[] r = warm.risk();
        for (int i = 1; i < r.length; i++) {
            assertThat(r[i]).isLessThan(r[i - 1]);
        }
        assertThat(warm.targetOverlap()[warm.size() - 1]).isGreaterThan(0.9);
    }

    @Test
    void lineSearchAndPolyakOnLogisticUseTheGlmFormulasAtTheRecordedOverlaps() {
        // §5.1 GLM: γ = 4Σλ²(H₁²p + 2H₁H₂c + H₂²s) / (2H₁m₂𝓘); §5.2: γ = A/(λ̄𝓘), both at B(t).
        var sp = Spectra.twoPoint(2, 2, 0.5);
        var grid = TimeGrid.of(0, 1, 3);
        var ls = HighLineOde.solve(OdeProblem.of(GlmModel.logistic(), sp, new LearningRateRule.ExactLineSearch(),
                grid)).orElseThrow();
        var pk = HighLineOde.solve(OdeProblem.of(GlmModel.logistic(), sp, new LearningRateRule.Polyak(), grid))
                .orElseThrow();
        double[] lam = sp.eigenvalues();
        for (int i = 0; i < grid.size(); i++) {
            ModelTerms m = GlmModel.logistic().terms(ls.b11()[i], ls.b12()[i], ls.b22()[i], 0);
            double num = 0;
            for (int j = 0; j < lam.length; j++) {
                num += lam[j] * lam[j] * (m.h1() * m.h1() * ls.groupP()[i][j]
                        + 2 * m.h1() * m.h2() * ls.groupC()[i][j] + m.h2() * m.h2() * ls.groupS()[j]);
            }
            double expected = 4 * num / (2 * m.h1() * sp.secondMoment() * m.fisher());
            // Same formula on the same recorded state: agreement to rounding.
            assertThat(ls.learningRate()[i]).isCloseTo(expected, within(1e-12 * expected));
            ModelTerms q = GlmModel.logistic().terms(pk.b11()[i], pk.b12()[i], pk.b22()[i], 0);
            double polyak = q.distanceDecrease() / (sp.meanEigenvalue() * q.fisher());
            assertThat(pk.learningRate()[i]).isCloseTo(polyak, within(1e-12 * polyak));
        }
        // Both greedy rules decrease their target: the KL for line search, D² for Polyak.
        assertThat(ls.risk()[2]).isLessThan(ls.risk()[1]).isLessThan(ls.risk()[0]);
        assertThat(pk.distanceSquared()[2]).isLessThan(pk.distanceSquared()[1]).isLessThan(pk.distanceSquared()[0]);
    }

    @Test
    void leastSquaresLineSearchGeneralAndResidualFormsAgree() {
        var sp = Spectra.twoPoint(2, 1, 0.25);
        var p = OdeProblem.of(GlmModel.leastSquares(), sp, new LearningRateRule.ExactLineSearch(),
                TimeGrid.of(0, 1, 5)).withNoise(0.3).withRelativeTolerance(1e-11);
        var residual = HighLineOde.solve(p).orElseThrow();
        var general = HighLineOde.solve(p.withOptions(p.options().withGeneralForm(true))).orElseThrow();
        for (int i = 0; i < residual.size(); i++) {
            // O(1) values, rtol 1e-11; the general form loses ~1e-16/𝓡 to cancellation (𝓡 ≥ 0.045 here).
            assertThat(general.learningRate()[i]).isCloseTo(residual.learningRate()[i], within(1e-9));
            assertThat(general.risk()[i]).isCloseTo(residual.risk()[i], within(1e-9));
        }
    }
}
