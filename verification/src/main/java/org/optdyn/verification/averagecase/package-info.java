/**
 * Average-case experiments (docs/theory/average-case.md): expected error curves against Wishart simulations, edge
 * universality of the rate exponents, and the optimality of the Generalized Chebyshev Method.
 */
package org.optdyn.verification.averagecase;
