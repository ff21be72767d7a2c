/**
 * Dense SIMD primitives on {@code double[]} and {@code float[]} (and, for dot and axpy, on {@code MemorySegment}s of
 * off-heap data): reductions (dot, sum of squares), axpy, scale and the fused elementwise updates of the
 * optimizers (SGD-momentum, Adam/AdamW/AMSGrad, the extrapolation {@code x + a y} of extragradient and SAM).
 *
 * <p>Every kernel family is one interface ({@link org.optdyn.engine.kernel.DoubleKernels},
 * {@link org.optdyn.engine.kernel.FloatKernels}) with a scalar twin and a Vector API implementation, chosen once by
 * {@link org.optdyn.engine.kernel.Kernels}: the Vector API one when the {@code jdk.incubator.vector} module is in the
 * boot layer, unless {@code -Doptdyn.simd=false}; otherwise the scalar twin, with one log line saying why and which
 * flag changes it. No {@code jdk.incubator.vector} type leaves this package; all species live in
 * {@code VectorShapes} (test-only {@code -Doptdyn.simd.shape=128|256}).
 *
 * <p>Precision: the double sources are written by hand; {@code FloatKernels}, {@code ScalarFloatKernels} and
 * {@code VectorFloatKernels} (and the float tests) are generated from them at build time by
 * {@code engine/src/build/PrecisionGenerator.java} (generate-sources phase), so the two cannot drift apart.
 *
 * <p>Results: elementwise kernels are bitwise identical between the two implementations (same IEEE operation
 * sequence, lane-wise FMA exactly where the scalar twin calls {@code Math.fma}). Reductions sum in a different order;
 * each is within {@code gamma_n * sum |x_i y_i|} of the exact sum and reproducible for a given provider and vector
 * shape (a 128-bit and a 256-bit run may differ in the last bits). The final lane reduction is pinned to lane order
 * rather than {@code reduceLanes(ADD)}, whose association differs between interpreted and JIT-compiled code, so a
 * result does not depend on whether the kernel was compiled yet.
 */
package org.optdyn.engine.kernel;
