package org.optdyn.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Which implementation the provider chooses (style.md rules 1 and 8). The engine suite runs twice: by default the
 * Vector API kernels must be active (the test JVM has {@code --add-modules jdk.incubator.vector}); in the pass with
 * {@code -Doptdyn.simd=false} the scalar twins must be. A child JVM without the vector module checks the fallback.
 */
class KernelsProviderTest {

    private static boolean scalarRequested() {
        return "false".equalsIgnoreCase(System.getProperty(Kernels.SIMD_PROPERTY, "true").strip());
    }

    @Test
    void vectorKernelsAreActiveUnlessTheScalarTwinsAreRequested() {
        if (scalarRequested()) {
            assertThat(Kernels.simdActive()).isFalse();
            assertThat(Kernels.doubles()).isSameAs(ScalarDoubleKernels.INSTANCE);
            assertThat(Kernels.floats()).isSameAs(ScalarFloatKernels.INSTANCE);
            assertThat(Kernels.describe()).isEqualTo("scalar");
        } else {
            assertThat(Kernels.simdActive()).isTrue();
            assertThat(Kernels.doubles()).isSameAs(VectorDoubleKernels.INSTANCE);
            assertThat(Kernels.floats()).isSameAs(VectorFloatKernels.INSTANCE);
            assertThat(Kernels.describe()).startsWith("Vector API, " + VectorShapes.SHAPE.vectorBitSize() + "-bit");
        }
    }

    @Test
    void theVectorKernelsAreReachableForComparisonEvenWhenScalarIsActive() {
        assertThat(Kernels.vectorDoubles()).isSameAs(VectorDoubleKernels.INSTANCE);
        assertThat(Kernels.vectorFloats()).isSameAs(VectorFloatKernels.INSTANCE);
    }

    @Test
    void speciesMatchTheShapeAndTheDoubleFloatLaneRatio() {
        String forced = System.getProperty(VectorShapes.SHAPE_PROPERTY);
        int bits = forced == null ? jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize()
                : Integer.parseInt(forced.strip());
        assertThat(VectorShapes.DOUBLE_SPECIES.vectorBitSize()).isEqualTo(bits);
        assertThat(VectorShapes.FLOAT_SPECIES.length()).isEqualTo(2 * VectorShapes.DOUBLE_SPECIES.length());
    }

    @Test
    void withoutTheVectorModuleTheProviderFallsBackToScalarAndSaysWhichFlagToAdd()
            throws IOException, InterruptedException {
        // The same class path, but no --add-modules jdk.incubator.vector: Kernels must not touch the vector classes.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ProviderProbe.class.getName()));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("active=scalar dot=32.0").contains("vectorDoubles=unavailable")
                .contains("using the scalar kernels because module jdk.incubator.vector is not in the boot layer")
                .contains("--add-modules jdk.incubator.vector");
        // one log line: the reason appears exactly once
        assertThat(output.split("using the scalar kernels", -1)).hasSize(2);
    }

    /** Main class of the child JVM: runs a kernel through the facade and prints which provider answered. */
    static final class ProviderProbe {
        private ProviderProbe() {
        }

        public static void main(String[] args) {
            double d = Kernels.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6});
            System.out.println("active=" + Kernels.describe() + " dot=" + d);
            try {
                Kernels.vectorDoubles();
                System.out.println("vectorDoubles=available");
            } catch (UnsupportedOperationException e) {
                System.out.println("vectorDoubles=unavailable: " + e.getMessage());
            }
        }
    }
}
