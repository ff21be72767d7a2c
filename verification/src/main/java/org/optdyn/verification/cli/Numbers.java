package org.optdyn.verification.cli;

import org.optdyn.engine.stream.SpecNumbers;

/** Parsing of numbers in flag values, with one-line messages that name the flag part ({@link SpecNumbers}). */
final class Numbers {

    private Numbers() {
    }

    /** @return the single number in {@code s} */
    static double one(String what, String s) {
        return SpecNumbers.one(what, s);
    }

    /** @return the comma-separated numbers in {@code s} */
    static double[] list(String what, String s) {
        return SpecNumbers.list(what, s);
    }
}
