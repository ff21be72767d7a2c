package org.optdyn.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Gauss–Hermite rule (sgd-ode.md §2.7, N16) and the population terms of §2.8 (N12). */
class PopulationTermsTest {

    @Test
    void fiftyNodeRuleHasTheN16SumLargestNodeAndSecondMoment() {
        var q = HermiteQuadrature.standard();
        double[] x = q.nodes();
        double[] w = q.weights();
        double sw = 0;
        double sx2 = 0;
        for (int k = 0; k < x.length; k++) {
            sw += w[k];
            sx2 += w[k] * x[k] * x[k];
        }
        // bisection to the last bit and Christoffel weights: rounding of 50-term sums, a few 1e-16 relative
        assertThat(sw).isCloseTo(1.7724538509055159, within(1e-14));
        assertThat(x[49]).isCloseTo(9.182406958129317, within(1e-13));
        assertThat(x[0]).isEqualTo(-x[49]);
        assertThat(sx2).isCloseTo(Math.sqrt(Math.PI) / 2, within(1e-14));
    }

    @Test
    void ruleFromGivenNodesAndWeightsCopiesAndValidatesThem() {
        double[] x = {-1 / Math.sqrt(2), 1 / Math.sqrt(2)};
        double[] w = {Math.sqrt(Math.PI) / 2, Math.sqrt(Math.PI) / 2};
        var q = HermiteQuadrature.of(x, w);
        x[0] = 0;
        // the two-node rule: exact for E z^2 = 1 (degree <= 3), abscissae +-1, weights 1/2
        assertThat(q.expectation(1.0, z -> z * z)).isCloseTo(1, within(1e-15));
        assertThat(q.standardNormalNodes()).containsExactly(new double[] {-1, 1}, within(1e-15));
        assertThat(q.probabilityWeights()).containsExactly(new double[] {0.5, 0.5}, within(1e-15));
        assertThatThrownBy(() -> HermiteQuadrature.of(new double[] {1, 0}, w))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> HermiteQuadrature.of(new double[] {0}, w))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal length");
        assertThatThrownBy(() -> HermiteQuadrature.of(x, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights[1]");
    }

    @Test
    void twoDimensionalRuleIsExactForTheN16Moments() {
        // degree <= 4 polynomials: exact up to rounding (N16)
        var q = HermiteQuadrature.standard();
        double b11 = 0.7;
        double b12 = 0.3;
        double b22 = 1.1;
        assertThat(q.expectation(b11, b12, b22, (x, y) -> x * x)).isCloseTo(b11, within(1e-13));
        assertThat(q.expectation(b11, b12, b22, (x, y) -> x * y)).isCloseTo(b12, within(1e-13));
        assertThat(q.expectation(b11, b12, b22, (x, y) -> x * x * y * y))
                .isCloseTo(b11 * b22 + 2 * b12 * b12, within(1e-12));
        assertThat(q.expectation(2.0, x -> x * x * x * x)).isCloseTo(12.0, within(1e-12));
        // singular B (X0 = 0: B11 = B12 = 0): the y-first factorization stays exact
        assertThat(q.expectation(0, 0, 1, (x, y) -> x * x + y * y)).isCloseTo(1, within(1e-13));
        // B22 = 0: the roles swap, y = 0
        assertThat(q.expectation(1.5, 0, 0, (x, y) -> x * x + y * y)).isCloseTo(1.5, within(1e-13));
    }

    @Test
    void phaseRetrievalClosedFormsGiveTheN12Values() {
        var t = PopulationTerms.of(new LabelModel.PhaseRetrieval(0.4));
        t.evaluate(0.7, 0.3, 1.1);
        // N12 (omega^2 = 0.16): polynomial closed forms, exact to rounding
        assertThat(t.fisher).isCloseTo(16.96, within(1e-12));
        assertThat(t.h1).isCloseTo(1.0, within(1e-15));
        assertThat(t.h2).isCloseTo(-0.6, within(1e-15));
        // and they agree with the quadrature of E f'^2 with eps integrated out: E(2x(x^2-y^2))^2 + 4 omega^2 E x^2
        double quad = HermiteQuadrature.standard().expectation(0.7, 0.3, 1.1, (x, y) -> {
            double f = 2 * x * (x * x - y * y);
            return f * f;
        }) + 4 * 0.16 * 0.7;
        assertThat(quad).isCloseTo(16.96, within(1e-11));
    }

    @Test
    void logisticTermsSatisfySteinsIdentityAndVanishAtTheTarget() {
        var q = HermiteQuadrature.standard();
        var t = PopulationTerms.of(new LabelModel.Logistic());
        double b11 = 0.7;
        double b12 = 0.3;
        double b22 = 1.1;
        t.evaluate(b11, b12, b22);
        // Stein (§2.2): E[x f'] = 2 (B11 H1 + B12 H2), E[y f'] = 2 (B12 H1 + B22 H2), f' = sigma(x) - sigma(y);
        // the integrands are smooth, and 50 nodes resolve them to ~1e-15 (the rule's error for analytic
        // functions decays geometrically in n), so 1e-12
        double ex = q.expectation(b11, b12, b22, (x, y) -> x * (LabelModel.Logistic.sigmoid(x)
                - LabelModel.Logistic.sigmoid(y)));
        double ey = q.expectation(b11, b12, b22, (x, y) -> y * (LabelModel.Logistic.sigmoid(x)
                - LabelModel.Logistic.sigmoid(y)));
        assertThat(ex).isCloseTo(2 * (b11 * t.h1 + b12 * t.h2), within(1e-12));
        assertThat(ey).isCloseTo(2 * (b12 * t.h1 + b22 * t.h2), within(1e-12));
        double fisher = q.expectation(b11, b12, b22, (x, y) -> {
            double f = LabelModel.Logistic.sigmoid(x) - LabelModel.Logistic.sigmoid(y);
            return f * f;
        });
        assertThat(t.fisher).isCloseTo(fisher, within(1e-15));
        // X = X*: B11 = B12 = B22, so x = y and I = 0, H1 + H2 = 0
        t.evaluate(1.3, 1.3, 1.3);
        assertThat(t.fisher).isCloseTo(0, within(1e-15));
        assertThat(t.h1 + t.h2).isCloseTo(0, within(1e-16));
        // X = 0: x = 0, so I = E(1/2 - sigma(y))^2, the one-dimensional value
        t.evaluate(0, 0, 1.1);
        double atZero = q.expectation(1.1, y -> {
            double f = 0.5 - LabelModel.Logistic.sigmoid(y);
            return f * f;
        });
        assertThat(t.fisher).isCloseTo(atZero, within(1e-15));
    }
}
