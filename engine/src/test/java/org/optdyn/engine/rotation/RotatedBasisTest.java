package org.optdyn.engine.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optdyn.engine.optim.Adam;
import org.optdyn.engine.optim.DoubleUpdateRule;
import org.optdyn.engine.optim.Sgd;
import org.optdyn.engine.random.RandomStreams;

class RotatedBasisTest {

    /** E1's quadratic (adam-rotation.md §5): d = 10, lambda_i = 10^(2(i-1)/9), x_0 = 1. */
    private static final double[] LAMBDA = new double[10];

    static {
        for (int i = 0; i < 10; i++) {
            LAMBDA[i] = Math.pow(10, 2.0 * i / 9);
        }
    }

    private static RandomGenerator rng(long i) {
        return new RandomStreams(77).general(i);
    }

    private static void gradient(double[] theta, double[] g) {
        for (int i = 0; i < theta.length; i++) {
            g[i] = LAMBDA[i] * theta[i];
        }
    }

    private static double[][] run(DoubleUpdateRule rule, int steps, double lr) {
        double[] theta = new double[10];
        java.util.Arrays.fill(theta, 1);
        double[] g = new double[10];
        double[][] path = new double[steps + 1][];
        path[0] = theta.clone();
        for (int t = 1; t <= steps; t++) {
            gradient(theta, g);
            rule.step(theta, g, lr);
            path[t] = theta.clone();
        }
        return path;
    }

    static Stream<Arguments> equivariantRules() {
        return Stream.of(Arguments.of("GD", Sgd.plain(10), Sgd.plain(10)),
                Arguments.of("heavy ball 0.9", new Sgd(10, Sgd.Config.heavyBall(0.9)), new Sgd(10, Sgd.Config.heavyBall(0.9))),
                Arguments.of("Nesterov 0.9", new Sgd(10, Sgd.Config.nesterov(0.9)), new Sgd(10, Sgd.Config.nesterov(0.9))));
    }

