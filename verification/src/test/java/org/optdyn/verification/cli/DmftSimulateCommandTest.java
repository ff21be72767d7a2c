package org.optdyn.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmSimulator;
import org.optdyn.engine.outcome.Outcome;

/** {@code optdyn dmft --simulate}: the finite-d simulator behind issue 11's command line. */
class DmftSimulateCommandTest {

    private static final String HEADER =
            "step,m_mean,m_sd,q_mean,train_loss_mean,train_loss_sd,test_loss_mean,test_loss_sd";

    private static OptdynCliTest.Result run(String... args) {
        return OptdynCliTest.run(List.of(), args);
    }

    private static final String[] BASE = {"dmft", "--alpha", "2", "--ridge", "0.1", "--lr", "0.2", "--noise", "0.5",
            "--batch", "0.3", "--batch-norm", "sum", "--steps", "5", "--simulate", "--d", "80", "--runs", "3",
            "--seed", "7"};

    private static String[] with(String... more) {
        String[] all = Arrays.copyOf(BASE, BASE.length + more.length);
        System.arraycopy(more, 0, all, BASE.length, more.length);
        return all;
    }

    @Test
    void printsTheRunMeansOfTheSimulatorForEveryStepAtAnyThreadCount() {
        var one = run(with("--threads", "1"));
        var two = run(with("--threads", "2"));
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        var rows = one.csvRows(HEADER);
        assertThat(rows).hasNumberOfRows(6);
        var problem = ErmProblem.square(2, 0.1, 0.2, 5).withTeacher(1, 0.5).withBatch(0.3, ErmProblem.BatchNorm.SUM);
        var runs = ErmSimulator.runMany(problem, 80, 7, 3, 1).stream().map(Outcome::orElseThrow).toList();
        for (int t = 0; t <= 5; t++) {
            int time = t;
            assertThat(rows[t][0]).isEqualTo(t);
            // the same three doubles summed left to right, then divided by 3: bitwise equal
            assertThat(rows[t][1]).isEqualTo(mean(runs.stream().mapToDouble(r -> r.m()[time]).toArray()));
            assertThat(rows[t][4]).isEqualTo(mean(runs.stream().mapToDouble(r -> r.trainLoss()[time]).toArray()));
            assertThat(rows[t][6]).isEqualTo(mean(runs.stream().mapToDouble(r -> r.testLoss()[time]).toArray()));
            assertThat(rows[t][5]).isPositive();
        }
        assertThat(rows[0][1]).isZero();
        assertThat(rows[0][2]).isZero();
        assertThat(rows[0][3]).isZero();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    @Test
    void oneRunHasZeroStandardDeviations() {
        var args = with();
        args[Arrays.asList(args).indexOf("--runs") + 1] = "1";
        var r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        for (double[] row : r.csvRows(HEADER)) {
            assertThat(row[2]).isZero();
            assertThat(row[5]).isZero();
            assertThat(row[7]).isZero();
        }
    }

    @Test
    void anUnstableStepPrintsTheRowsBeforeTheDivergenceNamesTheRunAndExitsOne() {
        var r = run("dmft", "--alpha", "2", "--ridge", "0.1", "--lr", "1.5", "--noise", "0.5", "--steps", "300",
                "--simulate", "--d", "50", "--runs", "2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).containsPattern("run [01] diverged at step \\d+");
        assertThat(r.csvRows(HEADER).length).isBetween(2, 300);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        var noD = new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--simulate", "--runs", "2"};
        var noRuns = new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--simulate", "--d", "20"};
        var noSimulate = new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--d", "20"};
        for (var args : List.of(noD, noRuns, noSimulate, with("--threads", "0"), with("--samples", "10"),
                with("--d", "0"), with("--runs", "0"), with("--d", "1000000"))) {
            var r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
