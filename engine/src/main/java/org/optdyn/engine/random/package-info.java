/**
 * Fast reproducible Gaussian generation from split, seeded streams. {@link org.optdyn.engine.random.RandomStreams}
 * derives every stream of an experiment from one master seed (random access: a stream's values do not depend on
 * which other streams exist); {@link org.optdyn.engine.random.GaussianStream} delivers standard normals in bulk
 * from the SIMD Box–Muller kernel {@link org.optdyn.engine.kernel.GaussianKernels} (about 1.3–1.9 ns per normal
 * with AVX2, bitwise identical to its scalar twin).
 */
package org.optdyn.engine.random;