    /**
     * Fact 1 and A2 / §7 step 1: GD, heavy ball and Nesterov are rotation equivariant, so in a Haar basis they follow
     * the unrotated trajectory up to rounding: {@code max_t |theta_rot - theta| <= 1e-12 (1 + |theta|)} over 500 steps
     * of step 0.01 (A2 measured 9.3e-16 for GD).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("equivariantRules")
    void linearRulesFollowTheSameTrajectoryInAnyBasis(String name, DoubleUpdateRule plain, DoubleUpdateRule inner) {
        var rotated = new RotatedBasis(DenseRotation.haar(10, rng(1)), inner);
        double[][] a = run(plain, 500, 0.01);
        double[][] b = run(rotated, 500, 0.01);
        for (int t = 0; t <= 500; t++) {
            double norm = 0;
            double diff = 0;
            for (int i = 0; i < 10; i++) {
                norm += a[t][i] * a[t][i];
                diff += (a[t][i] - b[t][i]) * (a[t][i] - b[t][i]);
            }
            assertThat(Math.sqrt(diff)).as("step %d", t).isLessThan(1e-12 * (1 + Math.sqrt(norm)));
        }
    }

    /**
     * A3: H = diag(1, 100), x_0 = (1, 1), Q the rotation by 45 degrees, alpha = 0.1. Adam's first step is sign
     * descent in its basis: in the rotated basis y_1 = Q x_0 - 0.1 sign(Q H x_0) = (0.1, sqrt 2 - 0.1), while the
     * unrotated run gives x_1 = (0.9, 0.9), so Q x_1 = (0, 1.2727922): non-equivariant by 0.1082392 after one step.
     */
    @Test
    void adamsFirstStepInARotatedBasisIsSignDescentThere() {
        double c = Math.sqrt(0.5);
        var q = DenseRotation.of(new double[] {c, -c, c, c});
        var rotated = new RotatedBasis(q, Adam.withDefaults(2));
        double[] theta = {1, 1};
        rotated.step(theta, new double[] {1, 100}, 0.1);
        double[] y = new double[2];
        q.rotate(theta, y);
        assertThat(y[0]).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(y[1]).isCloseTo(1.3142136, org.assertj.core.data.Offset.offset(1e-7));
        double[] plain = {1, 1};
        Adam.withDefaults(2).step(plain, new double[] {1, 100}, 0.1);
        assertThat(plain).containsExactly(new double[] {0.9, 0.9}, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(Math.hypot(theta[0] - plain[0], theta[1] - plain[1])).isCloseTo(0.1082392,
                org.assertj.core.data.Offset.offset(1e-7));
    }

    /**
     * Fact 3 and A4: Adam is equivariant under signed permutations, exactly in floating point when run directly on the
     * permuted problem. Through the wrapper the update is carried as a difference y' - y, which is exact (Sterbenz)
     * whenever the step is below the coordinate, so the trajectories agree bitwise until the coordinates become smaller
     * than the steps and then to a rounding of the step: at most 1e-15 over 500 steps of alpha = 1e-2.
     */
    @Test
    void adamIsEquivariantUnderSignedPermutations() {
        var s = SignedPermutation.random(10, rng(2));
        double[][] a = run(Adam.withDefaults(10), 500, 1e-2);
        double[][] b = run(new RotatedBasis(s, Adam.withDefaults(10)), 500, 1e-2);
        double worst = 0;
        for (int t = 0; t <= 500; t++) {
            for (int i = 0; i < 10; i++) {
                worst = Math.max(worst, Math.abs(a[t][i] - b[t][i]));
            }
        }
        assertThat(worst).isLessThan(1e-15);
    }

    @Test
    void theRuleMustHaveTheRotationsDimension() {
        assertThatThrownBy(() -> new RotatedBasis(Rotation.identity(3), Adam.withDefaults(4)))
                .hasMessageContaining("dimension 4").hasMessageContaining("rotation 3");
        var r = new RotatedBasis(Rotation.identity(3), Adam.withDefaults(3));
        assertThatThrownBy(() -> r.step(new double[3], new double[2], 0.1)).hasMessageContaining("length 3");
    }

    /**
     * The README's rotated-basis example (between the markers): E1 of adam-rotation.md. In the axis-aligned basis Adam
     * reaches L(300) = 4.1e-6; in a Haar basis it is slower than GD, above 0.1 (the spec's minimum over 20 rotations
     * is 0.561; this seed's rotation is one of them in law).
     */
    @Test
    void adamSlowsDownInARandomlyRotatedBasis() {
        // README-ROTATION-BEGIN
        // L(x) = 1/2 sum_i lambda_i x_i^2, lambda_i from 1 to 100 (adam-rotation.md E1)
        int n = 10;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.pow(10, 2.0 * i / (n - 1));
        }
        RandomGenerator rng = new RandomStreams(42).general(0);
        var rotated = new RotatedBasis(Rotation.haarBlocks(n, 768, rng), Adam.withDefaults(n));
        var axisAligned = Adam.withDefaults(n);

        double[] x = new double[n];
        double[] y = new double[n];
        java.util.Arrays.fill(x, 1.0);
        java.util.Arrays.fill(y, 1.0);
        double[] g = new double[n];
        for (int t = 0; t < 300; t++) {
            for (int i = 0; i < n; i++) {
                g[i] = lambda[i] * x[i];
            }
            axisAligned.step(x, g, 1e-2);
            for (int i = 0; i < n; i++) {
                g[i] = lambda[i] * y[i];
            }
            rotated.step(y, g, 1e-2);
        }
        double lossAxisAligned = 0;
        double lossRotated = 0;
        for (int i = 0; i < n; i++) {
            lossAxisAligned += 0.5 * lambda[i] * x[i] * x[i];
            lossRotated += 0.5 * lambda[i] * y[i] * y[i];
        }
        assertThat(lossAxisAligned).isLessThan(1e-5);   // from L(x0) = 124.09
        assertThat(lossRotated).isGreaterThan(0.1);
        // README-ROTATION-END
        assertThat(lossAxisAligned).isCloseTo(4.143e-6, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    void readmeShowsExactlyTheRotatedBasisExample() throws IOException {
        String code = Files.readString(Path.of("src/test/java/org/optdyn/engine/rotation/RotatedBasisTest.java"));
        String block = code.substring(code.indexOf("// README-ROTATION-BEGIN\n") + "// README-ROTATION-BEGIN\n".length(),
                code.indexOf("        // README-ROTATION-END"));
        StringBuilder dedented = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            dedented.append(line.startsWith("        ") ? line.substring(8) : line).append('\n');
        }
        String expected = dedented.toString().stripTrailing() + "\n";
        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + expected + "```");
    }
}
