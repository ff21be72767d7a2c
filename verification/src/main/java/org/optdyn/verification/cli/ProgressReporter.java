package org.optdyn.verification.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.report.ExperimentOutcome;
import org.optdyn.verification.report.Fmt;

/**
 * Shows the progress of a {@code reproduce} run: a live bar per experiment on a terminal (me.tongfei
 * progressbar), plain periodic lines otherwise (logs, CI), or only the per-experiment result lines.
 */
sealed interface ProgressReporter {

    /** How progress is shown. */
    enum Mode { AUTO, BAR, LINES, NONE }

    /** Called before experiment {@code index} (1-based) of {@code total} starts; returns its progress sink. */
    RunConfig.Progress start(int index, int total, String name);

    /** Called when the experiment has finished. */
    void finish(int index, int total, ExperimentOutcome outcome);

    /** @return the reporter for {@code mode}; AUTO picks BAR on a terminal and LINES otherwise */
    static ProgressReporter of(Mode mode, PrintWriter err) {
        var m = mode == Mode.AUTO ? autoMode() : mode;
        return switch (m) {
            case BAR -> new Bar(err);
            case LINES -> new Lines(err, Duration.ofSeconds(10));
            case NONE -> new Quiet(err);
            case AUTO -> throw new AssertionError();
        };
    }

    /**
     * BAR when standard error is a terminal. The launcher, which can test that ({@code [ -t 2 ]}), passes
     * {@code -Doptdyn.progress=bar|lines}; without it, the JVM's console decides.
     */
    private static Mode autoMode() {
        var p = System.getProperty("optdyn.progress");
        if ("bar".equals(p)) {
            return Mode.BAR;
        }
        if ("lines".equals(p)) {
            return Mode.LINES;
        }
        var c = System.console();
        return c != null && c.isTerminal() ? Mode.BAR : Mode.LINES;
    }

    private static String result(int index, int total, ExperimentOutcome o) {
        var tail = o instanceof ExperimentOutcome.Failed f ? "  (" + f.error() + ")" : "";
        return "[" + index + "/" + total + "] " + o.info().name() + "  " + o.status() + "  "
                + Fmt.seconds(o.elapsed()) + tail;
    }

    /** A progress bar per experiment on standard error. */
    final class Bar implements ProgressReporter {
        private final PrintWriter err;
        private ProgressBar bar;

        Bar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public RunConfig.Progress start(int index, int total, String name) {
            var b = new ProgressBarBuilder().setTaskName("[" + index + "/" + total + "] " + name)
                    .setInitialMax(-1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).hideEta().build();
            bar = b;
            return (done, max) -> {
                if (max > 0) {
                    b.maxHint(max);
                }
                b.stepTo(done);
            };
        }

        @Override
        public void finish(int index, int total, ExperimentOutcome outcome) {
            if (bar != null) {
                bar.close();
                bar = null;
            }
            System.err.flush();
            // carriage return + erase line: the bar may not have ended its line (e.g. an experiment that threw)
            err.println("\r\033[K" + result(index, total, outcome));
            err.flush();
        }
    }

    /** Plain lines: one when an experiment starts, one at most every {@code period} while it runs, one at the end. */
    final class Lines implements ProgressReporter {
        private final PrintWriter err;
        private final long periodNanos;

        Lines(PrintWriter err, Duration period) {
            this.err = err;
            this.periodNanos = period.toNanos();
        }

        @Override
        public RunConfig.Progress start(int index, int total, String name) {
            var prefix = "[" + index + "/" + total + "] " + name;
            synchronized (err) {
                err.println(prefix + "  started");
                err.flush();
            }
            long t0 = System.nanoTime();
            var last = new AtomicLong(t0);
            return (done, max) -> {
                long now = System.nanoTime();
                long prev = last.get();
                if (now - prev >= periodNanos && last.compareAndSet(prev, now)) {
                    var pct = max > 0 ? String.format(java.util.Locale.ROOT, "%.0f%%", 100.0 * done / max)
                            : done + " units";
                    synchronized (err) {
                        err.println(prefix + "  " + pct + " after " + Fmt.seconds(Duration.ofNanos(now - t0)));
                        err.flush();
                    }
                }
            };
        }

        @Override
        public void finish(int index, int total, ExperimentOutcome outcome) {
            synchronized (err) {
                err.println(result(index, total, outcome));
                err.flush();
            }
        }
    }

    /** Only the result line of each experiment. */
    final class Quiet implements ProgressReporter {
        private final PrintWriter err;

        Quiet(PrintWriter err) {
            this.err = err;
        }

        @Override
        public RunConfig.Progress start(int index, int total, String name) {
            return RunConfig.Progress.NONE;
        }

        @Override
        public void finish(int index, int total, ExperimentOutcome outcome) {
            err.println(result(index, total, outcome));
            err.flush();
        }
    }
}
