package org.optdyn.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.optdyn.theory.shapes.FirstOrderMethod.GD;
import org.optdyn.theory.shapes.Shape;

class GamesTest {

    private static Complex[] eigen(LinearGame g) {
        int p = g.dimension();
        double[] a = g.jacobian();
        var m = MatrixUtils.createRealMatrix(p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m.setEntry(i, j, a[i * p + j]);
            }
        }
        return new EigenDecompositionNonSymmetric(m).getEigenvalues();
    }

    @Test
    void randomGamesHaveExactlyThePrescribedSpectrumInsideTheShape() {
        List<Shape> shapes = List.of(new Shape.Ellipse(3, 2, 1), new Shape.Disk(2, 1), new Shape.Bilinear(1, 4),
                new Shape.ShiftedBilinear(0.5, 0, 3), new Shape.HalfDisk(0.2, 1), new Shape.Segment(1, 5),
                Shape.Union.of(new Shape.Disk(4, 1), new Shape.Bilinear(1, 2)));
        int seed = 0;
        for (Shape s : shapes) {
            var g = Games.randomInShape(s, 24, Games.root(seed++), List.of());
            Complex[] expected = g.modes().orElseThrow().spectrum();
            var actual = new java.util.ArrayList<>(Arrays.asList(eigen(g)));
            for (int i = 0; i < expected.length; i++) {
                Complex z = expected[i];
                Complex nearest = actual.stream().min(Comparator.comparingDouble(a -> a.subtract(z).norm())).orElseThrow();
                actual.remove(nearest);
                // normal matrix: eigenvalues perfectly conditioned, backward error ~ 1e-14 ‖A‖
                assertThat(nearest.subtract(z).norm()).as("%s eigenvalue %s", s, i).isLessThan(1e-10);
                assertThat(s.contains(expected[i], 1e-12)).as("%s contains %s", s, expected[i]).isTrue();
            }
        }
    }

    @Test
    void samplerIncludesTheExtremePointsOfTheShape() {
        var blocks = SpectrumSampler.sample(new Shape.Ellipse(3, 2, 1), 40, Games.root(1), List.of());
        assertThat(blocks).contains(new Complex(1), new Complex(5), new Complex(3, 1));
        var bil = SpectrumSampler.sample(new Shape.Bilinear(1, 4), 40, Games.root(1), List.of(new Complex(0, -2.5)));
        assertThat(bil).contains(new Complex(0, 1), new Complex(0, 4), new Complex(0, 2.5));
    }

    @Test
    void bilinearGameHasTheBlockJacobianAndSeedDeterminesIt() {
        var g = Games.bilinear(new double[] {1, 2, 3}, 0.5, Games.root(7));
        double[] a = g.jacobian();
        int p = 6;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // [[μI, B], [-Bᵀ, μI]] up to the rounding of Q D Qᵀ (~1e-15 ‖A‖)
                assertThat(a[i * p + j]).isCloseTo(i == j ? 0.5 : 0, within(1e-13));
                assertThat(a[(3 + j) * p + i]).isCloseTo(-a[i * p + 3 + j], within(1e-13));
            }
        }
        assertThat(Games.bilinear(new double[] {1, 2, 3}, 0.5, Games.root(7)).jacobian()).containsExactly(a);
        assertThat(Games.bilinear(new double[] {1, 2, 3}, 0.5, Games.root(8)).jacobian()).isNotEqualTo(a);
    }

    @Test
    void linearGameProductsAgreeWithTheJacobian() {
        var g = Games.randomInShape(new Shape.Disk(2, 1), 10, Games.root(2), List.of());
        double[] w = Games.gaussian(10, Games.root(3)), v = Games.gaussian(10, Games.root(4));
        double[] jv = new double[10], vj = new double[10], f = new double[10];
        g.jvp(w, v, jv);
        g.vjp(w, v, vj);
        g.field(g.equilibrium(), f);
        double[] a = g.jacobian();
        for (int i = 0; i < 10; i++) {
            double r = 0, c = 0;
            for (int j = 0; j < 10; j++) {
                r += a[i * 10 + j] * v[j];
                c += a[j * 10 + i] * v[j];
            }
            assertThat(jv[i]).isCloseTo(r, within(1e-12));
            assertThat(vj[i]).isCloseTo(c, within(1e-12));
            assertThat(f[i]).isCloseTo(0, within(1e-13));
        }
    }

    @Test
    void coupledGameProductsMatchCentralDifferencesOfTheField() {
        int n = 4;
        double[] b = Games.gaussian(n * n, Games.root(11));
        var g = new CoupledBilinearGame(b, n, 0.3);
        double[] w = Games.gaussian(2 * n, Games.root(12)), v = Games.gaussian(2 * n, Games.root(13));
        double[] jv = new double[2 * n], vj = new double[2 * n];
        g.jvp(w, v, jv);
        g.vjp(w, v, vj);
        double h = 1e-5;
        double[] fp = new double[2 * n], fm = new double[2 * n];
        double[][] jac = new double[2 * n][2 * n];
        for (int j = 0; j < 2 * n; j++) {
            double[] wp = w.clone(), wm = w.clone();
            wp[j] += h;
            wm[j] -= h;
            g.field(wp, fp);
            g.field(wm, fm);
            for (int i = 0; i < 2 * n; i++) {
                jac[i][j] = (fp[i] - fm[i]) / (2 * h);
            }
        }
        for (int i = 0; i < 2 * n; i++) {
            double r = 0, c = 0;
            for (int j = 0; j < 2 * n; j++) {
                r += jac[i][j] * v[j];
                c += jac[j][i] * v[j];
            }
            // central differences: truncation h² |F'''| / 6 ~ 1e-10 per entry, rounding ε/h ~ 1e-11
            assertThat(jv[i]).isCloseTo(r, within(1e-8));
            assertThat(vj[i]).isCloseTo(c, within(1e-8));
        }
    }

    @Test
    void nonlinearGameConvergesLocallyAtTheRateOfItsJacobianAtEquilibrium() {
        int n = 3;
        // B = diag(1, 2, 3): J(w*) has eigenvalues 0.5 ± i{1, 2, 3}
        double[] b = new double[n * n];
        for (int i = 0; i < n; i++) {
            b[i * n + i] = i + 1;
        }
        var g = new CoupledBilinearGame(b, n, 0.5);
        var eg = new org.optdyn.theory.shapes.FirstOrderMethod.EG(0.1, 0.1);
        double rho = org.optdyn.theory.shapes.Rates.rate(eg, new Shape.ShiftedBilinear(0.5, 1, 3));
        double[] w0 = Games.gaussian(2 * n, Games.root(5));
        for (int i = 0; i < w0.length; i++) {
            w0[i] *= 1e-3;
        }
        double[] d = GameSolver.run(g, Algorithm.of(eg), w0, 400).value().distance();
        double fitted = org.optdyn.theory.shapes.ModalPrediction.fittedRate(d, 200, 400);
        // near w* the nonlinearity adds O(‖e‖²) relative corrections (‖e‖ <= 1e-3): the local rate matches to the
        // fit resolution of a normal linearization, taken as 0.5% (§9.3)
        assertThat(fitted).isCloseTo(rho, within(0.005 * rho));
        // simultaneous GD with a step beyond 2μ/|λ|²_max = 1/9 is locally unstable (|1 - 0.2(0.5 + 3i)|² = 1.17):
        // the iterates leave the neighbourhood of w* (globally the regularization keeps them bounded)
        double[] gd = GameSolver.run(g, Algorithm.of(new GD(0.2)), w0, 2000).value().distance();
        assertThat(gd[2000]).isGreaterThan(10 * gd[0]);
    }
}
