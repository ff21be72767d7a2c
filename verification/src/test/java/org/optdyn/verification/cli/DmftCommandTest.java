package org.optdyn.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code optdyn dmft}: issue 11's command line, against dmft.md §6 and D2 (the square loss is exact). */
class DmftCommandTest {

    private static OptdynCliTest.Result run(String... args) {
        return OptdynCliTest.run(List.of(), args);
    }

    @Test
    void theDoneWhenCommandReproducesTheSection6BaseCaseToOneMillionth() {
        var r = run("dmft", "--loss", "square", "--alpha", "2", "--ridge", "0.1", "--lr", "0.2", "--noise", "0.5",
                "--batch", "0.3", "--batch-norm", "sum", "--steps", "3");
        assertThat(r.code()).as(r.err()).isZero();
        var rows = r.csvRows("step,m,q,train_loss,test_loss");
        assertThat(rows).hasNumberOfRows(4);
        double[] m = {0, 0.12, 0.216, 0.293664};
        double[] q = {0, 0.0444, 0.102153, 0.161886};
        double[] train = {0.625, 0.4669, 0.365995, 0.298936};
        double[] test = {0.625, 0.5272, 0.460077, 0.412279};
        for (int t = 0; t <= 3; t++) {
            assertThat(rows[t][0]).isEqualTo(t);
            assertThat(rows[t][1]).isCloseTo(m[t], within(1e-6));
            assertThat(rows[t][2]).isCloseTo(q[t], within(1e-6));
            assertThat(rows[t][3]).isCloseTo(train[t], within(1e-6));
            assertThat(rows[t][4]).isCloseTo(test[t], within(1e-6));
        }
    }

    @Test
    void fullBatchGradientDescentReachesTheRidgeLimitOfD2() {
        var r = run("dmft", "--alpha", "2", "--ridge", "0.1", "--lr", "0.2", "--noise", "0.5", "--steps", "300");
        assertThat(r.code()).as(r.err()).isZero();
        var last = r.csvRows("step,m,q,train_loss,test_loss")[300];
        assertThat(last[3]).isCloseTo(0.0650709131, within(1e-9));
        assertThat(last[4]).isCloseTo(0.2213322732, within(1e-9));
    }

    @Test
    void anUnstableStepPrintsTheRowsBeforeTheDivergenceAndExitsOne() {
        var r = run("dmft", "--alpha", "2", "--ridge", "0.1", "--lr", "1.5", "--noise", "0.5", "--steps", "300");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("diverged at step").contains("stability limit");
        assertThat(r.csvRows("step,m,q,train_loss,test_loss").length).isBetween(2, 300);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (var args : List.of(new String[] {"dmft", "--alpha", "-1", "--lr", "0.2", "--steps", "3"},
                new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--batch", "1.5"},
                new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--method", "adam"},
                new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--covariance", "classes:1"},
                new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--batch-norm", "max"},
                new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--m0", "1"},
                new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--loss", "hinge"},
                new String[] {"dmft", "--alpha", "2", "--lr", "0.2", "--steps", "3", "--simulate"})) {
            var r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
