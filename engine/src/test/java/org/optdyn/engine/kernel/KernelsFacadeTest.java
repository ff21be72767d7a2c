package org.optdyn.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelsFacadeTest {

    @Test
    void dotOfKnownVectorsIsExact() {
        // 1*4 + 2*5 + 3*6 = 32, exactly representable: every implementation must return it exactly.
        assertThat(Kernels.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6})).isEqualTo(32.0);
        assertThat(Kernels.dot(new float[] {1, 2, 3}, new float[] {4, 5, 6})).isEqualTo(32.0f);
    }

    @Test
    void mismatchedLengthsAreRejectedWithBothLengthsNamed() {
        assertThatThrownBy(() -> Kernels.dot(new double[3], new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.length = 3").hasMessageContaining("y.length = 4");
    }

    @Test
    void outOfRangeSliceIsRejected() {
        assertThatThrownBy(() -> Kernels.dot(new double[3], 2, new double[3], 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x: range [2, 2 + 2)");
    }
}
