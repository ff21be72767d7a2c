package org.optdyn.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code optdyn dln}: issue 12's command line (SGD solver). */
class DlnCommandTest {

    private static OptdynCliTest.Result run(String... args) {
        return OptdynCliTest.run(List.of(), args);
    }

    private static String[][] rows(String csv) {
        var lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("t,risk_mean,risk_sd,curvature_mean,imbalance_mean,l1_mean");
        return lines.stream().skip(1).map(l -> l.split(",", -1)).toArray(String[][]::new);
    }

    @Test
    void printsOneRowPerGridTimeStartingAtTheInitialRiskOfN1() {
        var r = run("dln", "--gamma", "0.5", "--sigma", "0.3", "--d", "200", "--tmax", "1", "--grid", "0.5,1",
                "--seeds", "3");
        assertThat(r.code()).as(r.err()).isZero();
        var rows = rows(r.out());
        assertThat(rows).hasNumberOfRows(3);
        assertThat(Double.parseDouble(rows[0][0])).isZero();
        assertThat(Double.parseDouble(rows[0][1])).isCloseTo(0.145, within(1e-15));
        assertThat(Double.parseDouble(rows[2][0])).isEqualTo(1.0);
        assertThat(Double.parseDouble(rows[2][1])).isLessThan(0.145);
        assertThat(Double.parseDouble(rows[2][2])).isPositive();
    }

    @Test
    void aSingleSeedLeavesTheSdColumnEmptyAndTheOutputDependsOnlyOnTheSeed() {
        var a = run("dln", "--gamma", "0.5", "--d", "100", "--tmax", "0.5", "--points", "3", "--threads", "1");
        var b = run("dln", "--gamma", "0.5", "--d", "100", "--tmax", "0.5", "--points", "3", "--threads", "2");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(rows(a.out())[1][2]).isEmpty();
        assertThat(a.out()).isEqualTo(b.out());
    }

    @Test
    void aBlowUpPrintsTheRowsBeforeItNamesTheTimeAndExitsOne() {
        var r = run("dln", "--gamma", "4", "--d", "500", "--tmax", "1", "--points", "21");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("diverged at t = ").doesNotContain("Exception");
        assertThat(rows(r.out()).length).isBetween(1, 20);
    }

    @Test
    void badFlagsExitTwoWithOneLine() {
        for (String[] args : new String[][] {
                {"dln", "--gamma", "-1", "--d", "10"},
                {"dln", "--gamma", "1", "--d", "0"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "particles"},
                {"dln", "--gamma", "1", "--d", "10", "--instance", "n2"},
                {"dln", "--gamma", "1", "--d", "10", "--grid", "1,2", "--tmax", "3"},
                {"dln", "--gamma", "1", "--d", "1000000", "--tmax", "10"},
                {"dln", "--gamma", "1", "--d", "10", "--parametrisation", "x"}}) {
            var r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
    }
}
