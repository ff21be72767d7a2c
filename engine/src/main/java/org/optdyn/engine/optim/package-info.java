/**
 * Optimizers as small state machines over parameter arrays: update rules that take a gradient (SGD, Adam, AdamW,
 * AdaGrad-Norm), oracle steps that call a gradient oracle more than once (SAM, extragradient, optimistic gradient),
 * and learning-rate schedules.
 */
package org.optdyn.engine.optim;
