package org.optdyn.engine.kernel;

import java.lang.foreign.MemorySegment;
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

    /** Name of the incubator module that holds the Vector API. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final DoubleKernels DOUBLES;
    private static final FloatKernels FLOATS;
    private static final GaussianKernels GAUSSIANS;

    static {
        DoubleKernels d = ScalarDoubleKernels.INSTANCE;
        FloatKernels f = ScalarFloatKernels.INSTANCE;
        GaussianKernels g = ScalarGaussianKernels.INSTANCE;
        String whyScalar;
        if ("false".equalsIgnoreCase(System.getProperty(SIMD_PROPERTY, "true").strip())) {
            whyScalar = "-D" + SIMD_PROPERTY + "=false is set; remove it to use the Vector API kernels";
        } else if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            // Probe before touching any class that links against jdk.incubator.vector: on the class path the
            // module is only resolved with --add-modules, and loading VectorDoubleKernels without it would fail.
            whyScalar = "module " + VECTOR_MODULE + " is not in the boot layer; start the JVM with --add-modules "
                    + VECTOR_MODULE + " to use the Vector API kernels (or -D" + SIMD_PROPERTY
                    + "=false to choose the scalar ones explicitly)";
        } else {
            try {
                d = VectorProvider.doubles();
                f = VectorProvider.floats();
                g = VectorProvider.gaussians();
                whyScalar = null;
            } catch (LinkageError | RuntimeException e) {
                // e.g. an invalid test-only shape property, or a JVM whose vector module cannot be linked
                d = ScalarDoubleKernels.INSTANCE;
                f = ScalarFloatKernels.INSTANCE;
                g = ScalarGaussianKernels.INSTANCE;
                whyScalar = "the Vector API kernels failed to initialize (" + e + "); -D" + SIMD_PROPERTY
                        + "=false chooses the scalar ones explicitly";
            }
        }
        if (whyScalar != null) {
            LOG.info("optdyn: using the scalar kernels because " + whyScalar);
        }
        DOUBLES = d;
        FLOATS = f;
        GAUSSIANS = g;
    }

    /**
     * The only code path from {@link Kernels} to classes that link against {@code jdk.incubator.vector}; kept in its
     * own nested class so that none of them is loaded unless the probe above found the module.
     */
    private static final class VectorProvider {
        static DoubleKernels doubles() {
            return VectorDoubleKernels.INSTANCE;
        }

        static FloatKernels floats() {
            return VectorFloatKernels.INSTANCE;
        }

        static GaussianKernels gaussians() {
            // The warm-up wrapper serves the bitwise-identical scalar twin until the vector kernel runs compiled.
            return new WarmingGaussianKernels(VectorGaussianKernels.create());
        }

        static String describe() {
            return "Vector API, " + VectorShapes.SHAPE.vectorBitSize() + "-bit (" + VectorShapes.DOUBLE_SPECIES.length()
                    + " doubles, " + VectorShapes.FLOAT_SPECIES.length() + " floats)";
        }
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

    /** @return the Gaussian generator kernels chosen for this process (same rule as {@link #doubles()}). */
    public static GaussianKernels gaussians() {
        return GAUSSIANS;
    }

    /**
     * The Vector API double kernels whatever {@code -Doptdyn.simd} says, for benchmarks and tests that compare them
     * with {@link ScalarDoubleKernels#INSTANCE}. Application code should use {@link #doubles()}.
     *
     * @throws UnsupportedOperationException if the {@code jdk.incubator.vector} module is not in the boot layer
     */
    public static DoubleKernels vectorDoubles() {
        requireVectorModule();
        return VectorProvider.doubles();
    }

    /**
     * The Vector API float kernels whatever {@code -Doptdyn.simd} says (see {@link #vectorDoubles()}).
     *
     * @throws UnsupportedOperationException if the {@code jdk.incubator.vector} module is not in the boot layer
     */
    public static FloatKernels vectorFloats() {
        requireVectorModule();
        return VectorProvider.floats();
    }

    private static void requireVectorModule() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            throw new UnsupportedOperationException("module " + VECTOR_MODULE
                    + " is not in the boot layer; start the JVM with --add-modules " + VECTOR_MODULE);
        }
    }

    /** @return whether the Vector API implementations are in use. */
    public static boolean simdActive() {
        return !(DOUBLES instanceof ScalarDoubleKernels);
    }

    /**
     * @return a one-line description of the active kernels, e.g. {@code "Vector API, 256-bit (4 doubles, 8 floats)"}
     *         or {@code "scalar"}.
     */
    public static String describe() {
        return simdActive() ? VectorProvider.describe() : "scalar";
    }

    /**
     * Checks that {@code [off, off+n)} lies in an array of length {@code length}.
     *
     * @throws IllegalArgumentException naming {@code name}, the offset, the length and the array length
     */
    public static void checkRange(String name, int length, int off, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " must be >= 0 (slice of " + name + ")");
        }
        if (off < 0) {
            throw new IllegalArgumentException(name + ": offset = " + off + " must be >= 0");
        }
        if (off > length - n) {
            throw new IllegalArgumentException(name + ": range [" + off + ", " + off + " + " + n
                    + ") is outside an array of length " + length);
        }
    }

    /** @throws IllegalArgumentException naming the argument if {@code value} is NaN or infinite */
    public static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be finite");
        }
    }

    /** @throws IllegalArgumentException if {@code out} is the same array as {@code in} with overlapping ranges */
    private static void requireNoOverlap(String outName, Object out, int outOff, String inName, Object in, int inOff,
                                         int n) {
        if (out == in && n > 0 && outOff < inOff + n && inOff < outOff + n) {
            throw new IllegalArgumentException(outName + " must not alias " + inName + ": ranges [" + outOff + ", "
                    + (outOff + n) + ") and [" + inOff + ", " + (inOff + n) + ") of the same array overlap");
        }
    }

    private static void checkSameRange(int off, int n, String n1, int l1, String n2, int l2, String n3, int l3) {
        checkRange(n1, l1, off, n);
        checkRange(n2, l2, off, n);
        checkRange(n3, l3, off, n);
    }

    // ---------------------------------------------------------------- reductions

    /** Validated {@link DoubleKernels#dot}. */
    public static double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, xOff, n);
        checkRange("y", Objects.requireNonNull(y, "y").length, yOff, n);
        return DOUBLES.dot(x, xOff, y, yOff, n);
    }

    /** Validated {@link FloatKernels#dot}. */
    public static float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, xOff, n);
        checkRange("y", Objects.requireNonNull(y, "y").length, yOff, n);
        return FLOATS.dot(x, xOff, y, yOff, n);
    }

    /** Validated {@link DoubleKernels#dot} over whole arrays of equal length. */
    public static double dot(double[] x, double[] y) {
        requireSameLength("x", Objects.requireNonNull(x, "x").length, "y", Objects.requireNonNull(y, "y").length);
        return DOUBLES.dot(x, 0, y, 0, x.length);
    }

    /** Validated {@link FloatKernels#dot} over whole arrays of equal length. */
    public static float dot(float[] x, float[] y) {
        requireSameLength("x", Objects.requireNonNull(x, "x").length, "y", Objects.requireNonNull(y, "y").length);
        return FLOATS.dot(x, 0, y, 0, x.length);
    }

    /** Validated {@link DoubleKernels#sumOfSquares}. */
    public static double sumOfSquares(double[] x, int off, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, off, n);
        return DOUBLES.sumOfSquares(x, off, n);
    }

    /** Validated {@link FloatKernels#sumOfSquares}. */
    public static float sumOfSquares(float[] x, int off, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, off, n);
        return FLOATS.sumOfSquares(x, off, n);
    }

    /** @return the Euclidean norm {@code sqrt(sum x_i^2)} of the whole array. */
    public static double norm(double[] x) {
        return Math.sqrt(DOUBLES.sumOfSquares(Objects.requireNonNull(x, "x"), 0, x.length));
    }

    /** @return the Euclidean norm of the whole array, accumulated in float. */
    public static float norm(float[] x) {
        return (float) Math.sqrt(FLOATS.sumOfSquares(Objects.requireNonNull(x, "x"), 0, x.length));
    }

    // ---------------------------------------------------------------- elementwise

    /** {@code y += a x} over whole arrays of equal length ({@code y} read and written). */
    public static void axpyInPlace(double a, double[] x, double[] y) {
        requireSameLength("x", Objects.requireNonNull(x, "x").length, "y", Objects.requireNonNull(y, "y").length);
        DOUBLES.axpyInPlace(a, x, 0, y, 0, x.length);
    }

    /** {@code y += a x} over whole arrays of equal length ({@code y} read and written). */
    public static void axpyInPlace(float a, float[] x, float[] y) {
        requireSameLength("x", Objects.requireNonNull(x, "x").length, "y", Objects.requireNonNull(y, "y").length);
        FLOATS.axpyInPlace(a, x, 0, y, 0, x.length);
    }

    /**
     * Validated {@link DoubleKernels#axpyInPlace} ({@code y} read and written; it may be the very slice {@code x} but
     * not a shifted, overlapping slice of the same array, whose result would depend on the vector width).
     */
    public static void axpyInPlace(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, xOff, n);
        checkRange("y", Objects.requireNonNull(y, "y").length, yOff, n);
        if (xOff != yOff) { // the identical slice is fine (y = fma(a, y, y) lane by lane); a shifted one is not
            requireNoOverlap("y", y, yOff, "x", x, xOff, n);
        }
        DOUBLES.axpyInPlace(a, x, xOff, y, yOff, n);
    }

    /** Validated {@link FloatKernels#axpyInPlace} ({@code y} read and written). */
    public static void axpyInPlace(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, xOff, n);
        checkRange("y", Objects.requireNonNull(y, "y").length, yOff, n);
        if (xOff != yOff) { // the identical slice is fine (y = fma(a, y, y) lane by lane); a shifted one is not
            requireNoOverlap("y", y, yOff, "x", x, xOff, n);
        }
        FLOATS.axpyInPlace(a, x, xOff, y, yOff, n);
    }

    /** Validated {@link DoubleKernels#scaleInPlace} ({@code x} read and written). */
    public static void scaleInPlace(double a, double[] x, int off, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, off, n);
        DOUBLES.scaleInPlace(a, x, off, n);
    }

    /** Validated {@link FloatKernels#scaleInPlace} ({@code x} read and written). */
    public static void scaleInPlace(float a, float[] x, int off, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, off, n);
        FLOATS.scaleInPlace(a, x, off, n);
    }

    /**
     * Validated {@link DoubleKernels#xpayInto}: {@code out = x + a y} ({@code out} written; it may not overlap
     * {@code x} or {@code y}).
     */
    public static void xpayInto(double[] x, int xOff, double a, double[] y, int yOff, double[] out, int outOff,
                                int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, xOff, n);
        checkRange("y", Objects.requireNonNull(y, "y").length, yOff, n);
        checkRange("out", Objects.requireNonNull(out, "out").length, outOff, n);
        requireNoOverlap("out", out, outOff, "x", x, xOff, n);
        requireNoOverlap("out", out, outOff, "y", y, yOff, n);
        DOUBLES.xpayInto(x, xOff, a, y, yOff, out, outOff, n);
    }

    /**
     * Validated {@link FloatKernels#xpayInto}: {@code out = x + a y} ({@code out} written; it may not overlap
     * {@code x} or {@code y}).
     */
    public static void xpayInto(float[] x, int xOff, float a, float[] y, int yOff, float[] out, int outOff, int n) {
        checkRange("x", Objects.requireNonNull(x, "x").length, xOff, n);
        checkRange("y", Objects.requireNonNull(y, "y").length, yOff, n);
        checkRange("out", Objects.requireNonNull(out, "out").length, outOff, n);
        requireNoOverlap("out", out, outOff, "x", x, xOff, n);
        requireNoOverlap("out", out, outOff, "y", y, yOff, n);
        FLOATS.xpayInto(x, xOff, a, y, yOff, out, outOff, n);
    }

    // ---------------------------------------------------------------- memory segments

    /**
     * Checks that elements {@code [off, off+n)} of {@code elementBytes} bytes each lie inside {@code segment}.
     *
     * @throws IllegalArgumentException naming the argument, the offset, {@code n} and the segment's size
     */
    public static void checkRange(String name, MemorySegment segment, long off, long n, int elementBytes) {
        Objects.requireNonNull(segment, name);
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " must be >= 0 (slice of " + name + ")");
        }
        if (off < 0) {
            throw new IllegalArgumentException(name + ": offset = " + off + " must be >= 0");
        }
        long elements = segment.byteSize() / elementBytes;
        if (off > elements - n) {
            throw new IllegalArgumentException(name + ": range [" + off + ", " + off + " + " + n
                    + ") is outside a segment of " + elements + " elements (" + segment.byteSize() + " bytes)");
        }
    }

    private static void checkAxpySegments(MemorySegment x, long xOff, MemorySegment y, long yOff, long n, int bytes) {
        checkRange("x", x, xOff, n, bytes);
        checkRange("y", y, yOff, n, bytes);
        if (y.isReadOnly()) {
            throw new IllegalArgumentException("y is a read-only segment but axpyInPlace writes it");
        }
        MemorySegment xs = x.asSlice(xOff * bytes, n * bytes);
        MemorySegment ys = y.asSlice(yOff * bytes, n * bytes);
        if (n > 0 && !xs.equals(ys) && xs.asOverlappingSlice(ys).isPresent()) {
            throw new IllegalArgumentException("y must not partially overlap x: [" + yOff + ", " + (yOff + n)
                    + ") of y overlaps [" + xOff + ", " + (xOff + n) + ") of x");
        }
    }

    /** Validated {@link DoubleKernels#dot(MemorySegment, long, MemorySegment, long, long)} (native-order doubles). */
    public static double dotDoubles(MemorySegment x, long xOff, MemorySegment y, long yOff, long n) {
        checkRange("x", x, xOff, n, Double.BYTES);
        checkRange("y", y, yOff, n, Double.BYTES);
        return DOUBLES.dot(x, xOff, y, yOff, n);
    }

    /** Validated {@link FloatKernels#dot(MemorySegment, long, MemorySegment, long, long)} (native-order floats). */
    public static float dotFloats(MemorySegment x, long xOff, MemorySegment y, long yOff, long n) {
        checkRange("x", x, xOff, n, Float.BYTES);
        checkRange("y", y, yOff, n, Float.BYTES);
        return FLOATS.dot(x, xOff, y, yOff, n);
    }

    /**
     * Validated {@link DoubleKernels#axpyInPlace(double, MemorySegment, long, MemorySegment, long, long)}: {@code y}
     * (written) must be writable and may not partially overlap {@code x}.
     */
    public static void axpyDoublesInPlace(double a, MemorySegment x, long xOff, MemorySegment y, long yOff, long n) {
        checkAxpySegments(x, xOff, y, yOff, n, Double.BYTES);
        DOUBLES.axpyInPlace(a, x, xOff, y, yOff, n);
    }

    /** Validated {@link FloatKernels#axpyInPlace(float, MemorySegment, long, MemorySegment, long, long)}. */
    public static void axpyFloatsInPlace(float a, MemorySegment x, long xOff, MemorySegment y, long yOff, long n) {
        checkAxpySegments(x, xOff, y, yOff, n, Float.BYTES);
        FLOATS.axpyInPlace(a, x, xOff, y, yOff, n);
    }

    // ---------------------------------------------------------------- fused optimizer steps

    /**
     * Validated {@link DoubleKernels#momentumStep} over {@code [off, off+n)} of three arrays ({@code x}, {@code v}
     * read and written, {@code g} read); the hyperparameters must be finite.
     */
    public static void momentumStep(double[] x, double[] v, double[] g, int off, int n,
                                    double lr, double mu, double wd, boolean nesterov) {
        checkMomentum(off, n, Objects.requireNonNull(x, "x").length, Objects.requireNonNull(v, "v").length,
                Objects.requireNonNull(g, "g").length, lr, mu, wd);
        DOUBLES.momentumStep(x, v, g, off, n, lr, mu, wd, nesterov);
    }

    /**
     * Validated {@link FloatKernels#momentumStep} over {@code [off, off+n)} of three arrays ({@code x}, {@code v}
     * read and written, {@code g} read); the hyperparameters must be finite.
     */
    public static void momentumStep(float[] x, float[] v, float[] g, int off, int n,
                                    float lr, float mu, float wd, boolean nesterov) {
        checkMomentum(off, n, Objects.requireNonNull(x, "x").length, Objects.requireNonNull(v, "v").length,
                Objects.requireNonNull(g, "g").length, lr, mu, wd);
        FLOATS.momentumStep(x, v, g, off, n, lr, mu, wd, nesterov);
    }

    /**
     * Validated {@link DoubleKernels#adamStep} over {@code [off, off+n)} ({@code vMax} may be {@code null}). Checks
     * {@code beta1, beta2} in {@code [0, 1)}, {@code eps > 0}, {@code invBias2 >= 1} and that every
     * hyperparameter is finite.
     */
    public static void adamStep(double[] x, double[] m, double[] v, double[] vMax, double[] g, int off, int n,
                                double beta1, double beta2, double stepSize, double invBias2, double eps,
                                double l2, double decay) {
        checkAdamRanges(off, n, Objects.requireNonNull(x, "x").length, Objects.requireNonNull(m, "m").length,
                Objects.requireNonNull(v, "v").length, Objects.requireNonNull(g, "g").length,
                vMax == null ? -1 : vMax.length);
        checkAdam(beta1, beta2, stepSize, invBias2, eps, l2, decay);
        DOUBLES.adamStep(x, m, v, vMax, g, off, n, beta1, beta2, stepSize, invBias2, eps, l2, decay);
    }

    /** Validated {@link FloatKernels#adamStep}; same checks as the double version. */
    public static void adamStep(float[] x, float[] m, float[] v, float[] vMax, float[] g, int off, int n,
                                float beta1, float beta2, float stepSize, float invBias2, float eps,
                                float l2, float decay) {
        checkAdamRanges(off, n, Objects.requireNonNull(x, "x").length, Objects.requireNonNull(m, "m").length,
                Objects.requireNonNull(v, "v").length, Objects.requireNonNull(g, "g").length,
                vMax == null ? -1 : vMax.length);
        checkAdam(beta1, beta2, stepSize, invBias2, eps, l2, decay);
        FLOATS.adamStep(x, m, v, vMax, g, off, n, beta1, beta2, stepSize, invBias2, eps, l2, decay);
    }

    /** Range and hyperparameter checks shared by the double and float momentum steps. */
    private static void checkMomentum(int off, int n, int xLength, int vLength, int gLength,
                                      double lr, double mu, double wd) {
        checkSameRange(off, n, "x", xLength, "v", vLength, "g", gLength);
        requireFinite("lr", lr);
        requireFinite("mu", mu);
        requireFinite("wd", wd);
    }

    /** Range checks shared by the double and float Adam steps; {@code vMaxLength < 0} means no AMSGrad buffer. */
    private static void checkAdamRanges(int off, int n, int xLength, int mLength, int vLength, int gLength,
                                        int vMaxLength) {
        checkSameRange(off, n, "x", xLength, "m", mLength, "v", vLength);
        checkRange("g", gLength, off, n);
        if (vMaxLength >= 0) {
            checkRange("vMax", vMaxLength, off, n);
        }
    }

    private static void checkAdam(double beta1, double beta2, double stepSize, double invBias2, double eps,
                                  double l2, double decay) {
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 = " + beta1 + " must be in [0, 1)");
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 = " + beta2 + " must be in [0, 1)");
        }
        requireFinite("stepSize", stepSize);
        if (!(invBias2 >= 1 && invBias2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("invBias2 = " + invBias2 + " must be finite and >= 1");
        }
        if (!(eps > 0 && eps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("eps = " + eps + " must be finite and > 0");
        }
        requireFinite("l2", l2);
        requireFinite("decay", decay);
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
