package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The bilinear game {@code min_x max_y x^T A y} with {@code A = Q1 diag(sigma) Q2^T}: simultaneous field
 * {@code F(x, y) = (A y, -A^T x)}. In the coordinates {@code u = Q1^T x}, {@code v = Q2^T y} every singular pair
 * decouples into the complex number {@code z_k = u_k + i v_k}, and {@code w <- w - eta F(w)} becomes
 * {@code z_k <- (1 + i eta sigma_k) z_k}. Hence the exact per-step factors:
 * <ul>
 *   <li>GDA: {@code 1 + i eta sigma}, modulus {@code sqrt(1 + eta^2 sigma^2) > 1} (spirals out);</li>
 *   <li>extragradient: {@code 1 - eta^2 sigma^2 + i eta sigma}, modulus {@code sqrt(1 - a^2 + a^4) < 1},
 *       {@code a = eta sigma in (0, 1)};</li>
 *   <li>optimistic gradient: {@code z_{t+1} = (1 + 2ia) z_t - ia z_{t-1}}, {@code z_1 = (1 + ia) z_0}; roots of
 *       {@code r^2 - (1 + 2ia) r + ia}; both inside the unit disk for {@code a < 1/sqrt(3)} (double root
 *       {@code 1/sqrt(2)} at {@code a = 1/2}, avoided here because the closed form below assumes distinct roots).</li>
 * </ul>
 * The tests compare the engine's iterates to these closed forms coordinate by coordinate.
 */
class BilinearGameTest {

    private static final double[] SIGMA = {1.0, 1.5, 1.8};
    private static final double ETA = 0.25;
    private static final int D = 3;

    private final double[][] q1 = rotation(0.3, -1.1, 0.7);
    private final double[][] q2 = rotation(-0.4, 0.9, 2.0);
    private final double[][] a = product(q1, SIGMA, q2);

    /** The game's vector field on w = (x, y). */
    private final GradientOracle field = (w, out) -> {
        for (int i = 0; i < D; i++) {
            double ay = 0.0;
            double atx = 0.0;
            for (int j = 0; j < D; j++) {
                ay += a[i][j] * w[D + j];
                atx += a[j][i] * w[j];
            }
            out[i] = ay;
            out[D + i] = -atx;
        }
    };

    private static final double[] W0 = {0.3, -0.5, 0.8, 0.6, 0.1, -0.4};

    /** The complex mode amplitudes z_k = (Q1^T x)_k + i (Q2^T y)_k. */
    private double[][] modes(double[] w) {
        double[][] z = new double[D][2];
        for (int k = 0; k < D; k++) {
            for (int i = 0; i < D; i++) {
                z[k][0] += q1[i][k] * w[i];
                z[k][1] += q2[i][k] * w[D + i];
            }
        }
        return z;
    }

    @Test
    void simultaneousGradientDescentAscentSpiralsOutWithModulusSqrtOnePlusEtaSquaredSigmaSquared() {
        double[] w = W0.clone();
        double[][] z0 = modes(w);
        var gda = DoubleOracleStep.of(Sgd.plain(2 * D));
        double previousNorm = Quadratics.norm(w);
        for (int t = 1; t <= 200; t++) {
            gda.step(w, field, ETA);
            double predicted = 0.0;
            for (int k = 0; k < D; k++) {
                double growth = Math.pow(1.0 + ETA * ETA * SIGMA[k] * SIGMA[k], t);
                predicted += growth * (z0[k][0] * z0[k][0] + z0[k][1] * z0[k][1]);
            }
            double norm = Quadratics.norm(w);
            // exact up to rounding: ~10 operations per step, each a relative u, compounded over t steps: 1e-13 t
            assertThat(norm * norm).as("step %d", t).isCloseTo(predicted, within(predicted * 1e-13 * t));
            assertThat(norm).as("strictly growing at step %d", t).isGreaterThan(previousNorm);
            previousNorm = norm;
        }
        // the slowest mode alone grows by (1 + 1/16)^100 = 4.3e2: GDA is unbounded
        assertThat(previousNorm / Quadratics.norm(W0)).isGreaterThan(Math.pow(1.0625, 100));
    }

