package org.optdyn.engine.stream;

/**
 * The numbers in the text forms of {@link LearningRateRule#parse} and {@link TimeGrid#parse} (and of the command
 * line's flags), in {@link Double#parseDouble} syntax, with one-line messages that name the part being parsed.
 */
public final class SpecNumbers {

    private SpecNumbers() {
    }

    /**
     * @param what the part being parsed, for the message
     * @return the single number in {@code s} (surrounding blanks ignored)
     * @throws IllegalArgumentException "WHAT: a number is missing" or "WHAT: not a number: 'S'"
     */
    public static double one(String what, String s) {
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + ": a number is missing");
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number: '" + s.strip() + "'");
        }
    }

    /**
     * @param what the part being parsed, for the message (value {@code i} is named "WHAT value #i")
     * @return the comma-separated numbers in {@code s}; an empty entry is an error
     */
    public static double[] list(String what, String s) {
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + ": numbers are missing (comma-separated)");
        }
        var parts = s.split(",", -1);
        var v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = one(what + " value #" + (i + 1), parts[i]);
        }
        return v;
    }
}
