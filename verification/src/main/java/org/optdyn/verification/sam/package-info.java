/**
 * The issue-13 SAM suite: sharpness-aware minimization on closed-form losses against what docs/theory/sam.md
 * derives (§5): the USAM and SAM stability thresholds, SAM's 2-cycle along the top (preconditioned) curvature, and the
 * pothole escape criterion of two-timescale preconditioned SAM. Every run is deterministic (closed-form gradients);
 * the tolerances are bisection widths and rounding bounds.
 */
package org.optdyn.verification.sam;
