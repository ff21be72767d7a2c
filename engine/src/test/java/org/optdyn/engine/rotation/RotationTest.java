package org.optdyn.engine.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optdyn.engine.quadratic.RandomQuadratics;
import org.optdyn.engine.random.RandomStreams;

class RotationTest {

    private static RandomGenerator rng(long i) {
        return new RandomStreams(20261206).general(i);
    }

    /**
     * A1 (adam-rotation.md §6): Haar on O(3) has E tr Q = 0, E (tr Q)^2 = 1 (Diaconis–Shahshahani), E Q_11 = 0,
     * E Q_11^2 = 1/3 and E det Q = 0. Each sample mean of 10^5 draws is compared with its exact value within 4.4
     * sample standard errors: Normal by the CLT at this size, false-failure probability 1e-5 per moment, 5e-5 for
     * the five. Without the sign fix (a plain Householder QR) E tr Q is -0.5, 150 standard errors away.
     */
    @Test
    void haarOnO3HasTheMomentsOfTheHaarMeasure() {
        int draws = 100_000;
        double[][] v = new double[5][draws];
        RandomGenerator g = rng(1);
        for (int k = 0; k < draws; k++) {
            DenseRotation q = DenseRotation.haar(3, g);
            double tr = q.entry(0, 0) + q.entry(1, 1) + q.entry(2, 2);
            v[0][k] = tr;
            v[1][k] = tr * tr;
            v[2][k] = q.entry(0, 0);
            v[3][k] = q.entry(0, 0) * q.entry(0, 0);
            v[4][k] = q.determinant();
        }
        double[] exact = {0, 1, 0, 1.0 / 3, 0};
        for (int m = 0; m < 5; m++) {
            double mean = 0;
            for (double x : v[m]) {
                mean += x / draws;
            }
            double ss = 0;
            for (double x : v[m]) {
                ss += (x - mean) * (x - mean);
            }
            double se = Math.sqrt(ss / (draws - 1) / draws);
            assertThat(Math.abs(mean - exact[m])).as("moment %d: mean %s, se %s", m, mean, se).isLessThan(4.4 * se);
        }
    }

    @Test
    void haarOnSOnHasDeterminantOneAndHaarOnOnTakesBothSigns() {
        RandomGenerator g = rng(2);
        int negative = 0;
        for (int k = 0; k < 200; k++) {
            assertThat(DenseRotation.haarSpecial(5, g).determinant()).isEqualTo(1);
            negative += DenseRotation.haar(5, g).determinant() < 0 ? 1 : 0;
        }
        // Binomial(200, 1/2): P(outside [60, 140]) < 1e-8
        assertThat(negative).isBetween(60, 140);
    }

    /** §7 step 2: Gram–Schmidt twice leaves max |Q Q^T - I| at a few units of rounding even at n = 768. */
    @Test
    void aHaarBlockOfTheSizeThePaperUsesIsOrthogonalToRounding() {
        DenseRotation q = DenseRotation.haar(768, rng(3));
        assertThat(DenseRotation.orthogonalityError(q.matrix(), 768)).isLessThan(1e-12);
    }

    @Test
    void theQuadraticsAndCovarianceSamplersDrawTheSameHaarMatrix() {
        assertThat(RandomQuadratics.haarOrthogonal(40, rng(4))).isEqualTo(DenseRotation.haarMatrix(40, rng(4)));
    }

    @ParameterizedTest(name = "D = {0}")
    @ValueSource(ints = {1, 7, 64, 1000})
    void aBlockRotationIsOrthogonalAndRotateBackInvertsIt(int d) {
        BlockRotation r = BlockRotation.haarBlocks(d, 64, rng(5));
        assertOrthogonal(r, rng(6));
    }

    @Test
    void aBlockRotationRepeatsOneBlockAlongItsPermutation() {
        // D = 2 n + 3: blocks of the permuted vector are all rotated by the same R_n
        BlockRotation r = BlockRotation.haarBlocks(2 * 8 + 3, 8, rng(7));
        int[] perm = r.permutation();
        DenseRotation block = r.block();
        double[] x = new double[19];
        x[perm[8 + 2]] = 1;    // entry 2 of the second block
        double[] y = new double[19];
        r.rotate(x, y);
        for (int i = 0; i < 19; i++) {
            double expected = i >= 8 && i < 16 ? block.entry(i - 8, 2) : 0;
            assertThat(y[i]).isEqualTo(expected);
        }
        assertThat(block.determinant()).isEqualTo(1);
    }

    @Test
    void aSignedPermutationMovesAndNegatesEntriesExactly() {
        var s = new SignedPermutation(new int[] {2, 0, 1}, new double[] {-1, 1, -1});
        double[] y = new double[3];
        s.rotate(new double[] {1, 2, 3}, y);
        assertThat(y).containsExactly(-3, 1, -2);
        double[] back = new double[3];
        s.rotateBack(y, back);
        assertThat(back).containsExactly(1, 2, 3);
        assertOrthogonal(SignedPermutation.random(50, rng(8)), rng(9));
    }

    private static final ParameterLayout MLP = ParameterLayout.of(new ParameterLayout.Matrix("W1", 6, 10),
            new ParameterLayout.Vector("b1", 6), new ParameterLayout.Matrix("W2", 3, 6), new ParameterLayout.Vector("b2", 3));

    @ParameterizedTest
    @EnumSource(Scope.class)
    void everyScopeIsAnOrthogonalMapOfTheWholeParameterVector(Scope scope) {
        assertOrthogonal(ScopedRotation.of(MLP, scope, 4, rng(10)), rng(11));
    }

