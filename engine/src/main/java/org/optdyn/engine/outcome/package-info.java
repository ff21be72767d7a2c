/**
 * The one outcome vocabulary of every optdyn solver: {@link org.optdyn.engine.outcome.Outcome}, either
 * {@code Completed(result)} or {@code Diverged(step, time, reason, partial)}, generic in the solver's result type.
 */
package org.optdyn.engine.outcome;
