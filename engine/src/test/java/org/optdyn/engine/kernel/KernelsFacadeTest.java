package org.optdyn.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
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

    @Test
    void negativeLengthIsRejectedNamingN() {
        assertThatThrownBy(() -> Kernels.dot(new double[3], 0, new double[3], 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n = -1");
        assertThatThrownBy(() -> Kernels.sumOfSquares(new float[3], 0, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n = -2");
    }

    @Test
    void negativeOffsetIsRejectedNamingTheArrayAndOffset() {
        assertThatThrownBy(() -> Kernels.axpyInPlace(1.0, new double[3], 0, new double[3], -1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y: offset = -1");
        assertThatThrownBy(() -> Kernels.scaleInPlace(1.0f, new float[3], -4, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x: offset = -4");
    }

    @Test
    void offsetPlusLengthOverflowingIntIsRejectedNotWrapped() {
        // off + n overflows int; the check is written as off > length - n so it cannot wrap around.
        assertThatThrownBy(() -> Kernels.dot(new double[3], Integer.MAX_VALUE, new double[3], 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x: range [2147483647");
    }

    @Test
    void xpayOutputOverlappingAnInputIsRejected() {
        double[] a = new double[10];
        assertThatThrownBy(() -> Kernels.xpayInto(a, 0, 2.0, new double[10], 0, a, 3, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out must not alias x");
        float[] b = new float[10];
        assertThatThrownBy(() -> Kernels.xpayInto(new float[10], 0, 2.0f, b, 4, b, 0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out must not alias y");
        // disjoint slices of one array are fine: out = [0,5) , x = [5,10)
        double[] c = {0, 0, 0, 0, 0, 1, 2, 3, 4, 5};
        Kernels.xpayInto(c, 5, 2.0, new double[] {1, 1, 1, 1, 1}, 0, c, 0, 5);
        assertThat(c).startsWith(3, 4, 5, 6, 7);
    }

    @Test
    void axpyOnAShiftedOverlappingSliceIsRejectedButTheIdenticalSliceIsAllowed() {
        double[] a = {1, 2, 3, 4, 5, 6};
        assertThatThrownBy(() -> Kernels.axpyInPlace(1.0, a, 0, a, 1, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y must not alias x");
        Kernels.axpyInPlace(1.0, a, 0, a, 0, 6);
        assertThat(a).containsExactly(2, 4, 6, 8, 10, 12);
    }

    @Test
    void fusedStepsRejectMismatchedSlicesAndBadHyperparameters() {
        double[] x = new double[8];
        assertThatThrownBy(() -> Kernels.momentumStep(x, new double[4], new double[8], 0, 8, 0.1, 0.9, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v: range [0, 0 + 8)")
                .hasMessageContaining("length 4");
        assertThatThrownBy(() -> Kernels.momentumStep(x, new double[8], new double[8], 0, 8, Double.NaN, 0.9, 0,
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lr = NaN");
        assertThatThrownBy(() -> Kernels.adamStep(x, new double[8], new double[8], new double[7], new double[8], 0, 8,
                0.9, 0.999, 0.1, 1, 1e-8, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vMax: range");
        assertThatThrownBy(() -> Kernels.adamStep(x, new double[8], new double[8], null, new double[8], 0, 8,
                1.0, 0.999, 0.1, 1, 1e-8, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beta1 = 1.0");
        assertThatThrownBy(() -> Kernels.adamStep(new float[8], new float[8], new float[8], null, new float[8], 0, 8,
                0.9f, 0.999f, 0.1f, 1, 0f, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eps = 0.0");
        assertThatThrownBy(() -> Kernels.adamStep(x, new double[8], new double[8], null, new double[8], 0, 8,
                0.9, 0.999, Double.POSITIVE_INFINITY, 1, 1e-8, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stepSize = Infinity");
    }

    @Test
    void validCallsThroughTheFacadeComputeTheDocumentedUpdate() {
        // Momentum, heavy ball, one coordinate: g' = 1 + 0*x, v = 0.5*2 + 1 = 2, x = 3 - 0.25*2 = 2.5 (all exact).
        double[] x = {3};
        double[] v = {2};
        Kernels.momentumStep(x, v, new double[] {1}, 0, 1, 0.25, 0.5, 0.0, false);
        assertThat(v[0]).isEqualTo(2.0);
        assertThat(x[0]).isEqualTo(2.5);
        // Adam, first step with bias correction: m = 0.1*g = 0.2 (rounded), v = 0.001*g^2, vhat = g^2 -> x ~ x - lr.
        float[] xf = {1f};
        float[] mf = {0f};
        float[] vf = {0f};
        Kernels.adamStep(xf, mf, vf, null, new float[] {2f}, 0, 1, 0.9f, 0.999f, 0.01f / 0.1f, 1f / 0.001f, 1e-8f,
                0f, 1f);
        // |x - (1 - 0.01)| is a few float ulps of rounding in m, v and the division (each < 2^-23 relative).
        assertThat((double) xf[0]).isCloseTo(0.99, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void segmentFacadeComputesAndRejectsBadSlicesReadOnlyOutputsAndPartialOverlap() {
        MemorySegment x = MemorySegment.ofArray(new double[] {1, 2, 3, 4, 5});
        MemorySegment y = MemorySegment.ofArray(new double[] {1, 1, 1, 1, 1});
        assertThat(Kernels.dotDoubles(x, 1, y, 0, 4)).isEqualTo(14.0);
        assertThat(Kernels.dotFloats(MemorySegment.ofArray(new float[] {1, 2}), 0,
                MemorySegment.ofArray(new float[] {3, 4}), 0, 2)).isEqualTo(11.0f);
        assertThatThrownBy(() -> Kernels.dotDoubles(x, 2, y, 0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x: range [2, 2 + 4) is outside a segment of 5 elements");
        assertThatThrownBy(() -> Kernels.axpyDoublesInPlace(1.0, x, 0, y.asReadOnly(), 0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y is a read-only segment");
        assertThatThrownBy(() -> Kernels.axpyDoublesInPlace(1.0, x, 0, x, 1, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not partially overlap");
        // the identical slice is allowed: y = fma(a, y, y) elementwise, here y = 2y
        Kernels.axpyDoublesInPlace(1.0, x, 0, x, 0, 5);
        assertThat(x.toArray(java.lang.foreign.ValueLayout.JAVA_DOUBLE)).containsExactly(2, 4, 6, 8, 10);
    }
}