    @Test
    void extragradientContractsEachModeByExactlySqrtOneMinusASquaredPlusAFourth() {
        double[] w = W0.clone();
        double[][] z0 = modes(w);
        var eg = new Extragradient(2 * D);
        for (int t = 1; t <= 400; t++) {
            eg.step(w, field, ETA);
        }
        double[][] z = modes(w);
        for (int k = 0; k < D; k++) {
            double s = ETA * SIGMA[k];
            // closed form z_t = (1 - s^2 + i s)^t z_0
            double[] factor = power(1.0 - s * s, s, 400);
            double[] expected = times(factor, z0[k]);
            double modulus = Math.sqrt(1.0 - s * s + s * s * s * s);
            assertThat(Math.hypot(factor[0], factor[1])).isCloseTo(Math.pow(modulus, 400), within(1e-15));
            // rounding: errors of relative size ~1e-16 per step, damped by the contraction: < 1e-13 absolute
            assertThat(z[k][0]).as("Re z_%d", k).isCloseTo(expected[0], within(1e-13));
            assertThat(z[k][1]).as("Im z_%d", k).isCloseTo(expected[1], within(1e-13));
        }
        // slowest mode modulus sqrt(1 - 1/16 + 1/256) = 0.9703 per step: ||w_400|| <= 0.9703^400 ||w_0|| = 6e-6
        assertThat(Quadratics.norm(w)).isLessThanOrEqualTo(
                Math.pow(Math.sqrt(1 - 0.0625 + 0.0625 * 0.0625), 400) * Quadratics.norm(W0) * (1 + 1e-10));
    }

    @Test
    void extragradientEvaluatesTheFieldAtTheExtrapolatedPoint() {
        // w_half = w - eta F(w); with the recording oracle the second call must see exactly that point, and the
        // final point must be w - eta F(w_half).
        double[] w = W0.clone();
        double[][] calls = new double[2][];
        int[] count = {0};
        GradientOracle recording = (p, out) -> {
            calls[count[0]++] = p.clone();
            field.gradient(p, out);
        };
        double[] f0 = new double[2 * D];
        field.gradient(w, f0);
        double[] half = new double[2 * D];
        for (int i = 0; i < 2 * D; i++) {
            half[i] = W0[i] - ETA * f0[i];
        }
        double[] fHalf = new double[2 * D];
        field.gradient(half, fHalf);
        new Extragradient(2 * D).step(w, recording, ETA);
        assertThat(count[0]).isEqualTo(2);
        assertThat(calls[0]).containsExactly(W0);
        assertThat(calls[1]).containsExactly(half, within(1e-16));
        for (int i = 0; i < 2 * D; i++) {
            assertThat(w[i]).isCloseTo(W0[i] - ETA * fHalf[i], within(1e-16));
        }
    }

    @Test
    void optimisticGradientFollowsTheTwoRootClosedFormAndConverges() {
        double[] w = W0.clone();
        double[][] z0 = modes(w);
        var og = new OptimisticGradient(2 * D);
        int steps = 400;
        for (int t = 0; t < steps; t++) {
            og.step(w, field, ETA);
        }
        double[][] z = modes(w);
        double worst = 0.0;
        for (int k = 0; k < D; k++) {
            double s = ETA * SIGMA[k];
            double[][] r = roots(s);
            worst = Math.max(worst, Math.max(abs(r[0]), abs(r[1])));
            // z_t = c1 r1^t + c2 r2^t, c1 + c2 = z_0, c1 r1 + c2 r2 = z_1 = (1 + i s) z_0
            double[] z1 = times(new double[] {1.0, s}, z0[k]);
            double[] c1 = div(sub(z1, times(r[1], z0[k])), sub(r[0], r[1]));
            double[] c2 = sub(z0[k], c1);
            double[] expected = add(times(c1, power(r[0][0], r[0][1], steps)), times(c2, power(r[1][0], r[1][1], steps)));
            assertThat(z[k][0]).as("Re z_%d", k).isCloseTo(expected[0], within(1e-12));
            assertThat(z[k][1]).as("Im z_%d", k).isCloseTo(expected[1], within(1e-12));
        }
        // spectral radius from the roots: < 1 for eta sigma < 1/sqrt(3), here max over modes 0.9659 (sigma = 1)
        assertThat(worst).isLessThan(1.0).isCloseTo(0.96592583, within(1e-8));
        assertThat(Quadratics.norm(w)).isLessThan(1e-5 * Quadratics.norm(W0));
    }

