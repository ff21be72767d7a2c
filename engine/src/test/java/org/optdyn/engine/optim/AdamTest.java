package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;

class AdamTest {

    /*
     * Known answers: computed outside this code base in 50-digit arithmetic (mpmath) directly from Kingma and Ba's
     * Algorithm 1, m_t = b1 m + (1-b1) g, v_t = b2 v + (1-b2) g^2, w -= a (m_t/(1-b1^t)) / (sqrt(v_t/(1-b2^t)) + eps).
     * Tolerance 1e-14: each coordinate is O(1) and passes through ~15 double operations per step, 3 steps, so the
     * accumulated rounding is a few tens of ulps (u = 1.1e-16) at most.
     */
    private static final double KAT_TOL = 1e-14;

    @Test
    void firstThreeAdamStepsOnADiagonalQuadraticMatchTheHandComputedIterates() {
        double[] h = {1.0, 10.0, 0.5};
        double[] w = {1.0, -2.0, 0.5};
        var adam = new Adam(3, Adam.Config.DEFAULT.withBetas(0.9, 0.999).withEpsilon(1e-8));
        var step = DoubleOracleStep.of(adam);
        GradientOracle f = Quadratics.diagonal(h);
        double[][] expected = {
            {0.90000000099999999, -1.90000000005, 0.40000000399999984},
            {0.80041222971233739111, -1.8001664857113870687, 0.30118742787358645718},
            {0.70158627450441421423, -1.7006233914339454897, 0.20487126209775302768},
        };
        for (double[] e : expected) {
            step.step(w, f, 0.1);
            for (int i = 0; i < 3; i++) {
                assertThat(w[i]).as("coordinate %d after step %d", i, adam.stepCount()).isCloseTo(e[i], within(KAT_TOL));
            }
        }
    }

    @Test
    void amsGradUsesTheRunningMaximumOfTheSecondMomentWhenItDecreases() {
        // beta2 = 0.5 so v_2 = 0.5 v_1 + 0.5 g_2^2 = 0.255 < v_1 = 0.5 in coordinate 0: AMSGrad keeps 0.5.
        double[][] grads = {{1.0, 0.1}, {0.1, 0.1}, {0.1, 1.0}};
        double[][] plain = {{-0.09999999900000001, -0.099999990000001},
            {-0.19026241068491180854, -0.199999980000002}, {-0.28508826964109258463, -0.25694871681675681193}};
        double[][] ams = {{-0.09999999900000001, -0.099999990000001},
            {-0.16446025459955733804, -0.199999980000002}, {-0.21327485378894093682, -0.25694871681675681193}};
        Adam.Config base = Adam.Config.DEFAULT.withBetas(0.9, 0.5);
        double[] w1 = new double[2];
        double[] w2 = new double[2];
        var a1 = new Adam(2, base);
        var a2 = new Adam(2, base.withAmsgrad(true));
        for (int t = 0; t < 3; t++) {
            a1.step(w1, grads[t].clone(), 0.1);
            a2.step(w2, grads[t].clone(), 0.1);
            for (int i = 0; i < 2; i++) {
                assertThat(w1[i]).isCloseTo(plain[t][i], within(KAT_TOL));
                assertThat(w2[i]).isCloseTo(ams[t][i], within(KAT_TOL));
            }
        }
    }

    @Test
    void firstStepIsNearlySignDescentAndExactlySoWithZeroBetasAndEpsilon() {
        // adam-rotation.md section 2 fact 4 and check A6: g = (3, -0.2, 1e-3), beta1 = beta2 = 0, eps = 0.
        var sign = new Adam(3, new Adam.Config(0.0, 0.0, 0.0, 0.0, false, false));
        double[] w = new double[3];
        double[] g = {3.0, -0.2, 1e-3};
        for (int t = 1; t <= 3; t++) {
            sign.step(w, g, 0.1);
            // |g|/sqrt(g^2) is 1 up to one rounding in sqrt and one in the division: exact to 2 ulp of 0.1 t.
            assertThat(w).containsExactly(new double[] {-0.1 * t, 0.1 * t, -0.1 * t}, within(1e-15 * t));
        }
        // A3: H = diag(1, 100), x0 = (1, 1), alpha = 0.1, default betas: x1 = x0 - 0.1 g/(|g| + 1e-8) = (0.9, 0.9)
        // up to the eps term, which shifts each coordinate by at most alpha eps / |g| = 1e-9.
        double[] x = {1.0, 1.0};
        DoubleOracleStep.of(Adam.withDefaults(2)).step(x, Quadratics.diagonal(new double[] {1.0, 100.0}), 0.1);
        assertThat(x).containsExactly(new double[] {0.9, 0.9}, within(1.01e-9));
    }

