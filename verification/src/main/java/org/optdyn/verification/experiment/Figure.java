package org.optdyn.verification.experiment;

import java.util.List;
import java.util.Objects;

/**
 * A plot of theory against simulation.
 *
 * @param id     file-name-safe identifier, unique within the experiment (used for the CSV and image names)
 * @param title  plot title
 * @param xLabel x-axis label
 * @param yLabel y-axis label
 * @param logX   logarithmic x axis
 * @param logY   logarithmic y axis
 * @param series the curves
 */
public record Figure(String id, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                     List<Series> series) {

    public Figure {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("figure id must be file-name safe, got '" + id + "'");
        }
        series = List.copyOf(series);
    }

    /**
     * A scaling plot (style.md rule 13): measured values against the resolution parameter (dimension, steps,
     * samples) on log-log axes, each measured group as markers with the predicted power law {@code C x^slope} drawn
     * through it as a line. The constant {@code C} of each group is its least-squares fit with the slope fixed,
     * {@code ln C = mean(ln y - slope ln x)}, so the picture shows whether the points follow the predicted slope,
     * not where the constant lies.
     *
     * @param id             file-name-safe identifier
     * @param title          plot title
     * @param xLabel         the resolution parameter, e.g. "d"
     * @param yLabel         the measured quantity, e.g. "max relative gap"
     * @param predictedSlope the predicted exponent, e.g. -0.5
     * @param slopeLabel     how to name it in the legend, e.g. "d^-1/2"
     * @param measured       one series per group, positive values (read)
     * @return the figure: for each group its markers and its predicted line
     */
    public static Figure scaling(String id, String title, String xLabel, String yLabel, double predictedSlope,
                                 String slopeLabel, List<Series> measured) {
        var series = new java.util.ArrayList<Series>();
        for (Series m : measured) {
            double[] x = m.x();
            double[] y = m.y();
            double logC = 0;
            for (int i = 0; i < x.length; i++) {
                logC += (Math.log(y[i]) - predictedSlope * Math.log(x[i])) / x.length;
            }
            double[] line = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                line[i] = Math.exp(logC + predictedSlope * Math.log(x[i]));
            }
            series.add(new Series(m.name(), Series.Kind.SIMULATION_MARKERS, x, y));
            series.add(new Series(slopeLabel + " through " + m.name(), Series.Kind.THEORY_LINE, x, line));
        }
        return new Figure(id, title, xLabel, yLabel, true, true, series);
    }
}