    @Test
    void optimisticGradientIsUnstableBeyondItsStepSizeLimitAsItsRootsPredict() {
        // eta = 0.6 / sigma_min, so a = eta sigma = 0.6, 0.9, 1.08 > 1/sqrt(3) for the three modes. Their larger roots have
        // moduli 1.05735, 1.72250, 2.09775 (the smaller ones 0.567, 0.522, 0.515): every mode diverges, and the
        // norm ratio over one late step converges to the largest modulus 2.09775; the next one trails by a factor
        // 1.7225/2.0977 = 0.82 per step, so after 300 steps the ratio equals it to ~0.82^300 ~ 1e-26 relative.
        double[] w = W0.clone();
        var og = new OptimisticGradient(2 * D);
        double eta = 0.6 / SIGMA[0];
        double[][] r = roots(0.6);
        assertThat(Math.max(abs(r[0]), abs(r[1]))).isCloseTo(1.05735281, within(1e-8));
        double worst = 0.0;
        for (double sigma : SIGMA) {
            double[][] rr = roots(eta * sigma);
            worst = Math.max(worst, Math.max(abs(rr[0]), abs(rr[1])));
        }
        assertThat(worst).isCloseTo(2.09774682, within(1e-8));
        double before = 0.0;
        for (int t = 1; t <= 300; t++) {
            og.step(w, field, eta);
            if (t == 299) {
                before = Quadratics.norm(w);
            }
        }
        double ratio = Quadratics.norm(w) / before;
        // the dominant root beats the next one by a factor < 0.95 per step: after 300 steps the ratio equals the
        // dominant modulus to ~0.95^300 = 2e-7 relative
        assertThat(ratio).isGreaterThan(1.0).isCloseTo(worst, within(worst * 1e-12));
    }

    @Test
    void optimisticGradientStabilityBoundaryIsEtaSigmaOneOverSqrtThree() {
        // One mode (the game x y, sigma = 1): the larger root modulus crosses 1 at eta = 1/sqrt(3) = 0.57735.
        // Just below (eta = 0.56, modulus 0.95376) the iterate contracts, just above (eta = 0.60, 1.05735) it grows;
        // after 1000 steps the ratios are 0.95376^1000 ~ 1e-21 and 1.05735^1000 ~ 1e24 times mode constants of O(1).
        GradientOracle xy = (w, g) -> {
            g[0] = w[1];
            g[1] = -w[0];
        };
        assertThat(spectralRadius(0.56)).isCloseTo(0.95375744, within(1e-8));
        assertThat(spectralRadius(0.60)).isCloseTo(1.05735281, within(1e-8));
        assertThat(spectralRadius(1.0 / Math.sqrt(3.0))).isCloseTo(1.0, within(1e-12));
        double[] below = {1.0, 0.0};
        double[] above = {1.0, 0.0};
        var ogBelow = new OptimisticGradient(2);
        var ogAbove = new OptimisticGradient(2);
        for (int t = 0; t < 1000; t++) {
            ogBelow.step(below, xy, 0.56);
            ogAbove.step(above, xy, 0.60);
        }
        assertThat(Quadratics.norm(below)).isLessThan(1e-12);
        assertThat(Quadratics.norm(above)).isGreaterThan(1e12);
    }

