/** Smooth games: vector fields F(w), their Jacobians, and the solvers that run on the engine. */
package org.optdyn.games;
