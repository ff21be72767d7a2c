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
}
