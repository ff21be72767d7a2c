/**
 * The issue-12 suite: streaming SGD on diagonal linear networks (engine.dln) against what diagonal-networks.md
 * derives for it: the noise-driven balancing of the imbalance and the {@code d^-1/2} fluctuations of single runs.
 */
package org.optdyn.verification.dln;
