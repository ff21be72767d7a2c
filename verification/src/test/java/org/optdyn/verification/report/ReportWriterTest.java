package org.optdyn.verification.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optdyn.verification.experiment.ExperimentResult;
import org.optdyn.verification.experiment.Figure;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

class ReportWriterTest {

    @TempDir
    Path tmp;

    private static RunSummary run(List<ExperimentOutcome> outcomes) {
        return new RunSummary(RunConfig.Size.TEST, 7L, 2, Instant.parse("2026-12-02T10:00:00Z"),
                Duration.ofSeconds(3), outcomes);
    }

    private static ExperimentOutcome.Completed completed(FakeExperiment e) {
        var result = e.run(new RunConfig(RunConfig.Size.TEST, 7L, 2, RunConfig.Progress.NONE));
        return new ExperimentOutcome.Completed(ExperimentOutcome.Info.of(e), result, Duration.ofMillis(120));
    }

    private static double[][] readCsv(Path p) throws IOException {
        var lines = Files.readAllLines(p);
        assertThat(lines.getFirst()).isEqualTo("x,y");
        var xy = new double[2][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            var parts = lines.get(i).split(",");
            xy[0][i - 1] = Double.parseDouble(parts[0]);
            xy[1][i - 1] = Double.parseDouble(parts[1]);
        }
        return xy;
    }

    @Test
    void reportHoldsPageSummaryPlotsAndCsvWithTheExactComputedValues() throws IOException {
        var e = FakeExperiment.passing("fake-decay");
        var out = ReportWriter.write(tmp.resolve("report"), run(List.of(completed(e))));

        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("summary.json")).isRegularFile();
        for (var fig : List.of("risk", "shape")) {
            var svg = Files.readString(out.resolve("fake-decay/" + fig + ".svg"));
            assertThat(svg).contains("<svg").contains("</svg>");
            var png = Files.readAllBytes(out.resolve("fake-decay/" + fig + ".png"));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(javax.imageio.ImageIO.read(out.resolve("fake-decay/" + fig + ".png").toFile()).getWidth())
                    .isEqualTo(PlotRenderer.WIDTH);
        }
        // one CSV per curve, values bit-for-bit those the experiment computed (Double.toString round-trips)
        var theory = readCsv(out.resolve("fake-decay/risk__ode.csv"));
        assertThat(theory[0]).containsExactly(FakeExperiment.times());
        for (int i = 0; i < theory[1].length; i++) {
            assertThat(theory[1][i]).isEqualTo(Math.exp(-2 * FakeExperiment.times()[i]));
        }
        for (int s = 0; s < 3; s++) {
            var sim = readCsv(out.resolve("fake-decay/risk__sgd-seed-" + s + "-d-64.csv"));
            assertThat(sim[1]).containsExactly(FakeExperiment.simulation(s));
        }
        assertThat(readCsv(out.resolve("fake-decay/shape__eigenvalues.csv"))[1]).containsExactly(0, 1, 0, -0.5);

