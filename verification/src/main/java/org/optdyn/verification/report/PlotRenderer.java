package org.optdyn.verification.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.Series;

/**
 * Renders a {@link Figure} with XChart to SVG (through XChart's VectorGraphics2D encoder) and PNG.
 *
 * <p>Drawing rules: simulation series are markers only, drawn first and half transparent so that every seed
 * stays visible; series whose names differ only by a seed number ("SGD seed 3, d = 1024") share one colour
 * and one legend entry ("SGD d = 1024 (30 seeds)"). Theory series are solid lines and reference series dashed
 * lines, drawn on top. A figure whose series are all markers is a scatter plot (e.g. eigenvalues in the
 * complex plane). Points that an axis cannot show (non-finite values, or values &le; 0 on a logarithmic
 * axis) are left out of the picture, never out of the CSV, and counted in the returned notes.
 */
final class PlotRenderer {

    static final int WIDTH = 820;
    static final int HEIGHT = 520;

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)
    };
    private static final Pattern SEED = Pattern.compile("(?i)\\s*\\bseed\\s*[#=:]?\\s*\\d+\\b\\s*[,;:]?");

    private PlotRenderer() {
    }

    /**
     * Writes {@code svg} and {@code png} for {@code figure}.
     *
     * @return notes on points that could not be drawn (empty if all were drawn)
     * @throws IOException if a file cannot be written
     */
    static List<String> render(Figure figure, Path svg, Path png) throws IOException {
        var notes = new ArrayList<String>();
        var chart = chart(figure, notes);
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return notes;
    }

    /** The group key of a series: its name without the seed number. */
    static String group(String seriesName) {
        var g = SEED.matcher(seriesName).replaceAll("").strip();
        g = g.replaceAll("^[,;:\\s]+|[,;:\\s]+$", "");
        return g.isEmpty() ? "simulation" : g;
    }

    private static XYChart chart(Figure figure, List<String> notes) {
        // Markers first (below), grouped by the seed-free name; then lines on top.
        var markerGroups = new LinkedHashMap<String, List<Series>>();
        var lines = new ArrayList<Series>();
        for (var s : figure.series()) {
            if (s.kind() == Series.Kind.SIMULATION_MARKERS) {
                markerGroups.computeIfAbsent(group(s.name()), k -> new ArrayList<>()).add(s);
            } else {
                lines.add(s);
            }
        }
        // Legend: below the plot when short, beside it (on a wider chart) when long.
        var labels = new ArrayList<String>();
        markerGroups.forEach((g, members) -> labels.add(members.size() > 1 ? g + " (" + members.size() + " seeds)"
                : members.getFirst().name()));
        lines.forEach(l -> labels.add(l.name()));
        int chars = labels.stream().mapToInt(l -> l.length() + 6).sum();
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        boolean below = labels.size() <= 4 && chars <= 100;
        boolean beside = !below && longest <= 48;
        int width = beside ? WIDTH + 6 * longest + 40 : WIDTH;
        int height = below || beside ? HEIGHT : HEIGHT + 18 * labels.size();

        var chart = new XYChartBuilder().width(width).height(height).title(figure.title())
                .xAxisTitle(figure.xLabel()).yAxisTitle(figure.yLabel()).build();
        var st = chart.getStyler();
        st.setXAxisLogarithmic(figure.logX());
        st.setYAxisLogarithmic(figure.logY());
        // Decade ticks only on log axes, and solid light grid lines: many decades of dashed minor grid lines
        // made SVGs of megabytes (every dash becomes a path segment).
        // (Less than two decades: intermediate ticks too, or the axis would show a single label.)
        st.setXAxisLogarithmicDecadeOnly(decades(figure, true) >= 2);
        st.setYAxisLogarithmicDecadeOnly(decades(figure, false) >= 2);
        st.setPlotGridLinesStroke(new BasicStroke(0.6f));
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setMarkerSize(7);
        st.setAntiAlias(true);
        st.setLegendPosition(beside ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.OutsideS);
        st.setLegendLayout(below ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);

        var usedNames = new HashSet<String>();
        int dropped = 0;
        int g = 0;
        for (var entry : markerGroups.entrySet()) {
            var base = PALETTE[g % PALETTE.length];
            var c = new Color(base.getRed(), base.getGreen(), base.getBlue(), 150);
            var members = entry.getValue();
            boolean legendShown = false;
            for (var s : members) {
                var pts = drawable(s, figure);
                dropped += s.x().length - pts[0].length;
                if (pts[0].length == 0) {
                    continue;
                }
                var label = members.size() > 1 && !legendShown ? labels.get(g) : s.name();
                var xs = chart.addSeries(unique(label, usedNames), pts[0], pts[1]);
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                xs.setMarker(SeriesMarkers.CIRCLE);
                xs.setMarkerColor(c);
                xs.setShowInLegend(!legendShown);
                legendShown = true;
            }
            g++;
        }
        // k lines per marker group (k >= 1, several groups): lines come in blocks of k, block i predicting group i,
        // drawn in that group's colour.
        int groups = markerGroups.size();
        boolean paired = groups > 1 && !lines.isEmpty() && lines.size() % groups == 0;
        int perGroup = paired ? lines.size() / groups : 1;
        int colour = markerGroups.size();
        for (int i = 0; i < lines.size(); i++) {
            var s = lines.get(i);
            boolean theory = s.kind() == Series.Kind.THEORY_LINE;
            var col = paired ? PALETTE[(i / perGroup) % PALETTE.length].darker()
                    : theory && lines.size() == 1 ? Color.BLACK : PALETTE[colour++ % PALETTE.length].darker();
            // A point the axes cannot show lifts the pen: the line is drawn in pieces, never bridged across it.
            var pieces = pieces(s, figure);
            dropped += s.x().length - pieces.stream().mapToInt(q -> q[0].length).sum();
            boolean first = true;
            for (var q : pieces) {
                var xs = chart.addSeries(unique(s.name(), usedNames), q[0], q[1]);
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.NONE);
                xs.setLineColor(col);
                xs.setLineWidth(theory ? 1.8f : 1.5f);
                xs.setLineStyle(theory ? new BasicStroke(1.8f) : SeriesLines.DASH_DASH);
                xs.setShowInLegend(first);
                first = false;
            }
        }
        if (dropped > 0) {
            notes.add(dropped + " point(s) not drawn (non-finite, or <= 0 on a logarithmic axis); the CSV files keep them");
        }
        if (chart.getSeriesMap().isEmpty()) {
            throw new IllegalStateException("figure '" + figure.id() + "' has no drawable point");
        }
        return chart;
    }

    /** @return log10(max/min) of the drawable coordinates on one axis (0 if none) */
    private static double decades(Figure f, boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (var s : f.series()) {
            var x = s.x();
            var y = s.y();
            for (int i = 0; i < x.length; i++) {
                if (drawable(x[i], y[i], f)) {
                    double v = xAxis ? x[i] : y[i];
                    if (v > 0) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return hi > 0 && lo < hi ? Math.log10(hi / lo) : 0;
    }

    /** @return the runs of consecutive drawable points of {@code s}, each as {x, y} */
    static List<double[][]> pieces(Series s, Figure f) {
        var x = s.x();
        var y = s.y();
        var out = new ArrayList<double[][]>();
        int i = 0;
        while (i < x.length) {
            while (i < x.length && !drawable(x[i], y[i], f)) {
                i++;
            }
            int j = i;
            while (j < x.length && drawable(x[j], y[j], f)) {
                j++;
            }
            if (j > i) {
                out.add(new double[][] {java.util.Arrays.copyOfRange(x, i, j), java.util.Arrays.copyOfRange(y, i, j)});
            }
            i = j;
        }
        return out;
    }

    private static boolean drawable(double x, double y, Figure f) {
        return Double.isFinite(x) && Double.isFinite(y) && (!f.logX() || x > 0) && (!f.logY() || y > 0);
    }

    private static String unique(String name, HashSet<String> used) {
        var n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + " [" + i + "]";
        }
        return n;
    }

    /** @return {x, y} restricted to points the axes can show */
    private static double[][] drawable(Series s, Figure f) {
        var x = s.x();
        var y = s.y();
        int n = 0;
        var ox = new double[x.length];
        var oy = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (drawable(x[i], y[i], f)) {
                ox[n] = x[i];
                oy[n] = y[i];
                n++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ox, n), java.util.Arrays.copyOf(oy, n)};
    }
}
