package org.optdyn.theory.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarchenkoPasturTest {

    @Test
    void checkA1EdgesAndMomentsMatchTheDocToEightDigits() {
        var half = new MarchenkoPastur(0.5, 1.0);
        var two = new MarchenkoPastur(2.0, 1.0);
        // relative 1e-8 (closed forms)
        assertThat(half.lowerEdge()).isCloseTo(0.0857864376, within(1e-9));
        assertThat(half.upperEdge()).isCloseTo(2.9142135624, within(1e-9));
        assertThat(two.lowerEdge()).isCloseTo(0.1715728753, within(1e-9));
        assertThat(two.upperEdge()).isCloseTo(5.8284271247, within(1e-9));
        double[] mHalf = {1, 1, 1.5, 2.75};
        double[] mTwo = {1, 1, 3, 11};
        for (int k = 0; k < 4; k++) {
            assertThat(half.moment(k)).isCloseTo(mHalf[k], within(1e-12));
            assertThat(two.moment(k)).isCloseTo(mTwo[k], within(1e-12));
        }
        assertThat(two.atomAtZero()).isEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 1.0, 2.0, 4.0})
    void quadratureReproducesNarayanaMomentsIncludingTheAtom(double r) {
        var mp = new MarchenkoPastur(r, 1.7);
        var rule = mp.quadrature(60);
        for (int k = 0; k <= 8; k++) {
            int kk = k;
            // spectrally accurate for r != 1 (1/lambda analytic on [l, L]), exact for r = 1: 1e-12 relative
            assertThat(rule.integrate(x -> Math.pow(x, kk))).isCloseTo(mp.moment(k),
                    within(1e-12 * mp.moment(k)));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void closedFormCdfAgreesWithHipparchusQuadratureOfTheDensity(double r) {
        var mp = new MarchenkoPastur(r, 1.3);
        var integrator = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-14);
        double lo = mp.lowerEdge();
        double hi = mp.upperEdge();
        for (double f : new double[] {0.1, 0.35, 0.6, 0.9}) {
            double x = lo + f * (hi - lo);
            // substitution lambda = lo + (x - lo) s^2 removes the square-root edge singularity (and 1/sqrt at r = 1)
            double integral = integrator.integrate(1_000_000, s -> {
                double lam = lo + (x - lo) * s * s;
                return mp.density(lam) * 2.0 * (x - lo) * s;
            }, 0.0, 1.0);
            assertThat(mp.cdf(x)).isCloseTo(mp.atomAtZero() + integral, within(1e-10));
        }
        assertThat(mp.cdf(hi)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 1.0, 3.0})
    void quantileInvertsTheCdf(double r) {
        var mp = new MarchenkoPastur(r, 0.8);
        for (double p = 0.01; p < 1.0; p += 0.07) {
            double q = mp.quantile(p);
            if (p <= mp.atomAtZero()) {
                assertThat(q).isZero();
            } else {
                assertThat(mp.cdf(q)).isCloseTo(p, within(1e-12));
            }
        }
        assertThat(mp.quantile(1.0)).isEqualTo(mp.upperEdge());
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new MarchenkoPastur(0.0, 1.0)).hasMessageContaining("ratio");
        assertThatThrownBy(() -> new MarchenkoPastur(1.0, -1.0)).hasMessageContaining("sigma2");
        assertThatThrownBy(() -> new MarchenkoPastur(1.0, 1.0).quantile(1.5)).hasMessageContaining("p must");
    }
}