    @Test
    void negativeMomentumMatchesPolyaksHeavyBallWithNegativeBeta() {
        // Sgd's v = mu v + g, w -= eta v is Polyak's w_{t+1} = w_t - eta F(w_t) + mu (w_t - w_{t-1}) with w_{-1} = w_0,
        // for any mu in (-1, 1): compare with that recurrence written out directly, 50 steps, mu = -0.3 (Gidel et al.
        // 2019). Tolerance: the two forms round differently, ~1e-16 per step on O(1) values: 1e-13.
        double mu = -0.3;
        double[] w = W0.clone();
        var heavy = DoubleOracleStep.of(new Sgd(2 * D, Sgd.Config.heavyBall(mu)));
        double[] x = W0.clone();
        double[] xPrev = W0.clone();
        double[] f = new double[2 * D];
        for (int t = 0; t < 50; t++) {
            heavy.step(w, field, ETA);
            field.gradient(x, f);
            for (int i = 0; i < 2 * D; i++) {
                double next = x[i] - ETA * f[i] + mu * (x[i] - xPrev[i]);
                xPrev[i] = x[i];
                x[i] = next;
            }
        }
        assertThat(w).containsExactly(x, within(1e-13));
    }

    // ---- small complex helpers ([re, im]) and rotations ----

    private static double[][] roots(double s) {
        // r^2 - (1 + 2 i s) r + i s = 0: r = (b +- sqrt(b^2 - 4 i s)) / 2, b = 1 + 2 i s
        double[] b = {1.0, 2.0 * s};
        double[] disc = sub(times(b, b), new double[] {0.0, 4.0 * s});
        double[] sq = sqrt(disc);
        return new double[][] {scale(add(b, sq), 0.5), scale(sub(b, sq), 0.5)};
    }

    private static double spectralRadius(double s) {
        double[][] r = roots(s);
        return Math.max(abs(r[0]), abs(r[1]));
    }

    private static double abs(double[] z) {
        return Math.hypot(z[0], z[1]);
    }

    private static double[] add(double[] x, double[] y) {
        return new double[] {x[0] + y[0], x[1] + y[1]};
    }

    private static double[] sub(double[] x, double[] y) {
        return new double[] {x[0] - y[0], x[1] - y[1]};
    }

    private static double[] scale(double[] x, double s) {
        return new double[] {x[0] * s, x[1] * s};
    }

    private static double[] times(double[] x, double[] y) {
        return new double[] {x[0] * y[0] - x[1] * y[1], x[0] * y[1] + x[1] * y[0]};
    }

    private static double[] div(double[] x, double[] y) {
        double d = y[0] * y[0] + y[1] * y[1];
        return new double[] {(x[0] * y[0] + x[1] * y[1]) / d, (x[1] * y[0] - x[0] * y[1]) / d};
    }

    private static double[] sqrt(double[] z) {
        double m = Math.sqrt(abs(z));
        double th = 0.5 * Math.atan2(z[1], z[0]);
        return new double[] {m * Math.cos(th), m * Math.sin(th)};
    }

    private static double[] power(double re, double im, int n) {
        double m = Math.pow(Math.hypot(re, im), n);
        double th = n * Math.atan2(im, re);
        return new double[] {m * Math.cos(th), m * Math.sin(th)};
    }

    /** A 3x3 rotation: product of Givens rotations in the planes (0,1), (1,2), (0,2). */
    private static double[][] rotation(double a01, double a12, double a02) {
        double[][] r = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        r = givens(r, 0, 1, a01);
        r = givens(r, 1, 2, a12);
        return givens(r, 0, 2, a02);
    }

    private static double[][] givens(double[][] m, int p, int q, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[][] out = new double[3][];
        for (int i = 0; i < 3; i++) {
            out[i] = m[i].clone();
            out[i][p] = c * m[i][p] - s * m[i][q];
            out[i][q] = s * m[i][p] + c * m[i][q];
        }
        return out;
    }

    /** Q1 diag(s) Q2^T. */
    private static double[][] product(double[][] q1, double[] s, double[][] q2) {
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    a[i][j] += q1[i][k] * s[k] * q2[j][k];
                }
            }
        }
        return a;
    }
}
