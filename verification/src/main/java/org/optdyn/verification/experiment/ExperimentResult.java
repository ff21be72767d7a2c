package org.optdyn.verification.experiment;

import java.util.List;
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
 */
public record ExperimentResult(String name, List<Check> checks, List<Figure> figures,
                               SequencedMap<String, String> parameters, String notes) {

    public ExperimentResult {
        checks = List.copyOf(checks);
        figures = List.copyOf(figures);
        parameters = java.util.Collections.unmodifiableSequencedMap(new LinkedHashMap<>(parameters));
        notes = notes == null ? "" : notes;
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
