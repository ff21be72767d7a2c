package org.optdyn.engine.quadratic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;

class QuadraticEngineTest {

    private static RandomGenerator.SplittableGenerator rng(long seed) {
        return RandomGeneratorFactory.<RandomGenerator.SplittableGenerator>of("L64X256MixRandom").create(seed);
    }

    @Test
    void gradientIsHessianTimesErrorAndGapIsHalfTheQuadraticForm() {
        int d = 7;
        double[] lam = {0.5, 1, 1.5, 2, 2.5, 3, 3.5};
        double[] h = RandomQuadratics.rotatedHessian(lam, rng(1));
        double[] xs = RandomQuadratics.isotropicMinimizer(d, 1.0, rng(2));
        var q = new DenseQuadratic(d, h, xs);
        double[] x = RandomQuadratics.isotropicMinimizer(d, 4.0, rng(3));
        double[] g = new double[d];
        q.gradient(x, g);
        double quad = 0;
        for (int i = 0; i < d; i++) {
            double hi = 0;
            for (int j = 0; j < d; j++) {
                hi += h[i * d + j] * (x[j] - xs[j]);
            }
            // forward error of a length-7 dot with O(1) entries: < 1e-14
            assertThat(g[i]).isCloseTo(hi, within(1e-13));
            quad += (x[i] - xs[i]) * hi;
        }
        assertThat(q.gap(x, new double[d])).isCloseTo(0.5 * quad, within(1e-13));
        // f* = -1/2 x*^T H x*: the gap at x* is zero
        assertThat(q.gap(xs, new double[d])).isCloseTo(0.0, within(1e-14));
    }

