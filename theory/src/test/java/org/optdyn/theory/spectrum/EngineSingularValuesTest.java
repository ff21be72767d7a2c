package org.optdyn.theory.spectrum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optdyn.engine.random.RandomStreams;

/**
 * The engine's one hand-written factorisation (one-sided Jacobi, engine.linalg; the engine depends on the JDK only)
 * against Hipparchus' SVD: the singular values agree to 1e-12 of the largest, for square, tall, wide and graded
 * matrices (columns scaled over 8 decades, where Jacobi is at least as accurate as the bidiagonal QR).
 */
class EngineSingularValuesTest {

    @ParameterizedTest(name = "{0} x {1}, column grading {2}")
    @CsvSource({"30, 30, 0", "80, 20, 0", "20, 80, 0", "50, 40, 8"})
    void theEnginesSingularValuesAreHipparchus(int m, int n, int decades) {
        RandomGenerator g = new RandomStreams(11L * m + n).general(0);
        double[][] rows = new double[m][n];
        double[] flat = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double x = g.nextGaussian() * Math.pow(10, -decades * (double) j / n);
                rows[i][j] = x;
                flat[i * n + j] = x;
            }
        }
        double[] expected = new SingularValueDecomposition(MatrixUtils.createRealMatrix(rows)).getSingularValues();
        double[] actual = org.optdyn.engine.linalg.SingularValueDecomposition.singularValues(flat, m, n);
        assertThat(actual).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat(Math.abs(actual[k] - expected[k])).as("s_%d", k).isLessThan(1e-12 * expected[0]);
        }
    }
}
