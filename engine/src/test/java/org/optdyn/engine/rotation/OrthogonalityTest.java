package org.optdyn.engine.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.optim.Adam;
import org.optdyn.engine.random.RandomStreams;

class OrthogonalityTest {

    private static double[] gaussian(int n, RandomGenerator g, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = scale * g.nextGaussian();
        }
        return a;
    }

    /** A9: diag(1, 2, 3, 4) has mu = 2.5, sigma = sqrt(1.25), CV = 1/sqrt 5, O = sqrt(5/6). */
    @Test
    void theCvOfDiagOneToFourIsOneOverRootFive() {
        double[] a = new double[16];
        for (int i = 0; i < 4; i++) {
            a[i * 4 + i] = i + 1;
        }
        var o = Orthogonality.of(a, 4, 4);
        assertThat(o.cv()).isCloseTo(1 / Math.sqrt(5), offset(1e-14));
        assertThat(o.o()).isCloseTo(Math.sqrt(5.0 / 6), offset(1e-14));
    }

    /** A9: O = 1/sqrt(1 + CV^2) = |A|_* / (sqrt(r) |A|_F) on random matrices, to 1e-12. */
    @Test
    void oIsTheNuclearOverFrobeniusRatio() {
        RandomGenerator g = new RandomStreams(3).general(0);
        for (int k = 0; k < 5; k++) {
            double[] a = gaussian(12 * 7, g, 1);
            double[] s = org.optdyn.engine.linalg.SingularValueDecomposition.singularValues(a, 12, 7);
            double nuclear = 0;
            double frob = 0;
            for (double x : s) {
                nuclear += x;
            }
            for (double x : a) {
                frob += x * x;
            }
            var o = Orthogonality.of(a, 12, 7);
            assertThat(o.o()).isCloseTo(nuclear / (Math.sqrt(7) * Math.sqrt(frob)), offset(1e-12));
            assertThat(o.o()).isCloseTo(1 / Math.sqrt(1 + o.cv() * o.cv()), offset(1e-12));
        }
    }

    /** A7, A11: a scaled semi-orthogonal matrix has CV = 0; rank one CV = sqrt(r - 1); k equal of r: sqrt(r/k - 1). */
    @Test
    void semiOrthogonalRankOneAndPartialRankHaveTheirExactCv() {
        RandomGenerator g = new RandomStreams(4).general(0);
        double[] q = DenseRotation.haarMatrix(128, g);
        double[] a = new double[64 * 128];
        for (int i = 0; i < a.length; i++) {
            a[i] = 3 * q[i];   // the first 64 rows of a Haar matrix, times 3
        }
        assertThat(Orthogonality.of(a, 64, 128).cv()).isLessThan(1e-13);
        double[] x = gaussian(64, g, 1);
        double[] y = gaussian(32, g, 1);
        double[] rankOne = new double[64 * 32];
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 32; j++) {
                rankOne[i * 32 + j] = x[i] * y[j];
            }
        }
        var r1 = Orthogonality.of(rankOne, 64, 32);
        assertThat(r1.cv()).isCloseTo(Math.sqrt(31), offset(1e-10));
        assertThat(r1.o()).isCloseTo(0.1767767, offset(1e-7));
        var partial = Orthogonality.ofSingularValues(new double[] {2, 2, 2, 2, 0, 0, 0, 0, 0, 0});
        assertThat(partial.cv()).isCloseTo(1.2247449, offset(1e-7));
        assertThat(partial.o()).isCloseTo(0.6324555, offset(1e-7));
        assertThat(Orthogonality.ofSingularValues(new double[] {0, 0}).cv()).isNaN();
    }

    /**
     * A10: for Z/sqrt(n) the singular values follow the quarter-circle law, so CV -> sqrt(9 pi^2/64 - 1) = 0.6228;
     * at n = 400 the mean of 5 draws lies in [0.620, 0.628] (adam-rotation.md measured mean 0.62404, sd 0.00098 per
     * draw: the band is 9 standard errors of a 5-draw mean wide on each side).
     */
    @Test
    void aSquareGaussianMatrixApproachesTheQuarterCircleCv() {
        RandomGenerator g = new RandomStreams(5).general(0);
        double sum = 0;
        for (int k = 0; k < 5; k++) {
            sum += Orthogonality.of(gaussian(400 * 400, g, 1 / 20.0), 400, 400).cv();
        }
        assertThat(sum / 5).isBetween(0.620, 0.628);
    }

    /** The direction of Adam in a rotated basis is R^T of its direction there; per matrix of a layout. */
    @Test
    void theAdamDirectionIsMeasuredPerWeightMatrixInTheOriginalBasis() {
        var layout = ParameterLayout.of(new ParameterLayout.Matrix("W1", 3, 4), new ParameterLayout.Vector("b1", 3));
        var rotated = new RotatedBasis(ScopedRotation.of(layout, Scope.LAYER, 768, new RandomStreams(6).general(0)),
                Adam.withDefaults(15));
        double[] theta = new double[15];
        double[] grad = gaussian(15, new RandomStreams(6).general(1), 1);
        rotated.step(theta, grad, 0.1);
        double[] dir = new double[15];
        rotated.direction(dir);
        var per = Orthogonality.perMatrix(dir, layout);
        assertThat(per).containsOnlyKeys("W1");
        // first step: m = (1 - b1) g~, v = (1 - b2) g~^2 with g~ = R g, so A = R^T (0.1 g~ / (sqrt(0.001) |g~| + eps))
        double[] gRot = new double[15];
        rotated.rotation().rotate(grad, gRot);
        double[] expectedRot = new double[15];
        for (int i = 0; i < 15; i++) {
            expectedRot[i] = 0.1 * gRot[i] / (Math.sqrt(0.001 * gRot[i] * gRot[i]) + 1e-8);
        }
        double[] expected = new double[15];
        rotated.rotation().rotateBack(expectedRot, expected);
        assertThat(dir).containsExactly(expected, offset(1e-12));
        assertThatThrownBy(() -> new RotatedBasis(Rotation.identity(2),
                org.optdyn.engine.optim.Sgd.plain(2)).direction(new double[2])).hasMessageContaining("Adam");
    }
}
