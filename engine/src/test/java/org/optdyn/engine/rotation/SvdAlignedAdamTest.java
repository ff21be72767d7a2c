package org.optdyn.engine.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.linalg.SingularValueDecomposition;
import org.optdyn.engine.optim.Adam;
import org.optdyn.engine.random.RandomStreams;

class SvdAlignedAdamTest {

    private static final int M = 6;
    private static final int N = 4;

    private static RandomGenerator rng(long i) {
        return new RandomStreams(1313).general(i);
    }

    private static double[] gaussian(int size, RandomGenerator g) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = g.nextGaussian();
        }
        return x;
    }

    /** A12: the first step's update rotated back is U diag(s/(s+eps)) V^T for any betas; its CV is ~0. */
    @Test
    void a12FirstStepIsTheScaledPolarFactor() {
        double eps = 1e-8;
        Adam.Config config = Adam.Config.DEFAULT.withBetas(0.9, 0.999).withEpsilon(eps);
        double[] g = gaussian(M * N, rng(0));
        var rule = new SvdAlignedAdam(ParameterLayout.of(new ParameterLayout.Matrix("W", M, N)), config, 250);
        double[] w = new double[M * N];
        rule.step(w, g, 1.0);
        SingularValueDecomposition svd = SingularValueDecomposition.of(g, M, N);
        double[] u = svd.u();
        double[] v = svd.v();
        double[] s = svd.singularValues();
        double worst = 0;
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                double e = 0;
                for (int k = 0; k < N; k++) {
                    e += u[i * M + k] * s[k] / (s[k] + eps) * v[j * N + k];
                }
                worst = Math.max(worst, Math.abs(-w[i * N + j] - e));
            }
        }
        double[] a = new double[M * N];
        rule.direction(a);
        double cv = Orthogonality.of(a, M, N).cv();
        double cvStandard = Orthogonality.of(signs(g), M, N).cv();
        System.out.printf("A12: max |A_1 - U diag(s/(s+eps)) V^T| = %.3g, CV(direction) = %.3g, CV(sign G) = %.3g%n",
                worst, cv, cvStandard);
        assertThat(worst).isLessThan(1e-5);
        assertThat(cv).isLessThan(1e-5);
        assertThat(cvStandard).isGreaterThan(1e-2);
    }

    private static double[] signs(double[] g) {
        double[] s = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            s[i] = Math.signum(g[i]);
        }
        return s;
    }

    /** Gradient of the separable quadratic 1/2 sum c_i (theta_i - target_i)^2 (a dense-enough test loss). */
    private static void gradient(double[] c, double[] target, double[] theta, double[] g) {
        for (int i = 0; i < theta.length; i++) {
            g[i] = c[i] * (theta[i] - target[i]);
        }
    }

    /** With f larger than the run the basis is fixed at the SVD of G_1: the rule equals RotatedBasis with it. */
    @Test
    void fixedBasisEqualsRotatedBasis() {
        RandomGenerator r = rng(1);
        int d = M * N;
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = Math.pow(10, r.nextDouble() * 2);
        }
        double[] target = gaussian(d, r);
        double[] theta0 = gaussian(d, r);
        double[] g = new double[d];
        gradient(c, target, theta0, g);
        SingularValueDecomposition svd = SingularValueDecomposition.of(g, M, N);
        var fixed = new TwoSidedRotation(DenseRotation.of(svd.u()), DenseRotation.of(svd.v()));
        Adam.Config config = Adam.Config.adamW(0.1);
        var reference = new RotatedBasis(fixed, new Adam(d, config));
        var rule = new SvdAlignedAdam(ParameterLayout.of(new ParameterLayout.Matrix("W", M, N)), config,
                Integer.MAX_VALUE);
        double[] a = theta0.clone();
        double[] b = theta0.clone();
        double[] ga = new double[d];
        double[] gb = new double[d];
        double worst = 0;
        for (int t = 0; t < 300; t++) {
            gradient(c, target, a, ga);
            gradient(c, target, b, gb);
            reference.step(a, ga, 1e-2);
            rule.step(b, gb, 1e-2);
            for (int i = 0; i < d; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1e-12);
        double[] da = new double[d];
        double[] db = new double[d];
        reference.direction(da);
        rule.direction(db);
        for (int i = 0; i < d; i++) {
            assertThat(db[i]).isCloseTo(da[i], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    /** Vectors are unrotated: the vector part follows plain Adam on its own coordinates (Adam is elementwise). */
    @Test
    void vectorsRunPlainAdam() {
        RandomGenerator r = rng(2);
        int d = M * N + 5;
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            c[i] = Math.pow(10, r.nextDouble() * 2);
        }
        double[] target = gaussian(d, r);
        var layout = ParameterLayout.of(new ParameterLayout.Matrix("W", M, N), new ParameterLayout.Vector("b", 5));
        var rule = new SvdAlignedAdam(layout, Adam.Config.DEFAULT, 7);
        var plain = Adam.withDefaults(5);
        double[] theta = new double[d];
        double[] g = new double[d];
        double[] bias = new double[5];
        double[] gBias = new double[5];
        TwoSidedRotation previous = null;
        for (int t = 1; t <= 50; t++) {
            gradient(c, target, theta, g);
            for (int i = 0; i < 5; i++) {
                gBias[i] = c[M * N + i] * (bias[i] - target[M * N + i]);
            }
            rule.step(theta, g, 1e-2);
            plain.step(bias, gBias, 1e-2);
            for (int i = 0; i < 5; i++) {
                assertThat(theta[M * N + i]).isEqualTo(bias[i]);
            }
            TwoSidedRotation now = rule.basis(0);
            assertThat(now != previous).isEqualTo(t == 1 || t % 7 == 0);
            previous = now;
            assertThat(rule.basis(1)).isNull();
        }
        assertThat(rule.stepCount()).isEqualTo(50);
        rule.reset();
        assertThat(rule.stepCount()).isZero();
        assertThat(rule.basis(0)).isNull();
        assertThatThrownBy(() -> new SvdAlignedAdam(layout, Adam.Config.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
