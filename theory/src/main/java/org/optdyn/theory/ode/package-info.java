/** Deterministic ODE equivalents of streaming SGD with fixed and adaptive learning rates (docs/theory/sgd-ode.md). */
package org.optdyn.theory.ode;
