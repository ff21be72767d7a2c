package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;

class SgdTest {

    private static final double U = 0x1p-53;

    /*
     * Hand computation, f = (1/2)(w1^2 + 10 w2^2), w0 = (1, -2), lr 0.05, mu 0.9, coupled decay 0.1:
     * step 1: g' = (1, -20) + 0.1 (1, -2) = (1.1, -20.2), v1 = g'.
     *   Nesterov: d = g' + 0.9 v1 = 1.9 g' = (2.09, -38.38), w1 = w0 - 0.05 d = (0.8955, -0.081).
     *   heavy ball: w1 = w0 - 0.05 v1 = (0.945, -0.99).
     * step 2 (Nesterov): g' = (0.8955 + 0.08955, -0.81 - 0.0081) = (0.98505, -0.8181);
     *   v2 = 0.9 (1.1, -20.2) + g' = (1.97505, -18.9981); d = g' + 0.9 v2 = (2.762595, -17.91639);
     *   w2 = w1 - 0.05 d = (0.75737025, 0.8148195).
     * step 2 (heavy ball): g' = (1.0395, -9.999); v2 = (2.0295, -28.179); w2 = (0.843525, 0.41895).
     * Tolerance: O(10) numbers through ~6 roundings each: 1e-14.
     */
    @Test
    void nesterovAndHeavyBallFirstTwoStepsMatchTheHandComputation() {
        double[] h = {1.0, 10.0};
        GradientOracle f = Quadratics.diagonal(h);
        double[] w = {1.0, -2.0};
        var nesterov = DoubleOracleStep.of(new Sgd(2, Sgd.Config.nesterov(0.9).withWeightDecay(0.1)));
        nesterov.step(w, f, 0.05);
        assertThat(w).containsExactly(new double[] {0.8955, -0.081}, within(1e-14));
        nesterov.step(w, f, 0.05);
        assertThat(w).containsExactly(new double[] {0.75737025, 0.8148195}, within(1e-14));

        double[] x = {1.0, -2.0};
        var heavy = DoubleOracleStep.of(new Sgd(2, Sgd.Config.heavyBall(0.9).withWeightDecay(0.1)));
        heavy.step(x, f, 0.05);
        assertThat(x).containsExactly(new double[] {0.945, -0.99}, within(1e-14));
        heavy.step(x, f, 0.05);
        assertThat(x).containsExactly(new double[] {0.843525, 0.41895}, within(1e-14));
    }

    @Test
    void gradientDescentContractsExactlyAtTheRateKappaMinusOneOverKappaPlusOne() {
        // f = (1/2) sum h_i w_i^2, h in [mu, L] = [1, 100]. With eta = 2/(L + mu) every coordinate is multiplied
        // by 1 - eta h_i, |1 - eta h_i| <= q = (L - mu)/(L + mu) = 99/101, with equality at h = mu and h = L. So
        // ||w_t|| <= q^t ||w_0|| and ||w_t|| >= q^t sqrt(w0_1^2 + w0_d^2). Rounding: each step multiplies each
        // coordinate by (1 + delta), |delta| <= 3u (fma, product, gradient), so both bounds get a (1 +- 3tu)^... slack.
        int d = 10;
        double[] h = Quadratics.logSpaced(d);
        double[] w = new double[d];
        Arrays.fill(w, 1.0);
        double norm0 = Quadratics.norm(w);
        double eta = 2.0 / 101.0;
        double q = 99.0 / 101.0;
        var opt = Optimizer.of(Sgd.plain(d), LearningRateSchedule.constant(eta));
        GradientOracle f = Quadratics.diagonal(h);
        for (int t = 1; t <= 300; t++) {
            opt.step(w, f);
            double slack = 1.0 + 4.0 * t * U;
            double qt = Math.pow(q, t);
            assertThat(Quadratics.norm(w)).as("step %d", t)
                    .isLessThanOrEqualTo(qt * norm0 * slack)
                    .isGreaterThanOrEqualTo(qt * Math.sqrt(2.0) / slack);
        }
    }

