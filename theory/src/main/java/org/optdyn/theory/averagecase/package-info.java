/** Average-case analysis: residual polynomials, expected errors, asymptotic rates (docs/theory/average-case.md). */
package org.optdyn.theory.averagecase;
