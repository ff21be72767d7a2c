package org.optdyn.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.theory.shapes.ShapeClosedForms;
import org.optdyn.theory.shapes.FirstOrderMethod;
import org.optdyn.theory.shapes.FirstOrderMethod.ACO;
import org.optdyn.theory.shapes.FirstOrderMethod.CO;
import org.optdyn.theory.shapes.FirstOrderMethod.EG;
import org.optdyn.theory.shapes.FirstOrderMethod.GD;
import org.optdyn.theory.shapes.FirstOrderMethod.HB;
import org.optdyn.theory.shapes.FirstOrderMethod.MEG;
import org.optdyn.theory.shapes.FirstOrderMethod.NAG;
import org.optdyn.theory.shapes.FirstOrderMethod.OG;
import org.optdyn.theory.shapes.FirstOrderMethod.SQHB;
import org.optdyn.theory.shapes.ModalPrediction;
import org.optdyn.theory.shapes.NumericalTuning;
import org.optdyn.theory.shapes.Rates;
import org.optdyn.theory.shapes.Shape;

class GameSolverTest {

    private static LinearGame toy() {
        return Games.bilinear(new double[] {2}, 1, new double[] {0}, new double[] {0}, 0, 0);
    }

    private static double[] squares(Outcome<Trajectory> o, int upTo) {
        double[] d = o.value().distance();
        double[] s = new double[upTo];
        for (int t = 1; t <= upTo; t++) {
            s[t - 1] = d[t] * d[t];
        }
        return s;
    }

