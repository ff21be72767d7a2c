package org.optdyn.verification.experiment;

import java.util.Objects;

/**
 * How often a {@link Check} fails although the claim it checks is true: its false-failure probability, with the
 * argument that bounds it. An oracle is only as honest as this number: a Monte-Carlo check states the distribution
 * of its statistic (Normal for a known scale, Student-t for a handful of runs) and the quantile it uses; a check of
 * a deterministic computation states its exact or rounding/integrator bound, and its probability is zero.
 */
public sealed interface FalseFailure {

    /** @return an upper bound on the probability that the check fails when the claim holds, in [0, 1) */
    double probability();

    /** @return the argument behind {@link #probability()}: the distribution and quantile, or the exact bound */
    String basis();

    /** @return whether this is a deterministic bound (probability zero) */
    default boolean deterministic() {
        return this instanceof Deterministic;
    }

    /**
     * A deterministic comparison: an exact identity, a rounding bound or an integrator error bound; never fails
     * when the claim and the bound hold.
     *
     * @param basis the bound, e.g. "rounding: 1e-8 relative, error coordinates"
     */
    record Deterministic(String basis) implements FalseFailure {
        public Deterministic {
            requireText(basis);
        }

        @Override
        public double probability() {
            return 0;
        }
    }

    /**
     * A statistical comparison whose false-failure probability is bounded by {@code probability}.
     *
     * @param probability the bound, in (0, 1)
     * @param basis       the distribution and quantile, e.g. "Student-t(7), two-sided 1e-3 per point, Sidak over 25"
     */
    record Statistical(double probability, String basis) implements FalseFailure {
        public Statistical {
            if (!(probability > 0 && probability < 1)) {
                throw new IllegalArgumentException("probability must be in (0, 1), got " + probability);
            }
            requireText(basis);
        }
    }

    /** @return a deterministic bound with the given basis */
    static FalseFailure deterministic(String basis) {
        return new Deterministic(basis);
    }

    /** @return a statistical bound {@code probability} with the given basis */
    static FalseFailure probability(double probability, String basis) {
        return new Statistical(probability, basis);
    }

    /**
     * The union (Bonferroni) bound of a family: the sum of the members' probabilities, capped at 1.
     *
     * @param members the checks' false-failure probabilities
     * @return the family-wise false-failure probability bound
     */
    static double unionBound(Iterable<FalseFailure> members) {
        double sum = 0;
        for (FalseFailure f : members) {
            sum += f.probability();
        }
        return Math.min(1, sum);
    }

    private static void requireText(String basis) {
        Objects.requireNonNull(basis, "basis");
        if (basis.isBlank()) {
            throw new IllegalArgumentException("basis must say where the bound comes from, got a blank string");
        }
    }
}
