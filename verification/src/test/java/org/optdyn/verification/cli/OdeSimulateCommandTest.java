package org.optdyn.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ode} and {@code simulate} end to end: CSV headers, values, divergence, reproducibility, --out. */
class OdeSimulateCommandTest {

    @TempDir
    Path tmp;

    private static OptdynCliTest.Result run(String... args) {
        return OptdynCliTest.run(List.of(), args);
    }

    private static double[][] rows(String csv, String header) {
        var lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo(header);
        return lines.stream().skip(1).map(l -> java.util.Arrays.stream(l.split(","))
                .mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
    }

    @Test
    void odeForLeastSquaresOnTheIdentityMatchesTheClosedForm() {
        // K = I, ω = 0, X₀ = 0, ‖X*‖ = 1: r' = −(2γ − γ²) r, so R(t) = ½ exp(−(2γ − γ²) t) (sgd-ode.md §3.1).
        double gamma = 0.5;
        var r = run("ode", "--model", "ls", "--spectrum", "identity", "--lr", "const:" + gamma, "--d", "1000",
                "--grid", "0,0.5,1,2,5");
        assertThat(r.code()).as(r.err()).isZero();
        var rows = rows(r.out(), "t,risk,lr");
        assertThat(rows).hasNumberOfRows(5);
        for (var row : rows) {
            double exact = 0.5 * Math.exp(-(2 * gamma - gamma * gamma) * row[0]);
            // DP853 at rtol 1e-10 (default): global relative error far below 1e-8 on this stable linear decay
            assertThat(row[1]).isCloseTo(exact, within(1e-8 * exact));
            assertThat(row[2]).isEqualTo(gamma);
        }
    }

    @Test
    void odeDivergenceIsAResultPrintedBeforeItAndExitCode1() {
        // γ = 2.5 > 2/λ̄ = 2: the risk grows like exp((γ² − 2γ) t) (sgd-ode.md §3.3)
        var r = run("ode", "--lr", "const:2.5", "--grid", "0,1,100");
        assertThat(r.code()).isEqualTo(ExitCodes.CLAIM_FAILED);
        var rows = rows(r.out(), "t,risk,lr");
        assertThat(rows).hasNumberOfRows(2);
        assertThat(rows[1][1]).isCloseTo(0.5 * Math.exp(2.5 * 2.5 - 5), within(1e-6));
        assertThat(r.errLines()).singleElement().asString().startsWith("optdyn ode: the ODE diverged at t = ");
    }

    @Test
    void odeWritesToOutFileInsteadOfStandardOutput() throws Exception {
        var f = tmp.resolve("ode.csv");
        var r = run("ode", "--grid", "0,1", "--out", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllLines(f)).first().isEqualTo("t,risk,lr");
        assertThat(Files.readAllLines(f)).hasSize(3);
    }

    @Test
    void simulateAgreesWithTheOdeWithinItsStandardErrorAndDoesNotDependOnThreads() {
        int d = 256;
        int m = 8;
        var args = List.of("simulate", "--d", "" + d, "--seeds", "" + m, "--seed", "42", "--grid", "0,1,2",
                "--lr", "const:1");
        var one = run(concat(args, "--threads", "1"));
        var two = run(concat(args, "--threads", "2"));
        assertThat(one.code()).as(one.err()).isZero();
        var rows = rows(one.out(), "t,risk_mean,risk_sd,lr_mean,lr_sd");
        var rows2 = rows(two.out(), "t,risk_mean,risk_sd,lr_mean,lr_sd");
        // Same seed, other thread count: the same runs. Not bitwise: the Vector API dot products may sum in another
        // order while a method is still interpreted (style.md #15), which depends on JIT timing and so on threads.
        // A reordered d-term sum differs by at most d·u relative; over T·d contracting steps at most T·d²·u =
        // 2·256²·1.1e-16 ≈ 1.5e-11 relative, so 1e-10 relative.
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < rows[i].length; k++) {
                assertThat(rows2[i][k]).isCloseTo(rows[i][k], within(1e-10 * Math.abs(rows[i][k]) + 1e-15));
            }
        }
        assertThat(rows).hasNumberOfRows(3);
        // t = 0: X₀ = 0 and ‖X*‖ = 1 give R = ½ exactly up to rounding of the d-term sums
        assertThat(rows[0][1]).isCloseTo(0.5, within(1e-12));
        for (var row : rows) {
            double ode = 0.5 * Math.exp(-row[0]); // γ = 1 on K = I
            // mean of M runs within 4 standard errors plus the O(1/d) bias 1.5 t R(t)/d of sgd-ode.md §3.4
            double tol = 4 * row[2] / Math.sqrt(m) + 1.5 * row[0] * ode / d + 1e-12;
            assertThat(row[1]).as("t = %s", row[0]).isCloseTo(ode, within(tol));
            assertThat(row[3]).isEqualTo(1.0);
            assertThat(row[4]).isZero();
        }
    }

    @Test
    void simulateDivergenceStopsTheRowsAndExitsWith1() {
        var r = run("simulate", "--d", "64", "--seeds", "2", "--lr", "const:2.5", "--grid", "0,1,200");
        assertThat(r.code()).isEqualTo(ExitCodes.CLAIM_FAILED);
        assertThat(rows(r.out(), "t,risk_mean,risk_sd,lr_mean,lr_sd")).hasNumberOfRows(2);
        assertThat(r.errLines()).singleElement().asString().contains("2 of 2 runs diverged", "rows stop before it");
    }

    @Test
    void idealizedRulesOutsideLeastSquaresAreAUsageErrorOfSimulate() {
        var r = run("simulate", "--model", "logistic", "--lr", "line-search");
        OptdynCliTest.assertOneLineUsageError(r, "optdyn simulate", "least-squares");
    }

    private static String[] concat(List<String> a, String... b) {
        var l = new java.util.ArrayList<>(a);
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }
}
