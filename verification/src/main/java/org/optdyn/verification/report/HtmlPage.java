package org.optdyn.verification.report;

import static org.optdyn.verification.report.Html.esc;

import java.util.List;
import java.util.Locale;
import org.optdyn.verification.experiment.Check;

/**
 * The report page: run header, summary table (one row per experiment), then one section per experiment with
 * its claim, source, resolution, checks, figures (SVG, with links to PNG and CSV), notes, exact parameters and the command
 * that regenerates it. A small inline script marks images that fail to load (a visible banner, and
 * {@code data-broken-images} on {@code body}, which {@code scripts/check-report.sh} reads in headless Chromium).
 */
final class HtmlPage {

    private HtmlPage() {
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2em auto;\
            padding:0 1em;color:#222;line-height:1.45}
            h1{margin-bottom:.2em} h2{margin-top:2.2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            table{border-collapse:collapse;margin:.8em 0;font-size:.92em}
            th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
            th{background:#f3f3f3} td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .PASS{color:#0a7a22;font-weight:bold} .FAIL,.ERROR{color:#c0161e;font-weight:bold}
            .badge{display:inline-block;padding:0 .45em;border-radius:.3em;color:#fff;font-size:.8em;\
            vertical-align:middle;margin-right:.4em}
            .badge.PASS{background:#0a7a22;color:#fff} .badge.FAIL,.badge.ERROR{background:#c0161e;color:#fff}
            .claim{font-size:1.05em} .source{color:#555} .meta{color:#555}
            figure{margin:1em 0} figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:.88em;color:#444} code{background:#f5f5f5;padding:0 .25em}
            .sabotage{background:#fff3cd;border:1px solid #c9a227;padding:.5em 1em}
            .reason{color:#555;font-size:.9em} #broken-banner{display:none;background:#c0161e;color:#fff;\
            padding:.5em 1em}
            """;

    private static final String SCRIPT = """
            window.addEventListener('load', function () {
              var imgs = document.images, broken = 0;
              for (var i = 0; i < imgs.length; i++) {
                if (!imgs[i].complete || imgs[i].naturalWidth === 0) {
                  broken++; imgs[i].setAttribute('data-broken', 'true');
                }
              }
              document.body.setAttribute('data-images', String(imgs.length));
              document.body.setAttribute('data-broken-images', String(broken));
              document.body.setAttribute('data-checked', 'true');
              if (broken > 0) {
                var b = document.getElementById('broken-banner');
                b.textContent = broken + ' image(s) failed to load'; b.style.display = 'block';
              }
            });
            """;

    static String render(RunSummary run, List<List<ReportWriter.FigureFiles>> figures) {
        var h = new StringBuilder(64 * 1024);
        long passed = run.outcomes().stream().filter(ExperimentOutcome::passed).count();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>optdyn reproduce — ").append(passed).append('/').append(run.outcomes().size())
                .append(" experiments pass</title>\n<style>\n").append(CSS).append("</style>\n<script>\n")
                .append(SCRIPT).append("</script>\n</head>\n<body data-experiments=\"")
                .append(run.outcomes().size()).append("\">\n<div id=\"broken-banner\"></div>\n");
        h.append("<h1>optdyn: theory against simulation</h1>\n<p class=\"meta\">")
                .append(passed).append(" of ").append(run.outcomes().size()).append(" experiments pass · size <b>")
                .append(run.size().name().toLowerCase(Locale.ROOT)).append("</b> · master seed <b>")
                .append(run.seed()).append("</b> · ").append(run.threads()).append(" thread(s) · started ")
                .append(esc(run.started().toString())).append(" · ").append(Fmt.seconds(run.elapsed()))
                .append(" · Java ").append(esc(System.getProperty("java.version"))).append("</p>\n");
        if (run.sabotage()) {
            h.append("<p class=\"sabotage\"><b>SABOTAGED RUN.</b> Every experiment perturbed its own prediction by "
                    + "its resolution (the smallest error it claims to detect); each one must FAIL. A PASS below is "
                    + "an oracle that cannot say no.</p>\n");
        }
        h.append("<p class=\"meta\">Machine-readable: <a href=\"summary.json\">summary.json</a>; every curve is a "
                + "CSV file (columns <code>x,y</code>) linked under its figure.</p>\n");
        summaryTable(h, run);
        for (int i = 0; i < run.outcomes().size(); i++) {
            section(h, run, run.outcomes().get(i), figures.get(i));
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /**
     * The front page: one row per experiment with its claim, verdict, checks passed of total, the worst
     * measured/tolerance (how close the run came to failing), its resolution (the smallest error in its prediction
     * it detects) and its family-wise false-failure probability (union bound over its checks); each row links to
     * the experiment's section, which holds the per-check table.
     */
    private static void summaryTable(StringBuilder h, RunSummary run) {
        h.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>experiment</th>"
                + "<th>claim</th><th>result</th><th>checks passed</th><th>worst measured / tolerance</th>"
                + "<th>resolution (smallest error detected)</th><th>family-wise false-failure probability</th>"
                + "</tr></thead>\n<tbody>\n");
        for (var o : run.outcomes()) {
            var link = "<a href=\"#exp-" + esc(o.info().name()) + "\">" + esc(o.info().name()) + "</a>";
            h.append("<tr><td>").append(link).append("</td><td class=\"reason\">").append(esc(o.info().claim()))
                    .append("</td><td class=\"").append(o.status()).append("\">").append(o.status()).append("</td>");
            switch (o) {
                case ExperimentOutcome.Failed f -> h.append("<td colspan=\"4\">error: ").append(esc(f.error()))
                        .append("</td>");
                case ExperimentOutcome.Completed c -> {
                    var r = c.result();
                    long ok = r.checks().stream().filter(Check::passed).count();
                    h.append("<td class=\"num\">").append(ok).append(" / ").append(r.checks().size())
                            .append("</td><td class=\"num\">").append(Fmt.num(r.worstUsage()))
                            .append("</td><td>").append(esc(r.resolution()))
                            .append("</td><td class=\"num\">").append(probability(r.falseFailureProbability()))
                            .append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    static String probability(double p) {
        return p == 0 ? "0 (deterministic)" : Fmt.num(p);
    }

    private static void checkCells(StringBuilder h, Check c) {
        var r = c.passed() ? "PASS" : "FAIL";
        h.append("<td>").append(esc(c.metric())).append("</td><td class=\"num\">").append(Fmt.num(c.measured()))
                .append("</td><td class=\"num\">").append(esc(c.relation().symbol())).append(' ')
                .append(Fmt.num(c.tolerance())).append("</td><td class=\"").append(r).append("\">").append(r)
                .append("</td>");
    }

    private static void section(StringBuilder h, RunSummary run, ExperimentOutcome o,
                                List<ReportWriter.FigureFiles> figures) {
        var name = esc(o.info().name());
        h.append("<section class=\"experiment\" id=\"exp-").append(name).append("\" data-status=\"")
                .append(o.status()).append("\">\n<h2><span class=\"badge ").append(o.status()).append("\">")
                .append(o.status()).append("</span>").append(name).append("</h2>\n");
        h.append("<p class=\"claim\"><b>Claim.</b> ").append(esc(o.info().claim())).append("</p>\n");
        h.append("<p class=\"source\"><b>Source.</b> ").append(esc(o.info().source())).append("</p>\n");
        switch (o) {
            case ExperimentOutcome.Failed f -> h.append("<p class=\"ERROR\">The experiment stopped with an error: ")
                    .append(esc(f.error())).append("</p>\n");
            case ExperimentOutcome.Completed c -> {
                h.append("<p class=\"resolution\"><b>Resolution.</b> ")
                        .append(esc(c.result().resolution()))
                        .append(" · <b>family-wise false-failure probability</b> ")
                        .append(probability(c.result().falseFailureProbability())).append("</p>\n");
                h.append("<table class=\"checks\">\n<thead><tr><th>metric</th><th>measured</th><th>tolerance</th>"
                        + "<th>result</th><th>where the tolerance comes from</th>"
                        + "<th>false-failure probability</th></tr></thead>\n<tbody>\n");
                for (var ch : c.result().checks()) {
                    h.append("<tr>");
                    checkCells(h, ch);
                    h.append("<td class=\"reason\">").append(esc(ch.reason())).append("</td><td class=\"reason\">")
                            .append(probability(ch.falseFailure().probability())).append(": ")
                            .append(esc(ch.falseFailure().basis())).append("</td></tr>\n");
                }
                h.append("</tbody>\n</table>\n");
                for (var ff : figures) {
                    figure(h, o.info().name(), ff);
                }
                if (!c.result().notes().isBlank()) {
                    h.append("<p class=\"notes\"><b>Notes.</b> ").append(esc(c.result().notes())).append("</p>\n");
                }
                h.append("<details open><summary>Parameters of this run</summary>\n<table class=\"params\">\n");
                h.append("<tr><th>size</th><td>").append(run.size().name().toLowerCase(Locale.ROOT))
                        .append("</td></tr>\n<tr><th>master seed</th><td>").append(run.seed()).append("</td></tr>\n");
                c.result().parameters().forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>")
                        .append(esc(v)).append("</td></tr>\n"));
                h.append("</table>\n</details>\n");
            }
        }
        h.append("<p class=\"meta\">Regenerate: <code>").append(esc(run.regenerateCommand(o.info().name())))
                .append("</code> · ran in ").append(Fmt.seconds(o.elapsed())).append("</p>\n</section>\n");
    }

    private static void figure(StringBuilder h, String experiment, ReportWriter.FigureFiles ff) {
        var f = ff.figure();
        h.append("<figure id=\"fig-").append(esc(experiment)).append('-').append(esc(f.id())).append("\">\n");
        if (ff.svg() != null) {
            h.append("<a href=\"").append(esc(ff.png())).append("\"><img src=\"").append(esc(ff.svg()))
                    .append("\" alt=\"").append(esc(f.title())).append("\"></a>\n");
        } else {
            h.append("<p class=\"ERROR\">Plot could not be drawn: ").append(esc(ff.error())).append("</p>\n");
        }
        h.append("<figcaption>").append(esc(f.title())).append(f.logX() || f.logY() ? " (" + axes(f.logX(), f.logY()) + ")" : "");
        if (ff.png() != null) {
            h.append(" · <a href=\"").append(esc(ff.png())).append("\">PNG</a> · <a href=\"")
                    .append(esc(ff.svg())).append("\">SVG</a>");
        }
        h.append(" · CSV:");
        for (int k = 0; k < ff.csv().size(); k++) {
            h.append(' ').append("<a href=\"").append(esc(ff.csv().get(k))).append("\">")
                    .append(esc(f.series().get(k).name())).append("</a>");
            if (k + 1 < ff.csv().size()) {
                h.append(',');
            }
        }
        for (var n : ff.notes()) {
            h.append("<br>").append(esc(n));
        }
        h.append("</figcaption>\n</figure>\n");
    }

    private static String axes(boolean logX, boolean logY) {
        return logX && logY ? "log–log axes" : logX ? "logarithmic x axis" : "logarithmic y axis";
    }
}
