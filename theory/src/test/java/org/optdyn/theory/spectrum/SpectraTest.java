package org.optdyn.theory.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

class SpectraTest {

    @Test
    void betaQuadratureIsExactForPolynomialsAndMatchesClosedFormMoments() {
        var b = BetaSpectrum.of(-0.3, 1.7, 0.2, 3.0);
        var rule = b.quadrature(10);
        for (int k = 0; k <= 19; k++) {
            int kk = k;
            // exact for degree <= 2n - 1 = 19, rounding only
            assertThat(rule.integrate(x -> Math.pow(x, kk))).isCloseTo(b.moment(k), within(1e-12 * b.moment(k)));
        }
        assertThat(b.moment(1)).isCloseTo(0.2 + 2.8 * 0.7 / 3.4, within(1e-14));
    }

    @Test
    void betaCdfQuantileAndDensityAreConsistent() {
        var b = BetaSpectrum.of(0.5, -0.25, 0.0, 2.0);
        var integrator = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-13);
        for (double p : new double[] {0.05, 0.3, 0.5, 0.8, 0.97}) {
            double x = b.quantile(p);
            assertThat(b.cdf(x)).isCloseTo(p, within(1e-12));
            // density integrates to the cdf; substitution x = s^2 x removes the sqrt edge
            double integral = integrator.integrate(1_000_000, s -> b.density(x * s * s) * 2 * x * s, 0, 1);
            assertThat(integral).isCloseTo(p, within(1e-9));
        }
        assertThat(BetaSpectrum.powerLaw(1.0, 2.0).density(1.0)).isCloseTo(2 * 1.0 / 4.0, within(1e-14));
        assertThat(BetaSpectrum.uniform(1, 3).density(2)).isCloseTo(0.5, within(1e-14));
    }

    @Test
    void exponentialSpectrumHasLaguerreQuadratureAndExactMoments() {
        var e = new ExponentialSpectrum(1.7);
        var rule = e.quadrature(20);
        for (int k = 0; k <= 10; k++) {
            int kk = k;
            assertThat(rule.integrate(x -> Math.pow(x, kk))).isCloseTo(e.moment(k), within(1e-10 * e.moment(k)));
        }
        assertThat(e.cdf(e.quantile(0.3))).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void empiricalSpectrumIsItsOwnQuadrature() {
        var s = EmpiricalSpectrum.weighted(new double[] {3, 0, 1}, new double[] {1, 2, 1});
        assertThat(s.atomAtZero()).isEqualTo(0.5);
        assertThat(s.moment(2)).isCloseTo((9 + 1) / 4.0, within(1e-15));
        assertThat(s.cdf(1.0)).isCloseTo(0.75, within(1e-15));
        assertThat(s.quantile(0.6)).isEqualTo(1.0);
        assertThat(s.quadrature(99).size()).isEqualTo(3);
        assertThatThrownBy(() -> EmpiricalSpectrum.of(-1.0)).hasMessageContaining("atoms[0]");
    }

    @Test
    void tiltedBetaIsNormalizedAndItsCdfInvertsTheQuantile() {
        var base = BetaSpectrum.of(0.5, 0.5, 0, 1);
        var t = new TiltedBetaSpectrum(base, x -> 1 + 4 * x * x, "1+4x^2");
        assertThat(t.quadrature(50).mass()).isCloseTo(1.0, within(1e-13));
        assertThat(t.cdf(0.999999)).isCloseTo(1.0, within(1e-6));
        for (double p : new double[] {0.1, 0.5, 0.9}) {
            assertThat(t.cdf(t.quantile(p))).isCloseTo(p, within(1e-10));
        }
        // c = base constant * h(0)/Z with Z = E_base[1 + 4x^2] = 1 + 4 * 5/16
        assertThat(t.leftEdgeConstant()).isCloseTo(base.leftEdgeConstant() / (1 + 4 * 5.0 / 16), within(1e-12));
        assertThatThrownBy(() -> new TiltedBetaSpectrum(base, x -> x - 0.5, "bad")).hasMessageContaining("tilt");
    }

    @Test
    void wishartBidiagonalModelHasTheExactFiniteNMoments() {
        // E tr(H)/d = sigma^2 and E tr(H^2)/d = sigma^4 (1 + r + 1/n), also for r > 1 (zero eigenvalues added)
        var root = RandomGeneratorFactory.<RandomGenerator.SplittableGenerator>of("L64X256MixRandom").create(9);
        for (int[] dn : new int[][] {{50, 100}, {80, 40}}) {
            int d = dn[0];
            int n = dn[1];
            int draws = 400;
            double m1 = 0;
            double m2 = 0;
            double m2sq = 0;
            int zeros = 0;
            for (int k = 0; k < draws; k++) {
                double[] lam = WishartEigenvalues.sample(d, n, 1.5, root.split());
                double s1 = 0;
                double s2 = 0;
                for (double l : lam) {
                    s1 += l;
                    s2 += l * l;
                    zeros += l == 0.0 ? 1 : 0;
                }
                m1 += s1 / d / draws;
                m2 += s2 / d / draws;
                m2sq += (s2 / d) * (s2 / d) / draws;
            }
            double r = (double) d / n;
            double exact2 = 1.5 * 1.5 * (1 + r + 1.0 / n);
            double se2 = Math.sqrt((m2sq - m2 * m2) / draws);
            // 4.5 standard errors (false-failure probability < 1e-5)
            assertThat(Math.abs(m2 - exact2)).isLessThan(4.5 * se2);
            assertThat(m1).isCloseTo(1.5, within(0.03));
            assertThat(zeros).isEqualTo(Math.max(0, d - n) * draws);
        }
    }
}
