/**
 * Dense SIMD primitives on {@code double[]} and {@code float[]}: reductions (dot, sum of squares), axpy, scale
 * and the fused elementwise updates of the optimizers. Every kernel family is one interface with a scalar twin
 * and a Vector API implementation, chosen once by {@link org.optdyn.engine.kernel.Kernels}; the system property
 * {@code optdyn.simd=false} forces the scalar twins. No {@code jdk.incubator.vector} type leaves this package.
 */
package org.optdyn.engine.kernel;