    @Test
    void heavyBallFollowsItsClosedFormAndBeatsTheGradientDescentRate() {
        // Polyak's heavy ball tuned for [mu~, L~] = [0.5, 200] (kappa~ = 400): rho = (sqrt(k)-1)/(sqrt(k)+1) = 19/21,
        // eta = 4/(sqrt(L~)+sqrt(mu~))^2, momentum rho^2. For every curvature h strictly inside (mu~, L~) the
        // characteristic polynomial r^2 - (1 + rho^2 - eta h) r + rho^2 has complex roots rho e^{+-i theta},
        // cos theta = (1 + rho^2 - eta h)/(2 rho), so w_t = rho^t (A cos t theta + B sin t theta) with A = w_0 and
        // B = (w_1/rho - w_0 cos theta)/sin theta, w_1 = (1 - eta h) w_0 (v_0 = 0). The spectrum [1, 100] lies inside.
        // Tolerance 1e-10: per-step rounding <= 4u |w| ~ 1e-15, propagated by a transfer operator whose powers are
        // bounded by 1/sin(theta_min) ~ 20 over 300 steps: <= 300 * 20 * 1e-15 < 1e-11.
        int d = 10;
        double[] h = Quadratics.logSpaced(d);
        double rho = 19.0 / 21.0;
        double eta = 4.0 / Math.pow(Math.sqrt(200.0) + Math.sqrt(0.5), 2);
        double[] w = new double[d];
        Arrays.fill(w, 1.0);
        var opt = Optimizer.of(new Sgd(d, Sgd.Config.heavyBall(rho * rho)), LearningRateSchedule.constant(eta));
        GradientOracle f = Quadratics.diagonal(h);
        double[] cos = new double[d];
        double[] a = new double[d];
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            cos[i] = (1 + rho * rho - eta * h[i]) / (2 * rho);
            double sin = Math.sqrt(1 - cos[i] * cos[i]);
            a[i] = 1.0;
            b[i] = ((1 - eta * h[i]) / rho - cos[i]) / sin;
        }
        for (int t = 1; t <= 300; t++) {
            opt.step(w, f);
            for (int i = 0; i < d; i++) {
                double theta = Math.acos(cos[i]);
                double predicted = Math.pow(rho, t) * (a[i] * Math.cos(t * theta) + b[i] * Math.sin(t * theta));
                assertThat(w[i]).as("coordinate %d, step %d", i, t).isCloseTo(predicted, within(1e-10));
                assertThat(Math.abs(w[i])).isLessThanOrEqualTo(
                        Math.pow(rho, t) * Math.hypot(a[i], b[i]) + 1e-10);
            }
        }
        // gradient descent's best rate on the same spectrum is 99/101: after 300 steps (99/101)^300 = 2.5e-3,
        // heavy ball is below (19/21)^300 * max sqrt(A^2+B^2) * sqrt(d).
        assertThat(Quadratics.norm(w)).isLessThan(Math.pow(99.0 / 101.0, 300) * 1e-9);
    }

    @Test
    void floatSgdTracksTheDoubleIterationToFloatPrecision() {
        // Nesterov on the kappa = 100 quadratic, 200 steps; the double and float iterations contract (eta < 2/L),
        // so float rounding (u_f = 6e-8 per operation) does not accumulate beyond ~ t u_f |w_0|: bound 200 * 6e-8 * 4.
        int d = 10;
        double[] h = Quadratics.logSpaced(d);
        float[] hf = new float[d];
        double[] w = new double[d];
        float[] wf = new float[d];
        for (int i = 0; i < d; i++) {
            h[i] = (float) h[i];
            hf[i] = (float) h[i];
            w[i] = 1.0;
            wf[i] = 1.0f;
        }
        var cfg = Sgd.Config.nesterov(0.5);
        var dbl = Optimizer.of(new Sgd(d, cfg), LearningRateSchedule.constant(0.01));
        var flt = FloatOptimizer.of(new FloatSgd(d, cfg), LearningRateSchedule.constant(0.01));
        GradientOracle f = Quadratics.diagonal(h);
        FloatGradientOracle ff = Quadratics.diagonal(hf);
        assertThat(dbl.run(w, f, 200)).isInstanceOf(Outcome.Completed.class);
        assertThat(flt.run(wf, ff, 200)).isInstanceOf(Outcome.Completed.class);
        for (int i = 0; i < d; i++) {
            assertThat((double) wf[i]).as("coordinate %d", i).isCloseTo(w[i], within(200 * 6e-8 * 4));
        }
        assertThat(Quadratics.norm(w)).isLessThan(0.2); // and the run did move: the slowest coordinate is 0.985^200
    }
}
