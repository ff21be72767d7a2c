package org.optdyn.verification.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.Series;

/**
 * Writes the report of a {@code reproduce} run: {@code index.html}, {@code summary.json}, and per experiment a
 * folder with every figure as SVG and PNG and every curve as CSV ({@code x,y} columns, values written with
 * {@link Double#toString(double)} so they read back exactly).
 *
 * <p>Writing is atomic with respect to the report folder: everything is written into a fresh temporary folder
 * beside the target, which then replaces the target by renames on the same file system. An interrupted run
 * leaves at most a stray {@code .NAME.tmp-*} folder, never a half-written report over a complete one. An
 * existing target is only replaced if it is empty or an optdyn report (it holds {@code summary.json}), so a
 * mistyped {@code --out} cannot delete unrelated files.
 */
public final class ReportWriter {

    /** File names of one rendered figure, relative to the report root. */
    record FigureFiles(Figure figure, String svg, String png, List<String> csv, List<String> notes,
                       String error) {
    }

    private ReportWriter() {
    }

    /**
     * Writes the report for {@code run} to {@code out}, replacing a previous report there.
     *
     * @return the absolute path of the written report folder
     * @throws IOException if the report cannot be written; the previous report, if any, is then left intact
     */
    public static Path write(Path out, RunSummary run) throws IOException {
        var target = out.toAbsolutePath().normalize();
        checkReplaceable(target);
        var parent = target.getParent();
        Files.createDirectories(parent);
        var tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            writeInto(tmp, run);
            replace(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(tmp);
            throw e;
        }
        return target;
    }

    /** Refuses targets that are files or non-empty folders that are not optdyn reports. */
    public static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new NotDirectoryException(target + " exists and is not a directory");
        }
        if (Files.exists(target.resolve("summary.json"))) {
            return;
        }
        try (var entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "is a non-empty directory that is not an optdyn report (no summary.json); not replacing it");
            }
        }
    }

    private static void replace(Path tmp, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(tmp, target);
            return;
        }
        var old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        move(target, old);
        try {
            move(tmp, target);
        } catch (IOException e) {
            move(old, target); // put the previous report back
            throw e;
        }
        deleteRecursively(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (var p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes the complete report into the (empty) folder {@code dir}. */
    static void writeInto(Path dir, RunSummary run) throws IOException {
        // CSV files are written in order; plots are rendered on run.threads() workers (each figure is its own
        // XChart chart and image, so rendering them concurrently shares no state).
        var pool = Executors.newFixedThreadPool(Math.max(1, run.threads()), r -> {
            var t = new Thread(r, "optdyn-plot");
            t.setDaemon(true);
            return t;
        });
        try {
            var pending = new ArrayList<List<Pending>>();
            for (var outcome : run.outcomes()) {
                var name = outcome.info().name();
                if (!name.matches("[A-Za-z0-9._-]+") || name.equals(".") || name.equals("..")) {
                    throw new IllegalArgumentException("experiment name must be a plain file name, got '" + name + "'");
                }
                pending.add(outcome instanceof ExperimentOutcome.Completed c
                        ? writeFigures(dir, c, pool) : List.of());
            }
            var figures = new ArrayList<List<FigureFiles>>();
            for (var list : pending) {
                var done = new ArrayList<FigureFiles>();
                for (var p : list) {
                    done.add(p.await(dir));
                }
                figures.add(done);
            }
            Files.writeString(dir.resolve("summary.json"), Json.write(SummaryJson.of(run, figures)),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("index.html"), HtmlPage.render(run, figures), StandardCharsets.UTF_8);
        } finally {
            pool.close(); // waits for running renders, so a failed write can delete the temporary folder safely
        }
    }

    /** A figure whose CSV files are written and whose plot is being rendered. */
    private record Pending(Figure figure, String svg, String png, List<String> csv, Future<List<String>> render) {

        FigureFiles await(Path root) throws IOException {
            try {
                return new FigureFiles(figure, svg, png, csv, render.get(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while rendering " + svg);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                // A figure that cannot be drawn is reported in the page; its CSV files are still written.
                var error = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
                Files.deleteIfExists(root.resolve(svg));
                Files.deleteIfExists(root.resolve(png));
                return new FigureFiles(figure, null, null, csv, List.of(), error);
            }
        }
    }

    private static List<Pending> writeFigures(Path root, ExperimentOutcome.Completed c, ExecutorService pool)
            throws IOException {
        var name = c.info().name();
        var expDir = Files.createDirectories(root.resolve(name));
        var out = new ArrayList<Pending>();
        var usedFigureIds = new HashSet<String>();
        for (var f : c.result().figures()) {
            var id = f.id();
            for (int i = 2; !usedFigureIds.add(id); i++) {
                id = f.id() + "-" + i;
            }
            var csv = new ArrayList<String>();
            var usedCsv = new HashSet<String>();
            for (var s : f.series()) {
                var file = id + "__" + slug(s.name());
                var candidate = file;
                for (int i = 2; !usedCsv.add(candidate); i++) {
                    candidate = file + "-" + i;
                }
                candidate += ".csv";
                writeCsv(expDir.resolve(candidate), s);
                csv.add(name + "/" + candidate);
            }
            String svg = name + "/" + id + ".svg";
            String png = name + "/" + id + ".png";
            Callable<List<String>> task = () -> PlotRenderer.render(f, root.resolve(svg), root.resolve(png));
            out.add(new Pending(f, svg, png, List.copyOf(csv), pool.submit(task)));
        }
        return out;
    }

    /** Writes one curve as CSV with header {@code x,y}; values round-trip exactly. */
    static void writeCsv(Path file, Series s) throws IOException {
        var x = s.x();
        var y = s.y();
        var sb = new StringBuilder(32 * x.length + 8).append("x,y\n");
        for (int i = 0; i < x.length; i++) {
            sb.append(x[i]).append(',').append(y[i]).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.US_ASCII);
    }

    /** @return a file-name-safe lower-case form of {@code s}, e.g. "SGD seed 3, d = 2000" -> "sgd-seed-3-d-2000" */
    static String slug(String s) {
        var t = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        if (t.length() > 60) {
            t = t.substring(0, 60).replaceAll("-+$", "");
        }
        return t.isEmpty() ? "series" : t;
    }
}
