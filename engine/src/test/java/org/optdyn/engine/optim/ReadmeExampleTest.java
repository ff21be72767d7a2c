package org.optdyn.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.outcome.Outcome;

/**
 * The README's "Linking the engine" example is the block between the {@code README-BEGIN}/{@code README-END}
 * markers below, and {@link #readmeShowsExactlyThisExample()} checks that README.md contains it verbatim.
 */
class ReadmeExampleTest {

    @Test
    void adamOnAnIllConditionedQuadraticConverges() {
        // README-BEGIN
        // f(w) = 1/2 sum_i h_i w_i^2 with curvatures h_i from 1 to 100
        int n = 1_000;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 1.0 + 99.0 * i / (n - 1);
        }
        GradientOracle gradient = (w, g) -> {
            for (int i = 0; i < n; i++) {
                g[i] = h[i] * w[i];
            }
        };
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);

        var adam = Optimizer.of(Adam.withDefaults(n), LearningRateSchedule.constant(1e-2).withLinearWarmup(10));
        Outcome<Steps> outcome = adam.run(w, gradient, 1_000);

        double loss = 0.0;
        for (int i = 0; i < n; i++) {
            loss += 0.5 * h[i] * w[i] * w[i];
        }
        assertThat(outcome).isEqualTo(new Outcome.Completed<>(new Steps(1_000)));
        assertThat(loss).isLessThan(1e-30);   // from f(w0) = 25 250
        // README-END

        // Why 1e-30: while eps << |g_i|, Adam's update of coordinate i is invariant under g_i -> h_i g_i, so every
        // coordinate follows the same one-dimensional trajectory w_t from w_0 = 1, and f(w_t) = f(w_0) w_t^2. That
        // trajectory reaches w_t^2 ~ 1e-40 at t = 1000 (same run as adam-rotation.md E1, L(1000)/L(0) = 3.3e-42).
        // Check the invariance itself: all coordinates agree to 1e-4 relative.
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : w) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertThat(min).isPositive();
        assertThat((max - min) / max).isLessThan(1e-4);
    }

    @Test
    void readmeShowsExactlyThisExample() throws IOException {
        Path source = Path.of("src/test/java/org/optdyn/engine/optim/ReadmeExampleTest.java");
        Path readme = Path.of("../README.md");
        String code = Files.readString(source);
        String block = code.substring(code.indexOf("// README-BEGIN\n") + "// README-BEGIN\n".length(),
                code.indexOf("        // README-END"));
        StringBuilder dedented = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            dedented.append(line.startsWith("        ") ? line.substring(8) : line).append('\n');
        }
        String expected = dedented.toString().stripTrailing() + "\n";
        assertThat(Files.readString(readme)).contains("```java\n" + expected + "```");
    }
}
