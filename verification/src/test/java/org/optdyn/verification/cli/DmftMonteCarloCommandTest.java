package org.optdyn.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.erm.ErmLoss;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.theory.dmft.MonteCarloDmft;

/** {@code optdyn dmft} with the Monte-Carlo solver of general losses (dmft.md §4, issue 11 step d). */
class DmftMonteCarloCommandTest {

    private static final String HEADER = "step,m,q,train_loss,test_loss,train_loss_se,test_loss_se";

    private static OptdynCliTest.Result run(String... args) {
        return OptdynCliTest.run(List.of(), args);
    }

    /** dmft.md D8 (logistic, y = sign(r* + 0.3 eps), alpha = 2, b = 0.5, eta = 0.5, lambda = 0.05), 6 steps. */
    private static final String[] LOGISTIC = {"dmft", "--loss", "logistic", "--alpha", "2", "--ridge", "0.05", "--lr",
            "0.5", "--noise", "0.3", "--batch", "0.5", "--batch-norm", "sum", "--steps", "6", "--samples", "20000"};

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void logisticPrintsTheReplicatedMonteCarloSolutionWithStandardErrorsAtAnyThreadCount() {
        var one = run(with(LOGISTIC, "--seed", "3", "--threads", "1"));
        var two = run(with(LOGISTIC, "--seed", "3", "--threads", "2"));
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
        var rows = one.csvRows(HEADER);
        assertThat(rows).hasNumberOfRows(7);
        var problem = ErmProblem.square(2, 0.05, 0.5, 6).withTeacher(1, 0.3)
                .withBatch(0.5, ErmProblem.BatchNorm.SUM).withLoss(new ErmLoss.Logistic());
        // 20000 paths in 10 replicates (the default) of 2000 each; doubles print and parse back exactly
        var mc = MonteCarloDmft.solveReplicated(problem, 2000, 3, 10, 1).orElseThrow();
        for (int t = 0; t <= 6; t++) {
            assertThat(rows[t][0]).isEqualTo(t);
            assertThat(rows[t][1]).isEqualTo(mc.solution().m()[t]);
            assertThat(rows[t][2]).isEqualTo(mc.solution().q()[t]);
            assertThat(rows[t][3]).isEqualTo(mc.solution().trainLoss()[t]);
            assertThat(rows[t][4]).isEqualTo(mc.solution().testLoss()[t]);
            assertThat(rows[t][5]).isEqualTo(mc.trainLossSe()[t]);
            assertThat(rows[t][6]).isEqualTo(mc.testLossSe()[t]);
        }
        assertThat(rows[0][4]).as("test error of theta^0 = 0").isEqualTo(0.5);
        assertThat(rows[6][5]).isPositive();
        assertThat(rows[6][6]).isPositive();
    }

    @Test
    void theSquareLossWithSamplesIsSampledAndWithoutStaysExact() {
        String[] square = {"dmft", "--alpha", "2", "--ridge", "0.1", "--lr", "0.2", "--noise", "0.5", "--batch", "0.3",
                "--batch-norm", "sum", "--steps", "3"};
        var sampled = run(with(square, "--samples", "4000", "--replicates", "4"));
        assertThat(sampled.code()).as(sampled.err()).isZero();
        var rows = sampled.csvRows(HEADER);
        assertThat(rows).hasNumberOfRows(4);
        // m(1) = 0.12 exactly in theory (dmft.md §6); its sampled value is within a few of its errors (loose check)
        assertThat(rows[1][1]).isBetween(0.1, 0.14);
        var exact = run(square);
        assertThat(exact.code()).isZero();
        assertThat(exact.out().lines().findFirst().orElseThrow()).isEqualTo("step,m,q,train_loss,test_loss");
    }

    @Test
    void logisticSimulationStillRuns() {
        var r = run("dmft", "--loss", "logistic", "--alpha", "2", "--ridge", "0.05", "--lr", "0.5", "--noise", "0.3",
                "--batch", "0.5", "--batch-norm", "sum", "--steps", "3", "--simulate", "--d", "60", "--runs", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow())
                .isEqualTo("step,m_mean,m_sd,q_mean,train_loss_mean,train_loss_sd,test_loss_mean,test_loss_sd");
        assertThat(r.out().lines().count()).isEqualTo(5);
    }

    @Test
    void anUnstableStepPrintsTheRowsBeforeTheDivergenceAndExitsOne() {
        var r = run("dmft", "--alpha", "2", "--ridge", "0.1", "--lr", "1.5", "--noise", "0.5", "--steps", "300",
                "--samples", "2000", "--replicates", "2", "--threads", "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("diverged at step").contains("replicate").contains("stability limit");
        assertThat(r.csvRows(HEADER).length).isBetween(2, 300);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String[] square = {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3"};
        for (var args : List.of(with(LOGISTIC, "--samples", "0"), with(LOGISTIC, "--samples", "-5"),
                with(LOGISTIC, "--samples", "19", "--replicates", "10"), with(LOGISTIC, "--samples", "many"),
                with(LOGISTIC, "--replicates", "1"), with(LOGISTIC, "--threads", "0"),
                with(square, "--seed", "3"), with(square, "--replicates", "4"), with(square, "--threads", "2"),
                with(square, "--simulate", "--d", "20", "--runs", "2", "--replicates", "3"),
                with(square, "--simulate", "--d", "20", "--runs", "2", "--samples", "100"))) {
            var r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
