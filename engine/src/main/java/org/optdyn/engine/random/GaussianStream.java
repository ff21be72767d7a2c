package org.optdyn.engine.random;

import java.util.Objects;
import org.optdyn.engine.kernel.GaussianKernels;
import org.optdyn.engine.kernel.Kernels;

/**
 * A reproducible sequence of standard normals, generated in bulk by the SIMD {@link GaussianKernels} from
 * {@value GaussianKernels#STREAMS} interleaved xoshiro256+ lanes. The stream is a <em>sequence</em>: the values
 * delivered depend only on the seed and on how many were consumed before, not on how the requests are chunked
 * ({@code fill(out, 0, 5)} then {@code fill(out, 5, 7)} equals {@code fill(out, 0, 12)}), nor on the vector shape
 * or the {@code optdyn.simd} setting (the scalar twin is bitwise identical).
 *
 * <p>Not thread-safe: give each worker its own stream ({@link RandomStreams#gaussian(long)}). Allocation happens
 * only at construction.
 */
public final class GaussianStream {

    private static final int BLOCK = GaussianKernels.BLOCK;

    private final GaussianKernels kernels;
    private final long[] state = new long[GaussianKernels.STATE_LENGTH];
    /** Buffered normals {@code buffer[pos, BLOCK)} not yet delivered. */
    private final double[] buffer = new double[BLOCK];
    private int pos = BLOCK;

    private GaussianStream(GaussianKernels kernels, long seed) {
        this.kernels = kernels;
        // xoshiro state from SplitMix64, as recommended by its authors (never all zero: mix64 is a bijection of a
        // sequence with distinct inputs, and four consecutive zero outputs cannot occur)
        long z = seed;
        for (int i = 0; i < state.length; i++) {
            z += SeedMixer.GOLDEN_GAMMA;
            state[i] = SeedMixer.mix64(z);
        }
    }

    /** @return a stream seeded with {@code seed}, using the process's chosen kernels. */
    public static GaussianStream of(long seed) {
        return new GaussianStream(GaussianKernels.instance(), seed);
    }

    /** @return a stream seeded with {@code seed} that uses the given kernels (tests, benchmarks). */
    public static GaussianStream of(long seed, GaussianKernels kernels) {
        return new GaussianStream(Objects.requireNonNull(kernels, "kernels"), seed);
    }

    /** @return the next standard normal. */
    public double nextGaussian() {
        if (pos == BLOCK) {
            kernels.fillGaussians(state, buffer, 0, 1);
            pos = 0;
        }
        return buffer[pos++];
    }

    /**
     * Writes the next {@code n} standard normals to {@code out[off, off+n)}.
     *
     * @throws IllegalArgumentException if the range lies outside {@code out}
     */
    public void fill(double[] out, int off, int n) {
        Kernels.checkRange("out", Objects.requireNonNull(out, "out").length, off, n);
        fillUnchecked(null, 0, out, off, n);
    }

    /** Fills the whole array with the next {@code out.length} normals. */
    public void fill(double[] out) {
        fill(out, 0, out.length);
    }

    /**
     * Writes {@code scale[i] * z_i} for {@code i < n} to {@code out[i]}, consuming the next {@code n} normals
     * {@code z_i}: a sample of {@code N(0, diag(scale^2))} in one pass.
     *
     * @param scale read, length at least {@code n}
     * @param out   written, length at least {@code n}; may not alias {@code scale}
     */
    public void fillScaled(double[] scale, double[] out, int n) {
        Kernels.checkRange("scale", Objects.requireNonNull(scale, "scale").length, 0, n);
        Kernels.checkRange("out", Objects.requireNonNull(out, "out").length, 0, n);
        if (scale == out) {
            throw new IllegalArgumentException("out must not alias scale");
        }
        fillUnchecked(scale, 0, out, 0, n);
    }

    private void fillUnchecked(double[] scale, int scaleOff, double[] out, int off, int n) {
        int i = 0;
        while (pos < BLOCK && i < n) {           // drain the buffer first (keeps the sequence semantics)
            double z = buffer[pos++];
            out[off + i] = scale == null ? z : z * scale[scaleOff + i];
            i++;
        }
        int blocks = (n - i) / BLOCK;
        if (blocks > 0) {
            if (scale == null) {
                kernels.fillGaussians(state, out, off + i, blocks);
            } else {
                kernels.fillScaledGaussians(state, scale, scaleOff + i, out, off + i, blocks);
            }
            i += blocks * BLOCK;
        }
        if (i < n) {
            kernels.fillGaussians(state, buffer, 0, 1);
            pos = 0;
            while (i < n) {
                double z = buffer[pos++];
                out[off + i] = scale == null ? z : z * scale[scaleOff + i];
                i++;
            }
        }
    }
}
