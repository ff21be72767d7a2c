package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;

class SamTest {

    @Test
    void perturbedPointIsTheNormalisedAscentStepOfRadiusRho() {
        // sam.md check S5: g = (0.2, 0.4, 1.0), rho = 0.05, p = 2: e = rho g/||g|| = (0.0091287, 0.0182574, 0.0456435)
        // (7 printed digits: tolerance 5e-8). At w = 0 the second oracle call must be at w + e, and SGD then steps
        // from the unperturbed w with the gradient returned there.
        List<double[]> calls = new ArrayList<>();
        double[] g = {0.2, 0.4, 1.0};
        GradientOracle constantThenLinear = (p, out) -> {
            calls.add(p.clone());
            for (int i = 0; i < 3; i++) {
                out[i] = g[i] + p[i];
            }
        };
        double[] w = new double[3];
        var sam = new Sam(Sam.Config.of(0.05), Sgd.plain(3));
        sam.step(w, constantThenLinear, 0.1);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).containsExactly(0.0, 0.0, 0.0);
        double[] e = calls.get(1);
        assertThat(e).containsExactly(new double[] {0.0091287, 0.0182574, 0.0456435}, within(5e-8));
        // ||e|| = rho ||g|| / (||g|| + 1e-12): the guard shows at 4.6e-14 here; rounding is ~1e-17
        double gn = Quadratics.norm(g);
        assertThat(Quadratics.norm(e)).isCloseTo(0.05 * gn / (gn + Sam.NORM_GUARD), within(1e-16));
        for (int i = 0; i < 3; i++) {
            assertThat(w[i]).isCloseTo(-0.1 * (g[i] + e[i]), within(1e-16));
        }
    }

    @Test
    void samOverAdamFeedsThePerturbedGradientToAdam() {
        // f = (1/2)(w1^2 + 4 w2^2), w = (1, 2): g = (1, 8), e = 0.05 (1, 8)/sqrt(65), g_SAM = (1 + e1, 4 (2 + e2)).
        // Adam's first step with default betas is w - alpha g_SAM/(|g_SAM| + 1e-8) (m_hat = g, v_hat = g^2).
        double[] h = {1.0, 4.0};
        double[] w = {1.0, 2.0};
        double r = Math.sqrt(65.0);
        double[] gs = {1.0 + 0.05 / r, 4.0 * (2.0 + 0.4 / r)};
        new Sam(Sam.Config.of(0.05), Adam.withDefaults(2)).step(w, Quadratics.diagonal(h), 0.1);
        assertThat(w[0]).isCloseTo(1.0 - 0.1 * gs[0] / (gs[0] + 1e-8), within(1e-15));
        assertThat(w[1]).isCloseTo(2.0 - 0.1 * gs[1] / (gs[1] + 1e-8), within(1e-15));
    }

    @Test
    void unnormalisedSamIsTheLinearMapOneMinusEtaLambdaMinusEtaRhoLambdaSquared() {
        // sam.md 5.1 and check S1: w_t = (1 - eta lambda - eta rho lambda^2)^t w_0 in 1-D. At eta = 0.1, rho = 0.05 the
        // threshold is lambda_USAM = 12.360680; 0.99 of it gives |w_2000| = 5.3e-25, 1.01 of it diverges.
        double eta = 0.1;
        double rho = 0.05;
        double threshold = (Math.sqrt(1.0 + 8.0 * rho / eta) - 1.0) / (2.0 * rho);
        assertThat(threshold).isCloseTo(12.360680, within(1e-6));
        for (double lambda : new double[] {0.99 * threshold, 1.01 * threshold}) {
            double[] w = {1.0};
            var usam = new Sam(Sam.Config.unnormalized(rho), Sgd.plain(1));
            var outcome = new Optimizer(usam, LearningRateSchedule.constant(eta))
                    .run(w, Quadratics.diagonal(new double[] {lambda}), 2000);
            double factor = 1.0 - eta * lambda - eta * rho * lambda * lambda;
            if (lambda < threshold) {
                assertThat(outcome).isEqualTo(new Outcome.Completed<>(new Steps(2000)));
                // 2000 steps of a 3-rounding product: relative error <= 6000 u = 7e-13
                assertThat(Math.abs(w[0])).isCloseTo(Math.pow(Math.abs(factor), 2000), within(5.3e-25 * 1e-9))
                        .isCloseTo(5.3e-25, within(0.05e-25));
            } else {
                // |factor| = 1.0276: the iterate grows geometrically (to ~1e23 here; still finite, so Completed)
                assertThat(Math.abs(factor)).isGreaterThan(1.0);
                assertThat(Math.abs(w[0])).isCloseTo(Math.pow(Math.abs(factor), 2000),
                        within(Math.pow(Math.abs(factor), 2000) * 1e-9)).isGreaterThan(1e20);
            }
        }
    }

    @Test
    void normalisedSamSettlesOnTheTwoCycleOfAmplitudeEtaLambdaRhoOverTwoMinusEtaLambda() {
        // sam.md 5.2 / S2: 1-D, lambda = 15, eta = 0.1, rho = 0.05: w* = eta lambda rho/(2 - eta lambda) = 0.15. For
        // eta lambda > 1 the sign alternates and |w_{t+1}| - w* = (eta lambda - 1)(|w_t| - w*) exactly, so from
        // w_0 = 0.3 the deviation is 0.15 * 0.5^t. The 1e-12 norm guard changes e by ~rho 1e-12/|g| < 1e-13.
        double[] w = {0.3};
        var sam = new Sam(Sam.Config.of(0.05), Sgd.plain(1));
        GradientOracle f = Quadratics.diagonal(new double[] {15.0});
        for (int t = 1; t <= 60; t++) {
            double sign = Math.signum(w[0]);
            sam.step(w, f, 0.1);
            assertThat(Math.signum(w[0])).isEqualTo(-sign);
            assertThat(Math.abs(w[0]) - 0.15).as("step %d", t).isCloseTo(0.15 * Math.pow(0.5, t), within(1e-13));
        }
        // lambda = 10: eta lambda = 1, so the cycle +-0.05 is reached after one step and kept exactly
        double[] x = {1.0};
        var sam10 = new Sam(Sam.Config.of(0.05), Sgd.plain(1));
        for (int t = 1; t <= 5; t++) {
            sam10.step(x, Quadratics.diagonal(new double[] {10.0}), 0.1);
            // the guard shifts e by rho 1e-12/|g| <= 0.05e-12/0.5 = 1e-13 (|g| >= 0.5 on the cycle)
            assertThat(x[0]).isCloseTo(t % 2 == 1 ? -0.05 : 0.05, within(1e-13));
        }
    }

    @Test
    void inTwoDimensionsSamBouncesAlongTheTopEigenvectorAndContractsTheOtherByPointEightNine() {
        // sam.md S3: H = diag(10, 1), eta = 0.1, rho = 0.05, w0 = (0.3, 0.2): |w1| -> 0.05 and the second component
        // contracts by 1 - eta (1 + rho/(lambda1 w*)) = 1 - 0.1 (1 + 0.05/0.5) = 0.89 per step; ~1.2e-21 after 400.
        // Protocol (sam.md section 7): skip the first 100 steps, then compare to 1e-9 relative.
        double[] w = {0.3, 0.2};
        var sam = new Sam(Sam.Config.of(0.05), Sgd.plain(2));
        GradientOracle f = Quadratics.diagonal(new double[] {10.0, 1.0});
        double previous = 0.0;
        for (int t = 1; t <= 400; t++) {
            sam.step(w, f, 0.1);
            if (t > 100) {
                assertThat(Math.abs(w[0])).isCloseTo(0.05, within(0.05 * 1e-9));
                assertThat(w[1] / previous).as("contraction at step %d", t).isCloseTo(0.89, within(0.89 * 1e-9));
            }
            previous = w[1];
        }
        assertThat(Math.abs(w[1])).isBetween(1.1e-21, 1.3e-21);
    }

    @Test
    void floatSamMatchesTheDoublePerturbationToFloatPrecision() {
        float[] w = new float[3];
        float[] g = {0.2f, 0.4f, 1.0f};
        float[][] second = new float[1][];
        int[] calls = {0};
        FloatGradientOracle oracle = (p, out) -> {
            if (calls[0]++ == 1) {
                second[0] = p.clone();
            }
            System.arraycopy(g, 0, out, 0, 3);
        };
        new FloatSam(Sam.Config.of(0.05), FloatSgd.plain(3)).step(w, oracle, 0.1f);
        // against the double value rho g/||g||: float reduction, rounding of the scale and of the fma give a relative
        // error ~4 u_f = 2.4e-7 on values <= 0.05: 1.2e-8; plus the float rounding of g itself (u_f relative).
        double norm = Math.sqrt(0.2f * (double) 0.2f + 0.4f * (double) 0.4f + 1.0);
        for (int i = 0; i < 3; i++) {
            assertThat((double) second[0][i]).isCloseTo(0.05 * g[i] / norm, within(1.5e-8));
        }
        assertThat(w[2]).isCloseTo(-0.1f, within(1e-8f));
    }
}
