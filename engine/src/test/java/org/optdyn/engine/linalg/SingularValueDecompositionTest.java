package org.optdyn.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.random.RandomStreams;

class SingularValueDecompositionTest {

    private static double[] gaussian(int n, long seed) {
        RandomGenerator g = new RandomStreams(seed).general(0);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = g.nextGaussian();
        }
        return a;
    }

    /**
     * A = U diag(s) V^T with U, V orthogonal, s decreasing and non-negative. Backward stability of Jacobi: the
     * reconstruction error is a small multiple of n eps |A|; 1e-13 |A|_max covers n up to 100 with a wide margin.
     */
    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"1, 1", "5, 3", "3, 5", "40, 40", "64, 17", "17, 64", "100, 60"})
    void reconstructsTheMatrixFromSquareOrthogonalFactors(int m, int n) {
        double[] a = gaussian(m * n, 31L * m + n);
        var svd = SingularValueDecomposition.of(a, m, n);
        double[] u = svd.u();
        double[] v = svd.v();
        double[] s = svd.singularValues();
        int r = Math.min(m, n);
        assertThat(s).hasSize(r);
        for (int k = 1; k < r; k++) {
            assertThat(s[k]).isLessThanOrEqualTo(s[k - 1]);
        }
        assertThat(s[r - 1]).isGreaterThanOrEqualTo(0);
        double scale = 0;
        for (double x : a) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double x = 0;
                for (int k = 0; k < r; k++) {
                    x += u[i * m + k] * s[k] * v[j * n + k];
                }
                assertThat(Math.abs(x - a[i * n + j])).isLessThan(1e-13 * scale);
            }
        }
        assertOrthogonal(u, m);
        assertOrthogonal(v, n);
        assertThat(SingularValueDecomposition.singularValues(a, m, n)).containsExactly(s,
                org.assertj.core.data.Offset.offset(1e-13 * s[0]));
    }

    @Test
    void aRankOneMatrixHasOneNonZeroSingularValueAndAFullU() {
        // x y^T with |x| = 3, |y| = 2: s = (6, 0, 0)
        double[] x = {1, 2, 2, 0};
        double[] y = {0, 2, 0};
        double[] a = new double[12];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                a[i * 3 + j] = x[i] * y[j];
            }
        }
        var svd = SingularValueDecomposition.of(a, 4, 3);
        assertThat(svd.singularValues()).containsExactly(new double[] {6, 0, 0},
                org.assertj.core.data.Offset.offset(1e-14));
        assertOrthogonal(svd.u(), 4);
        assertOrthogonal(svd.v(), 3);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> SingularValueDecomposition.of(new double[5], 2, 3)).hasMessageContaining("needs 6");
        assertThatThrownBy(() -> SingularValueDecomposition.of(new double[] {Double.NaN}, 1, 1))
                .hasMessageContaining("not finite");
    }

    private static void assertOrthogonal(double[] q, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = 0;
                for (int k = 0; k < n; k++) {
                    d += q[k * n + i] * q[k * n + j];
                }
                assertThat(Math.abs(d - (i == j ? 1 : 0))).isLessThan(1e-13);
            }
        }
    }
}
