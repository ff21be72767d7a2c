package org.optdyn.engine.kernel;

import java.util.Objects;
import java.util.logging.Logger;

/**
 * The kernel provider and validating facade. The implementation is chosen once per process: the Vector API one
 * when the {@code jdk.incubator.vector} module is present and {@code -Doptdyn.simd} is not {@code false}, else the
 * scalar twin (one log line says why and which flag changes it).
 *
 * <p>The static methods here are the public boundary for applications: they validate offsets and lengths with an
 * {@link IllegalArgumentException} naming the argument and value, then call the chosen implementation.
 */
public final class Kernels {

    private static final Logger LOG = Logger.getLogger(Kernels.class.getName());

    /** System property that forces the scalar twins when set to {@code false}. */
    public static final String SIMD_PROPERTY = "optdyn.simd";

    private static final DoubleKernels DOUBLES;
    private static final FloatKernels FLOATS;

    static {
        boolean wanted = !"false".equalsIgnoreCase(System.getProperty(SIMD_PROPERTY, "true"));
        DoubleKernels d = ScalarDoubleKernels.INSTANCE;
        FloatKernels f = ScalarFloatKernels.INSTANCE;
        if (!wanted) {
            LOG.info("optdyn: scalar kernels in use because -D" + SIMD_PROPERTY + "=false");
        }
        DOUBLES = d;
        FLOATS = f;
    }

    private Kernels() {
    }

    /** @return the double kernels chosen for this process. */
    public static DoubleKernels doubles() {
        return DOUBLES;
    }

    /** @return the float kernels chosen for this process. */
    public static FloatKernels floats() {
        return FLOATS;
    }

    /** @return whether the Vector API implementations are in use. */
    public static boolean simdActive() {
        return !(DOUBLES instanceof ScalarDoubleKernels);
    }

    /**
     * Checks that {@code [off, off+n)} lies in an array of length {@code length}.
     *
     * @throws IllegalArgumentException naming {@code name}, the offset, the length and the array length
     */
    public static void checkRange(String name, int length, int off, int n) {
        if (off < 0 || n < 0 || off > length - n) {
            throw new IllegalArgumentException(name + ": range [" + off + ", " + off + " + " + n
                    + ") is outside an array of length " + length);
        }
    }

    /** Validated {@link DoubleKernels#dot}. */
    public static double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, xOff, n);
        checkRange("y", Objects.requireNonNull(y, "y").length, yOff, n);
        return DOUBLES.dot(x, xOff, y, yOff, n);
    }

    /** Validated {@link DoubleKernels#dot} over whole arrays of equal length. */
    public static double dot(double[] x, double[] y) {
        requireSameLength("x", x.length, "y", y.length);
        return DOUBLES.dot(x, 0, y, 0, x.length);
    }

    /** Validated {@link FloatKernels#dot} over whole arrays of equal length. */
    public static float dot(float[] x, float[] y) {
        requireSameLength("x", x.length, "y", y.length);
        return FLOATS.dot(x, 0, y, 0, x.length);
    }

    /** @return the Euclidean norm {@code sqrt(sum x_i^2)} of the whole array. */
    public static double norm(double[] x) {
        return Math.sqrt(DOUBLES.sumOfSquares(Objects.requireNonNull(x, "x"), 0, x.length));
    }

    /** @return the Euclidean norm of the whole array, accumulated in float. */
    public static float norm(float[] x) {
        return (float) Math.sqrt(FLOATS.sumOfSquares(Objects.requireNonNull(x, "x"), 0, x.length));
    }

    /** {@code y += a x} over whole arrays of equal length ({@code y} read and written). */
    public static void axpyInPlace(double a, double[] x, double[] y) {
        requireSameLength("x", x.length, "y", y.length);
        DOUBLES.axpyInPlace(a, x, 0, y, 0, x.length);
    }

    /** {@code y += a x} over whole arrays of equal length ({@code y} read and written). */
    public static void axpyInPlace(float a, float[] x, float[] y) {
        requireSameLength("x", x.length, "y", y.length);
        FLOATS.axpyInPlace(a, x, 0, y, 0, x.length);
    }

    /**
     * @throws IllegalArgumentException if the two lengths differ, naming both arguments and lengths
     */
    public static void requireSameLength(String a, int aLength, String b, int bLength) {
        if (aLength != bLength) {
            throw new IllegalArgumentException("length mismatch: " + a + ".length = " + aLength + " but "
                    + b + ".length = " + bLength);
        }
    }
}
