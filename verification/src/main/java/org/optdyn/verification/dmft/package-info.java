/**
 * Experiments of the DMFT suite (issue 11): the exact and Monte-Carlo DMFT of {@code theory.dmft} against the
 * finite-d multi-pass ERM simulator of {@code engine.erm}, per dmft.md §7–§8.
 */
package org.optdyn.verification.dmft;