    /** Each scope mixes only within its groups: a unit vector on W1[2][5] stays in row 2, column 5, W1, or moves anywhere. */
    @ParameterizedTest
    @EnumSource(Scope.class)
    void eachScopeMixesOnlyWithinItsGroups(Scope scope) {
        var r = ScopedRotation.of(MLP, scope, 4, rng(12));
        double[] x = new double[MLP.size()];
        x[2 * 10 + 5] = 1;
        double[] y = new double[x.length];
        r.rotate(x, y);
        for (int i = 0; i < y.length; i++) {
            boolean inW1 = i < 60;
            boolean allowed = switch (scope) {
                case NONE -> i == 25;
                case GLOBAL -> true;
                case LAYER -> inW1;
                case OUTPUT -> inW1 && i / 10 == 2;
                case INPUT -> inW1 && i % 10 == 5;
            };
            if (!allowed) {
                assertThat(y[i]).as("entry %d under %s", i, scope).isZero();
            }
        }
        if (scope != Scope.GLOBAL) {
            double[] bias = new double[x.length];
            bias[60 + 4] = 1;   // b1[4]
            r.rotate(bias, y);
            assertThat(y).isEqualTo(bias);
        }
    }

    @Test
    void scopesAndBadInputAreNamedInTheError() {
        assertThat(Scope.parse("output-wise")).isEqualTo(Scope.OUTPUT);
        assertThatThrownBy(() -> Scope.parse("rows")).hasMessageContaining("'rows'");
        assertThatThrownBy(() -> DenseRotation.of(new double[] {1, 1, 0, 1})).hasMessageContaining("not orthogonal");
        assertThatThrownBy(() -> new SignedPermutation(new int[] {0, 0}, new double[] {1, 1}))
                .hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> BlockRotation.haarBlocks(10, 0, rng(1))).hasMessageContaining("blockSize");
        var r = BlockRotation.haarBlocks(10, 4, rng(1));
        double[] x = new double[10];
        assertThatThrownBy(() -> r.rotate(x, x)).hasMessageContaining("out must not be the input");
        assertThatThrownBy(() -> r.rotate(x, new double[9])).hasMessageContaining("length 10");
    }

    @Test
    void aTwoSidedRotationIsOrthogonalOnMatrices() {
        assertOrthogonal(new TwoSidedRotation(DenseRotation.haar(5, rng(13)), DenseRotation.haar(3, rng(14))), rng(15));
    }

    /**
     * A8: for a diagonal PSD H both the (1,1)-norm sum |H_ij| and the l_inf-smoothness max_s s^T H s (s in {+-1}^d)
     * equal tr H (248.18 on E1); under every rotation both can only grow (|H|_11 >= tr H, and max_s s^T H s >=
     * E_s s^T H s = tr H), an exact inequality, checked on 20 Haar rotations to rounding (1e-10).
     */
    @Test
    void rotatingADiagonalHessianCanOnlyRaiseItsLInfinityQuantities() {
        int d = 10;
        double[] lambda = new double[d];
        double trace = 0;
        for (int i = 0; i < d; i++) {
            lambda[i] = Math.pow(10, 2.0 * i / 9);
            trace += lambda[i];
        }
        assertThat(trace).isCloseTo(248.18, org.assertj.core.data.Offset.offset(0.005));
        double[] diag = new double[d * d];
        for (int i = 0; i < d; i++) {
            diag[i * d + i] = lambda[i];
        }
        assertThat(oneOneNorm(diag, d)).isCloseTo(trace, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(linfSmoothness(diag, d)).isCloseTo(trace, org.assertj.core.data.Offset.offset(1e-12));
        RandomGenerator g = rng(16);
        for (int k = 0; k < 20; k++) {
            double[] q = DenseRotation.haarMatrix(d, g);
            double[] h = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = 0;
                    for (int m = 0; m < d; m++) {
                        s += q[i * d + m] * lambda[m] * q[j * d + m];
                    }
                    h[i * d + j] = s;
                }
            }
            assertThat(oneOneNorm(h, d)).isGreaterThanOrEqualTo(trace - 1e-10);
            assertThat(linfSmoothness(h, d)).isGreaterThanOrEqualTo(trace - 1e-10);
        }
    }

    private static double oneOneNorm(double[] h, int d) {
        double s = 0;
        for (double x : h) {
            s += Math.abs(x);
        }
        return s;
    }

    private static double linfSmoothness(double[] h, int d) {
        double best = Double.NEGATIVE_INFINITY;
        for (int mask = 0; mask < (1 << d); mask++) {
            double v = 0;
            for (int i = 0; i < d; i++) {
                double si = (mask >> i & 1) == 1 ? -1 : 1;
                for (int j = 0; j < d; j++) {
                    double sj = (mask >> j & 1) == 1 ? -1 : 1;
                    v += si * h[i * d + j] * sj;
                }
            }
            best = Math.max(best, v);
        }
        return best;
    }

    /** Norms preserved and R^T R x = x, to rounding (1e-13 relative for n up to 1000). */
    private static void assertOrthogonal(Rotation r, RandomGenerator g) {
        int d = r.dimension();
        for (int k = 0; k < 3; k++) {
            double[] x = new double[d];
            double norm = 0;
            for (int i = 0; i < d; i++) {
                x[i] = g.nextGaussian();
                norm += x[i] * x[i];
            }
            double[] y = new double[d];
            double[] z = new double[d];
            r.rotate(x, y);
            r.rotateBack(y, z);
            double ny = 0;
            double err = 0;
            for (int i = 0; i < d; i++) {
                ny += y[i] * y[i];
                err = Math.max(err, Math.abs(z[i] - x[i]));
            }
            assertThat(Math.abs(ny - norm) / norm).isLessThan(1e-13);
            assertThat(err).isLessThan(1e-13 * Math.sqrt(norm));
        }
    }
}
