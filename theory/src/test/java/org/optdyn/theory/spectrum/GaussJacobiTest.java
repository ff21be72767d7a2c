package org.optdyn.theory.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.special.Beta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GaussJacobiTest {

    @ParameterizedTest
    @CsvSource({"0.5,0.5", "-0.5,-0.5", "0.5,-0.5", "-0.5,0.5", "0.3,-0.7", "2.0,1.5", "0,0"})
    void qlRuleMatchesHipparchusGolubWelschWithEigenvectors(double alpha, double beta) {
        int n = 40;
        double[] diag = new double[n];
        double[] off = new double[n];
        GaussJacobi.jacobiMatrix(n, alpha, beta, diag, off);
        var m = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            m.setEntry(i, i, diag[i]);
            if (i + 1 < n) {
                m.setEntry(i, i + 1, off[i]);
                m.setEntry(i + 1, i, off[i]);
            }
        }
        var eig = new EigenDecompositionSymmetric(m, 1e-14, false); // ascending
        var rule = GaussJacobi.rule(n, alpha, beta);
        for (int j = 0; j < n; j++) {
            double v0 = eig.getEigenvector(j).getEntry(0);
            // both backward stable: nodes to ~n ulp, weights (squared first component) to ~1e-13 relative
            assertThat(rule.node(j)).isCloseTo(eig.getEigenvalues()[j], within(1e-13));
            assertThat(rule.weight(j)).isCloseTo(v0 * v0, within(1e-13 + 1e-11 * v0 * v0));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.5,0.5", "-0.5,0.5", "0.25,-0.75", "1.0,2.0"})
    void ruleIsExactForJacobiMomentsUpToDegree2nMinus1(double alpha, double beta) {
        int n = 12;
        var rule = GaussJacobi.rule(n, alpha, beta);
        // int ((1+y)/2)^k w(y) dy / int w = B(beta+1+k, alpha+1)/B(beta+1, alpha+1)
        for (int k = 0; k <= 2 * n - 1; k++) {
            int kk = k;
            double exact = Math.exp(Beta.logBeta(beta + 1 + k, alpha + 1) - Beta.logBeta(beta + 1, alpha + 1));
            assertThat(rule.integrate(y -> Math.pow((1 + y) / 2, kk))).isCloseTo(exact, within(1e-13));
        }
    }

    @Test
    void largeRuleStaysAccurate() {
        var rule = GaussJacobi.rule(3000, 0.5, 1.5);
        assertThat(rule.mass()).isCloseTo(1.0, within(1e-13));
        double exact = Math.exp(Beta.logBeta(2.5 + 3, 1.5) - Beta.logBeta(2.5, 1.5));
        // first moments of a 3000-node rule: relative 1e-11 (O(n eps) weight error)
        assertThat(rule.integrate(y -> Math.pow((1 + y) / 2, 3))).isCloseTo(exact, within(1e-11));
    }
}