    @Test
    void decoupledWeightDecayShrinksGeometricallyWhileCoupledDecayGoesThroughTheMoments() {
        // adam-rotation.md check A5: x0 = 1, alpha = 0.01, lambda = 0.1. AdamW with zero loss gradient: x_t =
        // (1 - alpha lambda)^t exactly up to t roundings; the doc's 7 significant digits set the tolerance.
        double[] x = {1.0};
        double[] zero = {0.0};
        var adamW = Adam.adamW(1, 0.1);
        for (int t = 0; t < 100; t++) {
            adamW.step(x, zero, 0.01);
        }
        assertThat(x[0]).isCloseTo(Math.pow(1.0 - 0.001, 100), within(1e-14)).isCloseTo(0.9047921, within(5e-8));

        double[] y = {1.0};
        var coupled = new Adam(1, Adam.Config.DEFAULT.withCoupledWeightDecay(0.1));
        for (int t = 1; t <= 100; t++) {
            coupled.step(y, zero, 0.01);
            if (t == 50) {
                assertThat(y[0]).isCloseTo(0.5368212, within(5e-8));
            }
        }
        assertThat(y[0]).isCloseTo(0.2244461, within(5e-8));
    }

    @Test
    void adamOnTheAxisAlignedIllConditionedQuadraticReproducesTheTheoryDocCurve() {
        // adam-rotation.md E1: d = 10, h_i = 10^(2(i-1)/9) (condition number 100), x0 = 1, alpha = 1e-2, default
        // betas. Reference values (also reproduced independently with numpy): L(0) = 124.09065, L(100) = 6.251,
        // L(300) = 4.143e-6, L(1000) = 4.08e-40. Tolerances: the doc's printed digits (4 significant ⇒ 1.3e-4
        // relative, 3 significant at t = 1000); the iteration contracts, so rounding differences do not grow.
        double[] h = Quadratics.logSpaced(10);
        double[] x = new double[10];
        java.util.Arrays.fill(x, 1.0);
        assertThat(Quadratics.loss(h, x)).isCloseTo(124.09065, within(1e-5));
        var opt = Optimizer.of(Adam.withDefaults(10), LearningRateSchedule.constant(1e-2));
        GradientOracle f = Quadratics.diagonal(h);
        assertThat(opt.run(x, f, 100)).isEqualTo(new Outcome.Completed<>(new Steps(100)));
        assertThat(Quadratics.loss(h, x)).isCloseTo(6.251, within(6.251 * 1.3e-4));
        opt.run(x, f, 200);
        assertThat(Quadratics.loss(h, x)).isCloseTo(4.143e-6, within(4.143e-6 * 1.3e-4));
        opt.run(x, f, 700);
        assertThat(Quadratics.loss(h, x)).isCloseTo(4.08e-40, within(4.08e-40 * 1.3e-3));
        // and it beats gradient descent with step 1/L by orders of magnitude there: GD multiplies coordinate i by
        // (1 - h_i/100) per step, so L_GD(1000) = (1/2) sum h_i (1 - h_i/100)^2000 = 9.3188e-10 (doc: 9.319e-10).
        double gd = 0.0;
        for (double hi : h) {
            gd += 0.5 * hi * Math.pow(1.0 - hi / 100.0, 2000);
        }
        assertThat(gd).isCloseTo(9.319e-10, within(0.001e-10));
        assertThat(Quadratics.loss(h, x)).isLessThan(1e-20 * gd);
    }

    @Test
    void resetRestoresTheInitialState() {
        double[] h = {1.0, 10.0, 0.5};
        var adam = new Adam(3, Adam.Config.DEFAULT.withAmsgrad(true));
        double[] a = {1.0, -2.0, 0.5};
        double[] b = a.clone();
        var step = DoubleOracleStep.of(adam);
        for (int t = 0; t < 5; t++) {
            step.step(a, Quadratics.diagonal(h), 0.1);
        }
        step.reset();
        assertThat(adam.stepCount()).isZero();
        double[] c = b.clone();
        step.step(b, Quadratics.diagonal(h), 0.1);
        DoubleOracleStep.of(new Adam(3, Adam.Config.DEFAULT.withAmsgrad(true))).step(c, Quadratics.diagonal(h), 0.1);
        assertThat(b).containsExactly(c);
    }
}
