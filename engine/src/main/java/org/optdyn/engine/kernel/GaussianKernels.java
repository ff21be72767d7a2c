package org.optdyn.engine.kernel;

/**
 * Bulk standard-normal generation from {@value #STREAMS} interleaved xoshiro256+ streams, with a Box–Muller
 * transform built only from IEEE lane operations (add, mul, fma, div, sqrt, bit manipulation). Two implementations
 * sit behind this interface: the scalar twin {@link ScalarGaussianKernels} and a Vector API one; they perform the
 * same operation sequence, so their outputs are <b>bitwise identical</b> on every platform and vector shape.
 * {@link #instance()} chooses one per process, following the {@code optdyn.simd} property of {@link Kernels}; the
 * Vector API one is wrapped so that the scalar twin serves requests until the vector code is compiled (the output is
 * the same either way).
 *
 * <h2>Generator state</h2>
 * {@code state} is a {@code long[}{@value #STATE_LENGTH}{@code ]} laid out as four planes of {@value #STREAMS}
 * words: {@code state[w * STREAMS + j]} is word {@code w} of the xoshiro256+ state of stream {@code j}
 * (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021). Each stream
 * advances as {@code r = s0 + s3; t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
 * s3 = rotl(s3, 45)}, and only the upper 52 bits of {@code r} are used (the low bits of xoshiro256+ are weak).
 * The number of streams is fixed at {@value #STREAMS}, independent of the hardware vector length, so the output
 * sequence does not depend on the machine.
 *
 * <h2>Transform (one block = {@value #BLOCK} normals)</h2>
 * Stream {@code j} draws {@code r1}, then {@code r2}, and writes {@code z1 = R cos(theta)} to position {@code j}
 * and {@code z2 = R sin(theta)} to position {@code STREAMS + j} of the block, where
 * <pre>
 *   u1 = 2 - [1 + (r1 >>> 12) 2^-52]                 in (0, 1], exact
 *   R  = sqrt(-2 ln u1)                              ln by exponent split + atanh series (below)
 *   v  = [1 + (r2 >>> 12) 2^-52] - 1.5               in [-1/2, 1/2), exact;  theta = 2 pi v
 *   alpha = (pi/2) v in [-pi/4, pi/4);  (cos, sin)(alpha) by Taylor polynomials; two angle doublings
 * </pre>
 * Logarithm: {@code u1 = m 2^k} with {@code m} in {@code [sqrt(1/2), sqrt(2))} (integer arithmetic on the bits),
 * {@code s = (m-1)/(m+1)}, {@code ln m = 2 atanh s = 2 sum_{i=0}^{9} s^(2i+1)/(2i+1)}; {@code |s| <= 0.1716}, so the
 * truncation error is below {@code 2 |s|^21/21 / (1 - s^2) < 1e-17} absolute. Sine and cosine: Taylor to degree
 * 15 and 16 on {@code |alpha| <= pi/4} (truncation {@code < 5e-17}); each doubling at most doubles the error.
 * Documented accuracy (checked by the tests against {@link StrictMath}): {@code |z - z_exact| <= 1e-13 (1 + |z|)}
 * for every output, where {@code z_exact} is Box–Muller of the same {@code (u1, v)} in {@link StrictMath}; the
 * largest magnitude that can occur is {@code sqrt(2 * 52 ln 2) = 8.49} (the smallest {@code u1} is
 * {@code 2^-52}; {@code P(|Z| > 8.49) = 2e-17}).
 *
 * <p>Contract: callers ({@link org.optdyn.engine.random.GaussianStream}) validate arguments; implementations only
 * {@code assert}.
 */
public interface GaussianKernels {

    /** Number of interleaved xoshiro256+ streams (lanes of the generator). */
    int STREAMS = 8;

    /** Words of generator state: four 64-bit words per stream. */
    int STATE_LENGTH = 4 * STREAMS;

    /** Normals produced per block: two per stream. */
    int BLOCK = 2 * STREAMS;

    /**
     * Writes {@code blocks * BLOCK} standard normals to {@code out[off, off + blocks*BLOCK)} and advances each of
     * the {@value #STREAMS} streams by {@code 2 * blocks} steps.
     *
     * @param state  generator state (read and written), length {@value #STATE_LENGTH}, not all zero per stream
     * @param out    output (written)
     * @param off    first index written
     * @param blocks number of blocks of {@value #BLOCK} normals, {@code >= 0}
     */
    void fillGaussians(long[] state, double[] out, int off, int blocks);

    /**
     * Like {@link #fillGaussians} but writes {@code scale[i] * z_i} ({@code scale} read, indexed like {@code out}
     * from {@code scaleOff}): the sample {@code a = sqrt(lambda) .* z} of a diagonal covariance in one pass.
     */
    void fillScaledGaussians(long[] state, double[] scale, int scaleOff, double[] out, int off, int blocks);

    /** @return the implementation chosen for this process (Vector API unless {@code -Doptdyn.simd=false}). */
    static GaussianKernels instance() {
        return Kernels.gaussians();
    }

    /** @return the Vector API implementation without the warm-up wrapper, or the scalar twin if SIMD is off. */
    static GaussianKernels vectorUnwrapped() {
        return Kernels.gaussians() instanceof WarmingGaussianKernels w ? w.vector() : Kernels.gaussians();
    }

    /** @return the scalar twin (for tests and for comparison benchmarks). */
    static GaussianKernels scalar() {
        return ScalarGaussianKernels.INSTANCE;
    }

    /** @return whether the Vector API implementation is the one {@link #instance()} returns. */
    static boolean simdActive() {
        return !(Kernels.gaussians() instanceof ScalarGaussianKernels);
    }
}
