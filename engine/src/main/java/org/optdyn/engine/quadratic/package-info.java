/**
 * Random quadratics and the polynomial (oblivious first-order) methods run on them: gradient descent, heavy ball,
 * Nesterov, Chebyshev, U-Chebyshev, GCM and any other method written as a momentum or Nesterov recurrence with
 * time-varying coefficients (docs/theory/average-case.md, sections 1 and 2). Dense linear algebra goes through the
 * SIMD kernels.
 */
package org.optdyn.engine.quadratic;
