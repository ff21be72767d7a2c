package org.optdyn.verification.cli;

/** Parsing of numbers in flag values, with one-line messages that name the flag part. */
final class Numbers {

    private Numbers() {
    }

    /** @return the single number in {@code s} */
    static double one(String what, String s) {
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + ": a number is missing");
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a number: '" + s.strip() + "'");
        }
    }

    /** @return the comma-separated numbers in {@code s} */
    static double[] list(String what, String s) {
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