        var html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("id=\"exp-fake-decay\"", "data-status=\"PASS\"",
                "The fake risk decays like exp(-2t) within 1% &lt;for every seed&gt; &amp; every t.",
                "Test fixture (no paper)", "src=\"fake-decay/risk.svg\"", "src=\"fake-decay/shape.svg\"",
                "href=\"fake-decay/risk__ode.csv\"", "max relative gap", "./optdyn reproduce fake-decay --size test --seed 7",
                "<th>seeds</th><td>3</td>", "<th>master seed</th><td>7</td>", "<figure id=\"fig-fake-decay-risk\">");
        var json = Files.readString(out.resolve("summary.json"));
        assertThat(json).contains("\"seed\": 7", "\"status\": \"PASS\"", "\"passed\": true",
                "\"csv\": \"fake-decay/risk__ode.csv\"", "\"kind\": \"SIMULATION_MARKERS\"", "\"relation\": \"<=\"",
                "\"tolerance\": 0.05");
        var gap = completed(e).result().checks().getFirst().measured();
        assertThat(json).contains("\"measured\": " + gap);
    }

    @Test
    void failedAndErroredExperimentsAreMarkedInPageAndSummary() throws IOException {
        var failing = completed(FakeExperiment.failing("fake-fail"));
        var error = new ExperimentOutcome.Failed(new ExperimentOutcome.Info("fake-error", "c", "s"),
                "IllegalStateException: boom", Duration.ZERO);
        var out = ReportWriter.write(tmp.resolve("r"), run(List.of(failing, error)));
        var html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("id=\"exp-fake-fail\" data-status=\"FAIL\"", "id=\"exp-fake-error\" data-status=\"ERROR\"",
                "IllegalStateException: boom");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"passed\": false", "\"status\": \"ERROR\"",
                "\"error\": \"IllegalStateException: boom\"");
    }

    @Test
    void pointsALogAxisCannotShowAreLeftOutOfThePlotButKeptInTheCsv() throws IOException {
        var fig = new Figure("gap", "gap", "t", "gap", true, true, List.of(
                new Series("theory", Series.Kind.THEORY_LINE, new double[] {0, 1, 2, 3}, new double[] {1, 0.5, 0, Double.NaN})));
        var result = new ExperimentResult("log-axes", List.of(org.optdyn.verification.experiment.Check.atMost("m", 0, 1, "r",
                org.optdyn.verification.experiment.FalseFailure.deterministic("exact"))),
                List.of(fig), ExperimentResult.parameterMap(), "", "any error");
        var out = ReportWriter.write(tmp.resolve("r"), run(List.of(new ExperimentOutcome.Completed(
                new ExperimentOutcome.Info("log-axes", "c", "s"), result, Duration.ZERO))));
        assertThat(out.resolve("log-axes/gap.png")).isRegularFile();
        assertThat(Files.readString(out.resolve("index.html"))).contains("3 point(s) not drawn");
        assertThat(Files.readAllLines(out.resolve("log-axes/gap__theory.csv")))
                .containsExactly("x,y", "0.0,1.0", "1.0,0.5", "2.0,0.0", "3.0,NaN");
    }

    @Test
    void writingOverAPreviousReportReplacesItWhollyAndLeavesNoTemporaryFolders() throws IOException {
        var target = tmp.resolve("report");
        ReportWriter.write(target, run(List.of(completed(FakeExperiment.passing("first-exp")))));
        Files.writeString(target.resolve("stray.txt"), "from an older run");
        ReportWriter.write(target, run(List.of(completed(FakeExperiment.passing("second-exp")))));
        assertThat(target.resolve("second-exp")).isDirectory();
        assertThat(target.resolve("first-exp")).doesNotExist();
        assertThat(target.resolve("stray.txt")).doesNotExist();
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("report");
        }
    }

    @Test
    void aRunThatFailsWhileWritingLeavesThePreviousReportIntact() throws IOException {
        var target = tmp.resolve("report");
        ReportWriter.write(target, run(List.of(completed(FakeExperiment.passing("good-exp")))));
        var before = Files.readString(target.resolve("index.html"));

        // The second experiment's name is not a folder name: writing fails after the first one's files exist.
        var outcomes = new ArrayList<ExperimentOutcome>();
        outcomes.add(completed(FakeExperiment.passing("new-exp")));
        var bad = completed(FakeExperiment.passing("x"));
        outcomes.add(new ExperimentOutcome.Completed(new ExperimentOutcome.Info("bad/../../name", "c", "s"),
                bad.result(), Duration.ZERO));
        assertThatThrownBy(() -> ReportWriter.write(target, run(outcomes)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad/../../name");

        assertThat(Files.readString(target.resolve("index.html"))).isEqualTo(before);
        assertThat(target.resolve("new-exp")).doesNotExist();
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("report");
        }
    }

    @Test
    void refusesToReplaceAFileOrAFolderThatIsNotAReport() throws IOException {
        var file = Files.writeString(tmp.resolve("notes.txt"), "keep me");
        assertThatThrownBy(() -> ReportWriter.write(file, run(List.of(completed(FakeExperiment.passing("a"))))))
                .isInstanceOf(NotDirectoryException.class);
        var dir = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(dir.resolve("thesis.tex"), "keep me too");
        assertThatThrownBy(() -> ReportWriter.write(dir, run(List.of(completed(FakeExperiment.passing("a"))))))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("not an optdyn report");
        assertThat(Files.readString(dir.resolve("thesis.tex"))).isEqualTo("keep me too");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void slugsAndSeedGroupsAreFileNameSafeAndDropTheSeed() {
        assertThat(ReportWriter.slug("SGD seed 3, d = 2000")).isEqualTo("sgd-seed-3-d-2000");
        assertThat(ReportWriter.slug("λ/γ ≤ 2")).isEqualTo("2");
        assertThat(ReportWriter.slug("∑")).isEqualTo("series");
        assertThat(PlotRenderer.group("SGD seed 3, d = 2000")).isEqualTo("SGD d = 2000");
        assertThat(PlotRenderer.group("seed 12")).isEqualTo("simulation");
        assertThat(PlotRenderer.group("AdaGrad, d = 1024, seed=4")).isEqualTo("AdaGrad, d = 1024");
    }

    @Test
    void aLineIsDrawnInPiecesAroundPointsTheAxesCannotShow() {
        var lin = new Figure("f", "t", "x", "y", false, false, List.of());
        var s = new Series("boundary", Series.Kind.THEORY_LINE, new double[] {0, 1, 2, 3, 4, 5},
                new double[] {0, 1, Double.NaN, 3, 4, Double.NaN});
        var p = PlotRenderer.pieces(s, lin);
        assertThat(p).hasSize(2);
        assertThat(p.get(0)[0]).containsExactly(0, 1);
        assertThat(p.get(1)[1]).containsExactly(3, 4);
        var logY = new Figure("f", "t", "x", "y", false, true, List.of());
        assertThat(PlotRenderer.pieces(s, logY)).hasSize(2).first()
                .satisfies(q -> assertThat(q[0]).containsExactly(1));
    }

    @Test
    void jsonEscapesTextAndWritesNonFiniteNumbersAsNull() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("s", "a\"b\\c\nd\u0001");
        m.put("nan", Double.NaN);
        m.put("x", 0.1 + 0.2);
        m.put("list", List.of(1, true));
        assertThat(Json.write(m)).isEqualTo("""
                {
                  "s": "a\\"b\\\\c\\nd\\u0001",
                  "nan": null,
                  "x": 0.30000000000000004,
                  "list": [
                    1,
                    true
                  ]
                }
                """);
    }
}
