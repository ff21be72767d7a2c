package org.optdyn.verification.experiment;

import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.SequencedMap;
import java.util.LinkedHashMap;

/**
 * What an experiment run produced.
 *
 * @param name       the experiment's name
 * @param checks     the claims checked, each with measured value and tolerance
 * @param figures    the plots (theory as lines, every seed as markers)
 * @param parameters every parameter needed to regenerate the run (sizes, seeds, tolerances), in display order
 * @param notes      free text shown under the experiment in the report (may be empty)
 * @param resolution the smallest error in the prediction that this run detects, in words ("a 1 % error in any
 *                   predicted rate"): under {@link RunConfig#sabotage()} the experiment perturbs its own prediction
 *                   by this much and must fail
 */
public record ExperimentResult(String name, List<Check> checks, List<Figure> figures,
                               SequencedMap<String, String> parameters, String notes, String resolution) {

    public ExperimentResult {
        checks = List.copyOf(checks);
        figures = List.copyOf(figures);
        parameters = java.util.Collections.unmodifiableSequencedMap(new LinkedHashMap<>(parameters));
        notes = notes == null ? "" : notes;
        Objects.requireNonNull(resolution, "resolution");
        if (resolution.isBlank()) {
            throw new IllegalArgumentException("experiment " + name + " must state its resolution: the smallest error "
                    + "in its prediction that it detects");
        }
    }

    /**
     * @return the family-wise false-failure probability of the run: the union bound over its checks (at most 1)
     */
    public double falseFailureProbability() {
        return FalseFailure.unionBound(checks.stream().map(Check::falseFailure).toList());
    }

    /** @return the largest {@link Check#usage()} over the checks (how close the run came to failing), NaN if none */
    public double worstUsage() {
        return checks.stream().mapToDouble(Check::usage).max().orElse(Double.NaN);
    }

    /** @return whether every check passed (an experiment with no checks does not pass). */
    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** @return a builder-friendly empty parameter map that keeps insertion order. */
    public static SequencedMap<String, String> parameterMap() {
        return new LinkedHashMap<>();
    }

    /** Convenience: parameters from alternating key/value pairs. */
    public static SequencedMap<String, String> parameters(Map<String, ?> values) {
        var m = new LinkedHashMap<String, String>();
        values.forEach((k, v) -> m.put(k, String.valueOf(v)));
        return m;
    }
}