    /** S-8: values printed with the digits shown; tolerance is half a unit of the last printed digit. */
    private static void assertPrinted(double[] actual, double[] expected, double[] halfUnit) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("t = %s", i + 1).isCloseTo(expected[i], within(halfUnit[i]));
        }
    }

    @Test
    void s8ToyBilinearTrajectoriesMatchTheExactValues() {
        var game = toy();
        double[] w0 = {1, 0};
        var gd = squares(GameSolver.run(game, Algorithm.of(new GD(0.1)), w0, 4), 4);
        for (int t = 1; t <= 4; t++) {
            // exact: ‖w_t‖² = 1.04^t, rounding of 4 steps in a 2×2 product: 1e-15 relative
            assertThat(gd[t - 1]).isCloseTo(Math.pow(1.04, t), within(1e-14));
        }
        // ‖F(w_t)‖ = ‖A w_t‖ = 2‖w_t‖ for A = 2 × rotation
        var gdTrace = GameSolver.run(game, Algorithm.of(new GD(0.1)), w0, 4).value();
        for (int t = 0; t <= 4; t++) {
            assertThat(gdTrace.fieldNorm()[t]).isCloseTo(2 * gdTrace.distance()[t], within(1e-14));
        }
        var eg = squares(GameSolver.run(game, Algorithm.of(new EG(0.1, 0.1)), w0, 4), 4);
        for (int t = 1; t <= 4; t++) {
            assertThat(eg[t - 1]).isCloseTo(Math.pow(0.9616, t), within(1e-14));
        }
        assertPrinted(squares(GameSolver.run(game, Algorithm.of(new OG(0.1)), w0, 4), 4),
                new double[] {1.04, 1.0064, 0.962624, 0.92176384}, new double[] {1e-15, 1e-15, 1e-15, 1e-15});
        assertPrinted(squares(GameSolver.run(game, Algorithm.of(new MEG(0.05, 0.5, 0.3)), w0, 4), 4),
                new double[] {0.82, 0.637, 0.49009, 0.3776545}, new double[] {1e-15, 1e-15, 1e-15, 5e-8});
        assertPrinted(squares(GameSolver.run(game, Algorithm.of(new SQHB(0.1, 0.2, 0.5)), w0, 4), 4),
                new double[] {0.36, 0.0784, 0.010816, 0.00073984}, new double[] {1e-15, 1e-15, 1e-15, 1e-15});
        var spectrum = Shape.Points.of(new Complex(0, 2), new Complex(0, -2));
        assertThat(Rates.rate(new OG(0.1), spectrum)).isCloseTo(0.978906, within(5e-7));
        assertThat(Rates.rate(new MEG(0.05, 0.5, 0.3), spectrum)).isCloseTo(0.880393, within(5e-7));
        assertThat(Rates.rate(new SQHB(0.1, 0.2, 0.5), spectrum)).isCloseTo(Math.sqrt(0.2), within(1e-15));
    }

    private static double empirical(double[] d, int t1, int t2) {
        return Math.pow(d[t2] / d[t1], 1.0 / (t2 - t1));
    }

    @Test
    void s9BilinearSimulationRatesMatchPredictionsAndTheModalTheory() {
        int n = 40;
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            sigma[j] = 1 + 9.0 * j / 39;
        }
        var rng = Games.root(9);
        var game = Games.bilinear(sigma, 0, rng);
        double[] w0 = game.equilibrium();
        double[] e0 = Games.gaussian(2 * n, rng.split());
        for (int i = 0; i < w0.length; i++) {
            w0[i] += e0[i];
        }
        var modes = game.modes().orElseThrow();
        double[] weights = modes.weights(e0);
        var k = new Shape.Bilinear(1, 10);
        record Case(FirstOrderMethod m, int t1, int t2, double predicted, boolean doubleRoot) { }
        var fit = NumericalTuning.ellfit(10, 1, 10);
        var cases = List.of(
                new Case(ShapeClosedForms.extragradient(k).method(), 1500, 3000, 0.9950864483, false),
                new Case(new OG(0.0576708), 1500, 3000, 0.998330, false),
                new Case(fit.meg(10), 60, 120, 0.857608, false),
                new Case(fit.aco(10), 60, 120, 0.857608, false),
                new Case(new SQHB(4.0 / 121, 81.0 / 121, 0.1), 50, 100, 9.0 / 11, true));
        for (var c : cases) {
            var out = GameSolver.run(game, Algorithm.of(c.m()), w0, c.t2());
            assertThat(out).as(c.m().label()).isInstanceOf(Outcome.Completed.class);
            double[] d = out.value().distance();
            double[] theory = ModalPrediction.errorNorms(c.m(), modes.eigenvalues(), weights, c.t2());
            for (int t = 0; t <= c.t2(); t++) {
                // normal A: ‖e_t‖ is exactly the modal sum; rounding grows like t·ε·‖A‖‖w‖/‖e_t‖ < 1e-8 here
                assertThat(d[t]).as("%s t = %s", c.m().label(), t).isCloseTo(theory[t], within(1e-8 * theory[t] + 1e-12));
            }
            double rho = empirical(d, c.t1(), c.t2());
            // the predicted shape rate (rounded in the doc to 6 digits) vs its exact evaluation
            assertThat(Rates.rate(c.m(), k)).isCloseTo(c.predicted(), within(1e-6));
            // §9.3: ρ(1 - 0.005) <= ρ̂ <= ρ 2^{2/T}(1 + 0.001) with double roots, else |ρ̂ - ρ| <= 0.005ρ
            double upper = c.doubleRoot() ? c.predicted() * Math.pow(2, 2.0 / c.t2()) * 1.001 : c.predicted() * 1.005;
            assertThat(rho).as(c.m().label()).isBetween(c.predicted() * 0.995, upper);
        }
    }

    @Test
    void simultaneousGdaDivergesOnBilinearGamesAndReportsItAsAResult() {
        var game = Games.bilinear(new double[] {1, 2, 3}, 0, Games.root(1));
        double[] w0 = Games.gaussian(6, Games.root(2));
        var out = GameSolver.run(game, Algorithm.of(new GD(0.5)), w0, 10_000, 1e3);
        assertThat(out).isInstanceOf(Outcome.Diverged.class);
        var dv = (Outcome.Diverged<Trajectory>) out;
        // |1 - iησ_max|^t = (1 + 2.25)^{t/2} exceeds 1e3 × (weight share) after ~ 2 ln(1e3 /share)/ln 3.25 steps
        assertThat(dv.step()).isBetween(5L, 40L);
        assertThat(dv.value().distance()).hasSize((int) dv.step());
        assertThat(java.util.Arrays.stream(dv.value().distance()).allMatch(Double::isFinite)).isTrue();
        assertThat(dv.reason()).contains("exceeds");
    }

    @Test
    void alternatingGdaOnBilinearGameStaysBoundedWithoutConverging() {
        var game = Games.bilinear(new double[] {0.5, 1, 1.5}, 0, Games.root(3));
        double[] w0 = Games.gaussian(6, Games.root(4));
        double d0 = GameSolver.run(game, new Algorithm.AlternatingGda(0.2), w0, 0).value().distance()[0];
        var out = GameSolver.run(game, new Algorithm.AlternatingGda(0.2), w0, 5000);
        assertThat(out).isInstanceOf(Outcome.Completed.class);
        double[] d = out.value().distance();
        // eigenvalues on the unit circle (det 1, |trace| < 2 for ησ <= 0.3): a bounded, non-decaying orbit. The
        // conserved quadratic form bounds ‖e_t‖/‖e_0‖ by the condition number of the 2×2 eigenvector basis,
        // (1 + ησ/2)/(1 - ησ/2) <= 1.35 per block.
        for (double v : d) {
            assertThat(v / d0).isBetween(1 / 1.35, 1.35);
        }
        // simultaneous GDA with the same step diverges
        assertThat(GameSolver.run(game, Algorithm.of(new GD(0.2)), w0, 5000)).isInstanceOf(Outcome.Diverged.class);
    }

    @Test
    void everyMethodMatchesItsModalPredictionOnARandomEllipseGame() {
        var shape = new Shape.Ellipse(2, 1, 0.8);
        var rng = Games.root(5);
        var game = Games.randomInShape(shape, 30, rng, List.of());
        double[] e0 = Games.gaussian(30, rng.split());
        double[] w0 = game.equilibrium();
        for (int i = 0; i < 30; i++) {
            w0[i] += e0[i];
        }
        var modes = game.modes().orElseThrow();
        List<FirstOrderMethod> methods = List.of(new GD(0.3), new HB(0.3, 0.2), new HB(0.3, -0.1), new NAG(0.2, 0.5),
                new EG(0.2, 0.1), new OG(0.1), new MEG(0.2, 0.1, 0.3), new CO(0.2, 0.1), new ACO(0.2, 0.1, 0.3),
                new SQHB(-0.02, 0.1, 0.3));
        for (var m : methods) {
            var out = GameSolver.run(game, Algorithm.of(m), w0, 60);
            assertThat(out).as(m.label()).isInstanceOf(Outcome.Completed.class);
            double[] d = out.value().distance();
            double[] theory = ModalPrediction.errorNorms(m, modes.eigenvalues(), modes.weights(e0), 60);
            for (int t = 0; t <= 60; t++) {
                assertThat(d[t]).as("%s t = %s", m.label(), t).isCloseTo(theory[t], within(1e-9 * theory[0]));
            }
        }
    }

    @Test
    void invalidArgumentsAreRejectedWithTheirNames() {
        var game = toy();
        assertThatThrownBy(() -> GameSolver.run(game, Algorithm.of(new GD(0.1)), new double[3], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w0.length");
        assertThatThrownBy(() -> GameSolver.run(game, Algorithm.of(new GD(0.1)), new double[2], -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps");
        assertThatThrownBy(() -> new GD(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta");
        assertThatThrownBy(() -> new Algorithm.AlternatingGda(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readmeExampleRunsSqHbAtTheOptimalBilinearRate() {
        var shape = new Shape.Bilinear(1, 10);
        var sqhb = ShapeClosedForms.squaredHeavyBall(shape, 0.1);
        var game = Games.randomInShape(shape, 200, Games.root(42), List.of());
        var out = GameSolver.run(game, new Algorithm.Standard(sqhb.method()), Games.gaussian(200, Games.root(1)), 100);
        assertThat(out).isInstanceOf(Outcome.Completed.class);
        double[] d = out.value().distance();
        // §9.3 with a double root at both ends: ρ(1 - 0.005) <= ρ̂ <= ρ 2^{2/T}(1 + 0.001), ρ̂ on [T/2, T]
        double rho = Math.pow(d[100] / d[50], 1.0 / 50);
        assertThat(rho).isBetween(9.0 / 11 * 0.995, 9.0 / 11 * Math.pow(2, 2.0 / 100) * 1.001);
    }

    @Test
    void nonNormalGameKeepsTheSpectralRateAfterItsTransient() {
        // eigenvalues ±i, ±3i, ±10i as in S-11, upper blocks perturbed by ε = 0.5
        Complex[] blocks = {new Complex(0, 1), new Complex(0, 3), new Complex(0, 10)};
        var game = Games.nonNormal(blocks, 0.5, Games.root(21));
        var fit = NumericalTuning.ellfit(10, 1, 10);
        var meg = fit.meg(10);
        double rho = Rates.rate(meg, Shape.Points.of(blocks));
        double[] w0 = game.equilibrium();
        double[] e0 = Games.gaussian(6, Games.root(22));
        for (int i = 0; i < 6; i++) {
            w0[i] += e0[i];
        }
        int steps = 150;
        var out = GameSolver.run(game, Algorithm.of(meg), w0, steps);
        assertThat(out).isInstanceOf(Outcome.Completed.class);
        double[] d = out.value().distance();
        // ρ^150 ≈ 1e-10: after the transient only the slowest root pair remains; the modal prefactor of a
        // non-normal A is a constant, whose effect on the fit over [75, 150] is bounded by §9.3's 0.5%
        double measured = Math.pow(d[steps] / d[steps / 2], 2.0 / steps);
        assertThat(measured).isCloseTo(rho, within(0.005 * rho));
    }
}
