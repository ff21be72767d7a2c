package org.optdyn.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.optdyn.verification.report.ExperimentOutcome;

class ProgressReporterTest {

    @Test
    void plainLinesReportStartPercentagesAndResultWhenNotOnATerminal() {
        var text = new StringWriter();
        var lines = new ProgressReporter.Lines(new PrintWriter(text, true), Duration.ZERO);
        var sink = lines.start(2, 5, "ls-adagrad");
        sink.advance(1, 4);
        sink.advance(3, 4);
        lines.finish(2, 5, new ExperimentOutcome.Failed(new ExperimentOutcome.Info("ls-adagrad", "c", "s"),
                "ArithmeticException: overflow", Duration.ofMillis(1500)));
        assertThat(text.toString().lines().toList()).hasSize(4).satisfiesExactly(
                l -> assertThat(l).isEqualTo("[2/5] ls-adagrad  started"),
                l -> assertThat(l).startsWith("[2/5] ls-adagrad  25% after "),
                l -> assertThat(l).startsWith("[2/5] ls-adagrad  75% after "),
                l -> assertThat(l).isEqualTo("[2/5] ls-adagrad  ERROR  1.5 s  (ArithmeticException: overflow)"));
    }

    @Test
    void plainLinesAreThrottledToOnePerPeriod() {
        var text = new StringWriter();
        var lines = new ProgressReporter.Lines(new PrintWriter(text, true), Duration.ofHours(1));
        var sink = lines.start(1, 1, "x");
        for (int i = 0; i < 1000; i++) {
            sink.advance(i, 1000);
        }
        assertThat(text.toString().lines()).containsExactly("[1/1] x  started");
    }
}
