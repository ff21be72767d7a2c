package org.optdyn.verification.experiment;

import java.util.Objects;

/**
 * One curve of a figure. Theory is drawn as a line, simulation as markers (one series per seed, so every seed
 * is visible).
 *
 * @param name  legend label, e.g. "ODE" or "SGD seed 3, d = 2000"
 * @param kind  how to draw it
 * @param x     abscissae (copied on construction)
 * @param y     ordinates, same length as {@code x} (copied on construction)
 */
public record Series(String name, Kind kind, double[] x, double[] y) {

    /** How a series is drawn. */
    public enum Kind { THEORY_LINE, SIMULATION_MARKERS, REFERENCE_DASHED }

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x.length = " + x.length
                    + " but y.length = " + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}
