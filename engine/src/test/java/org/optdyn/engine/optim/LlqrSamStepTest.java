package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.optim.PreconditionedSam.Normalisation;
import org.optdyn.engine.optim.PreconditionedSam.Options;

/** The LLQR+SAM step of sam.md section 3 (norm modes, Friendly base) and the bookkeeping of section 7.4. */
class LlqrSamStepTest {

    /** Records every point the oracle is called at; gradient {@code c + w} with {@code c} switched per call pair. */
    private static final class Recorder implements GradientOracle {
        final List<double[]> calls = new ArrayList<>();
        final double[][] offsets;

        Recorder(double[]... offsets) {
            this.offsets = offsets;
        }

        @Override
        public void gradient(double[] w, double[] g) {
            double[] c = offsets[Math.min(calls.size() / 2, offsets.length - 1)];
            calls.add(w.clone());
            for (int i = 0; i < w.length; i++) {
                g[i] = c[i] + w[i];
            }
        }
    }

    @Test
    void euclideanModeHasNormRhoWithTheGuardUnderTheRoot() {
        // P = diag(10, 1), g = (0.2, 0.4) at w = 0: z = (2, 0.4), e = rho z/sqrt(z^T z + 1e-12); step w - eta P g_p
        var oracle = new Recorder(new double[] {0.2, 0.4});
        double[] w = new double[2];
        var sam = PreconditionedSam.fixed(0.05, true, new double[] {10, 1}, Options.of(Normalisation.EUCLIDEAN),
                Sgd.plain(2));
        sam.step(w, oracle, 0.1);
        double[] e = oracle.calls.get(1);
        double z2 = 4.0 + 0.16;
        assertThat(Math.hypot(e[0], e[1])).isCloseTo(0.05 * Math.sqrt(z2 / (z2 + 1e-12)), within(1e-17));
        assertThat(e[0] / e[1]).isCloseTo(5.0, within(1e-14));
        assertThat(w[0]).isCloseTo(-0.1 * 10 * (0.2 + e[0]), within(1e-15));
        assertThat(w[1]).isCloseTo(-0.1 * (0.4 + e[1]), within(1e-15));
    }

    @Test
    void matrixNormModeMakesTheInversePNormOfEEqualRho() {
        var oracle = new Recorder(new double[] {0.2, 0.4});
        double[] w = new double[2];
        PreconditionedSam.fixed(0.05, true, new double[] {10, 1}, Options.of(Normalisation.MATRIX_NORM), Sgd.plain(2))
                .step(w, oracle, 0.1);
        double[] e = oracle.calls.get(1);
        // e^T P^-1 e = rho^2 v^T z/(v^T z + 1e-12), v^T z = 10 0.04 + 0.16 = 0.56
        assertThat(e[0] * e[0] / 10 + e[1] * e[1]).isCloseTo(0.0025 * 0.56 / (0.56 + 1e-12), within(1e-18));
        assertThat(e[0] / e[1]).isCloseTo(5.0, within(1e-14));
    }

    @Test
    void friendlyBasePerturbsAlongGradientMinusItsPreviousEma() {
        // steps at constant w would move w; use eta = 0 so both steps start from w = 0. betaG = 0.9.
        double[] g1 = {0.2, 0.4};
        double[] g2 = {-0.3, 0.5};
        var oracle = new Recorder(g1, g2);
        double[] w = new double[2];
        var sam = PreconditionedSam.fixed(0.05, false, new double[] {1, 1}, Options.friendly(Normalisation.EUCLIDEAN,
                0.9), Sgd.plain(2));
        sam.step(w, oracle, 0.0);
        sam.step(w, oracle, 0.0);
        // step 1: gbar_0 = 0, v = g1; step 2: v = g2 - 0.1 g1 = (-0.32, 0.46)
        double[] e1 = oracle.calls.get(1);
        double[] e2 = oracle.calls.get(3);
        assertThat(e1[0] / e1[1]).isCloseTo(0.5, within(1e-14));
        assertThat(e2[0] / e2[1]).isCloseTo(-0.32 / 0.46, within(1e-14));
        assertThat(Math.hypot(e2[0], e2[1])).isCloseTo(0.05, within(1e-12));
        // reset clears gbar: the next step perturbs along g again
        sam.reset();
        var again = new Recorder(g2);
        sam.step(w, again, 0.0);
        double[] e3 = again.calls.get(1);
        assertThat(e3[0] / e3[1]).isCloseTo(-0.3 / 0.5, within(1e-14));
    }

    @Test
    void theLlqrDisabledAblationIsPlainSam() {
        // sam.md 3: z = v and Opt(w, g_p): P = I with the default (guarded) normalisation is Sam bit for bit, and the
        // euclidean mode differs from it only through the guard (relative ~1e-12/||g||^2 here: far below 1e-13)
        double[] h = Quadratics.logSpaced(5);
        double[] a = {1, -1, 0.5, 2, -0.3};
        double[] b = a.clone();
        double[] c = a.clone();
        var plain = new Sam(Sam.Config.of(0.05), new Sgd(5, Sgd.Config.heavyBall(0.9)));
        var disabled = PreconditionedSam.fixed(0.05, false, new double[] {1, 1, 1, 1, 1}, new Sgd(5, Sgd.Config.heavyBall(0.9)));
        var euclid = PreconditionedSam.fixed(0.05, false, new double[] {1, 1, 1, 1, 1},
                Options.of(Normalisation.EUCLIDEAN), new Sgd(5, Sgd.Config.heavyBall(0.9)));
        for (int t = 0; t < 20; t++) {
            plain.step(a, Quadratics.diagonal(h), 0.005);
            disabled.step(b, Quadratics.diagonal(h), 0.005);
            euclid.step(c, Quadratics.diagonal(h), 0.005);
        }
        assertThat(b).containsExactly(a);
        assertThat(c).containsExactly(a, within(1e-13));
    }
}