    @Test
    void haarMatrixIsOrthogonalAndRotationPreservesTheSpectrumMoments() {
        int d = 40;
        double[] q = RandomQuadratics.haarOrthogonal(d, rng(4));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += q[i * d + k] * q[j * d + k];
                }
                // Gram-Schmidt applied twice: orthogonality to O(d eps)
                assertThat(s).isCloseTo(i == j ? 1.0 : 0.0, within(1e-13));
            }
        }
        double[] lam = new double[d];
        for (int i = 0; i < d; i++) {
            lam[i] = 0.1 + i * 0.05;
        }
        double[] h = RandomQuadratics.rotatedHessian(lam, rng(5));
        double tr = 0;
        double fro = 0;
        double sumL = 0;
        double sumL2 = 0;
        for (int i = 0; i < d; i++) {
            tr += h[i * d + i];
            sumL += lam[i];
            sumL2 += lam[i] * lam[i];
            for (int j = 0; j < d; j++) {
                fro += h[i * d + j] * h[i * d + j];
                assertThat(h[i * d + j]).isEqualTo(h[j * d + i]);
            }
        }
        assertThat(tr).isCloseTo(sumL, within(1e-12));
        assertThat(fro).isCloseTo(sumL2, within(1e-12));
    }

    @Test
    void wishartTraceMomentsMatchTheExactGaussianValues() {
        // E tr(H)/d = sigma^2, E tr(H^2)/d = sigma^4 (1 + r + 1/n) (section 3.1); d = 30, n = 60, 200 draws.
        int d = 30;
        int n = 60;
        var root = rng(6);
        int draws = 200;
        double m1 = 0;
        double m2 = 0;
        double m2sq = 0;
        for (int k = 0; k < draws; k++) {
            double[] h = RandomQuadratics.wishartHessian(d, n, 2.0, RandomQuadratics.Entries.GAUSSIAN, root.split());
            double tr = 0;
            double fro = 0;
            for (int i = 0; i < d; i++) {
                tr += h[i * d + i];
                for (int j = 0; j < d; j++) {
                    fro += h[i * d + j] * h[i * d + j];
                }
            }
            m1 += tr / d / draws;
            m2 += fro / d / draws;
            m2sq += (fro / d) * (fro / d) / draws;
        }
        double exact2 = 4.0 * (1 + 0.5 + 1.0 / n);
        double se2 = Math.sqrt((m2sq - m2 * m2) / draws);
        // 4.5 standard errors: false-failure probability < 1e-5 (normal approximation, 200 draws)
        assertThat(Math.abs(m2 - exact2)).isLessThan(4.5 * se2);
        assertThat(m1).isCloseTo(2.0, within(0.05)); // sd of tr/d is sigma^2 sqrt(2/(dn)) = 0.067 per draw
    }

    @Test
    void rademacherWishartHasTheFourthMomentCorrectedSecondMoment() {
        // (1/d) E tr(H^2) = sigma^4 (1 + r - 2/n) + m4/n; Rademacher m4 = sigma^4: sigma^4 (1 + r - 1/n), exactly
        // 1/n * 2 sigma^4 below the Gaussian value. d = 30, n = 60, 200 draws, 4.5 standard errors.
        int d = 30;
        int n = 60;
        var root = rng(16);
        int draws = 200;
        double m2 = 0;
        double m2sq = 0;
        for (int k = 0; k < draws; k++) {
            double[] h = RandomQuadratics.wishartHessian(d, n, 1.0, RandomQuadratics.Entries.RADEMACHER, root.split());
            double fro = 0;
            for (double v : h) {
                fro += v * v;
            }
            m2 += fro / d / draws;
            m2sq += (fro / d) * (fro / d) / draws;
        }
        double se = Math.sqrt((m2sq - m2 * m2) / draws);
        assertThat(Math.abs(m2 - (1 + 0.5 - 1.0 / n))).isLessThan(4.5 * se);
    }

    @Test
    void momentumRunOnDiagonalProblemFollowsTheScalarRecurrence() {
        double[] lam = {0.2, 1.0, 1.9};
        var q = new DenseQuadratic(3, RandomQuadratics.diagonalHessian(lam), new double[3]);
        var sched = new IterationSchedule.Momentum(new double[] {0.5, 0.7, 0.6, 0.8}, new double[] {0, 0.3, 0.2, 0.4});
        var out = QuadraticRunner.run(sched, q, new double[] {1, 1, 1}, true).orElseThrow();
        double[] expected = new double[5];
        double[] gap = new double[5];
        for (int i = 0; i < 3; i++) {
            double p = 1;
            double prev = 1;
            expected[0] += 1;
            gap[0] += 0.5 * lam[i];
            for (int t = 0; t < 4; t++) {
                double next = (1 + sched.momentum(t) - sched.step(t) * lam[i]) * p - sched.momentum(t) * prev;
                prev = p;
                p = next;
                expected[t + 1] += p * p;
                gap[t + 1] += 0.5 * lam[i] * p * p;
            }
        }
        for (int t = 0; t <= 4; t++) {
            assertThat(out.squaredDistance()[t]).isCloseTo(expected[t], within(1e-14));
            assertThat(out.gap()[t]).isCloseTo(gap[t], within(1e-14));
        }
    }

    @Test
    void nesterovRunFollowsItsRecurrenceAndDivergenceIsReported() {
        double[] lam = {0.5, 2.0};
        var q = new DenseQuadratic(2, RandomQuadratics.diagonalHessian(lam), new double[] {1, -1});
        var sched = new IterationSchedule.Nesterov(new double[] {0.4, 0.4, 0.4}, new double[] {-0.5, 0.0, 0.25});
        var out = QuadraticRunner.run(sched, q, new double[2], true).orElseThrow();
        for (int t = 0; t <= 3; t++) {
            double expected = 0;
            for (double l : lam) {
                double p = 1;
                double prev = 1;
                for (int s = 0; s < t; s++) {
                    double next = (1 - 0.4 * l) * ((1 + sched.beta(s)) * p - sched.beta(s) * prev);
                    prev = p;
                    p = next;
                }
                expected += p * p;
            }
            assertThat(out.squaredDistance()[t]).isCloseTo(expected, within(1e-14));
        }
        // GD with h = 3/L diverges: |1 - 3|^t growth; the run stops and says where
        double[] steps = new double[400];
        java.util.Arrays.fill(steps, 3.0 / 2.0);
        var div = QuadraticRunner.run(new IterationSchedule.Momentum(steps, new double[400]), q, new double[2], false);
        assertThat(div).isInstanceOf(Outcome.Diverged.class);
        var dv = (Outcome.Diverged<QuadraticRun>) div;
        // ||e_t||^2 >= 4^t / 2 passes 1e100 * 2 once t > 166
        assertThat(dv.step()).isBetween(160L, 180L);
        assertThat(dv.partial().squaredDistance()).hasSize((int) dv.step());
    }

    @Test
    void validatesInputs() {
        assertThatThrownBy(() -> new DenseQuadratic(2, new double[3], new double[2])).hasMessageContaining("hessian");
        assertThatThrownBy(() -> new IterationSchedule.Momentum(new double[] {Double.NaN}, new double[1]))
                .hasMessageContaining("stepSizes[0]");
        assertThatThrownBy(() -> RandomQuadratics.wishartHessian(0, 3, 1, RandomQuadratics.Entries.GAUSSIAN, rng(1)))
                .hasMessageContaining("d must be");
        assertThatThrownBy(() -> RandomQuadratics.wishartHessian(3, 3, -1, RandomQuadratics.Entries.RADEMACHER,
                rng(1))).hasMessageContaining("sigma2");
    }

    @Test
    void powerIterationFindsTheExtremeEigenvaluesOfASeparatedSpectrum() {
        double[] lam = {0.5, 1, 1.2, 1.5, 3};
        var q = new DenseQuadratic(5, RandomQuadratics.rotatedHessian(lam, rng(8)), new double[5]);
        double[] start = {1, 1, 1, 1, 1};
        // ratio 1.5/3 per iteration: 100 iterations converge to rounding
        assertThat(q.largestEigenvalue(100, start)).isCloseTo(3.0, within(1e-12));
        assertThat(q.smallestEigenvalue(200, start, 3.0)).isCloseTo(0.5, within(1e-10));
        assertThat(q.meanEigenvalue()).isCloseTo(7.2 / 5, within(1e-14));
    }
}
