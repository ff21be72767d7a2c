package org.optdyn.verification.experiment;

import java.util.Objects;

/**
 * One measured quantity against its tolerance.
 *
 * @param metric    what is measured, e.g. "max relative risk gap, d = 2000"
 * @param measured  the measured value
 * @param tolerance the bound it is compared to
 * @param relation  how {@code measured} must relate to {@code tolerance}
 * @param reason    where the tolerance comes from (theory, concentration rate, Monte-Carlo standard error)
 * @param falseFailure how often the check fails although the claim holds, and why (the distribution of the
 *                  statistic and its quantile, or the deterministic bound)
 */
public record Check(String metric, double measured, double tolerance, Relation relation, String reason,
                    FalseFailure falseFailure) {

    /** The required relation between measured value and tolerance. */
    public enum Relation {
        /** {@code measured <= tolerance} (an error or gap). */
        AT_MOST("<="),
        /** {@code measured >= tolerance} (a rate advantage, a detectable effect). */
        AT_LEAST(">=");

        private final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }

        /** @return "&lt;=" or "&gt;=". */
        public String symbol() {
            return symbol;
        }
    }

    public Check {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(falseFailure, "falseFailure");
        if (!Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance of '" + metric + "' must be finite, got " + tolerance
                    + " (a non-finite bound accepts everything or nothing)");
        }
    }

    /** @return a check that {@code measured <= tolerance}, failing falsely with the stated probability. */
    public static Check atMost(String metric, double measured, double tolerance, String reason,
                               FalseFailure falseFailure) {
        return new Check(metric, measured, tolerance, Relation.AT_MOST, reason, falseFailure);
    }

    /** @return a check that {@code measured >= tolerance}, failing falsely with the stated probability. */
    public static Check atLeast(String metric, double measured, double tolerance, String reason,
                                FalseFailure falseFailure) {
        return new Check(metric, measured, tolerance, Relation.AT_LEAST, reason, falseFailure);
    }

    /** @return the measured value over the tolerance (the fraction of the allowance used), NaN if undefined */
    public double usage() {
        return relation == Relation.AT_MOST ? measured / tolerance : tolerance / measured;
    }

    /** @return whether the check holds; NaN measurements never pass. */
    public boolean passed() {
        if (Double.isNaN(measured) || Double.isNaN(tolerance)) {
            return false;
        }
        return relation == Relation.AT_MOST ? measured <= tolerance : measured >= tolerance;
    }
}
