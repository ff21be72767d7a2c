package org.optdyn.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.pde.FokkerPlanckGrid;
import org.optdyn.theory.pde.ParticleSolver;
import org.optdyn.theory.pde.SdeSolver;

/** {@code optdyn dln}: issue 12's command line (SGD, SDE, particle and grid solvers). */
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
                {"dln", "--gamma", "1", "--d", "10", "--solver", "pde"},
                {"dln", "--gamma", "1", "--d", "10", "--particles", "100"},
                {"dln", "--gamma", "1", "--d", "10", "--dt", "0.01"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "sde", "--particles", "100"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "particles", "--particles", "0"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "particles", "--particles", "1.5"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "particles", "--particles", "many"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "particles", "--particles", "1e9"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "particles", "--seeds", "3"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "particles", "--dt", "0"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "sde", "--dt", "NaN"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "sde", "--dt", "-0.1"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "sde", "--dt", "5"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "sde", "--dt", "x"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "particles", "--dt", "1e-9", "--tmax", "100"},
                {"dln", "--gamma", "1", "--d", "10", "--instance", "n2"},
                {"dln", "--gamma", "1", "--d", "10", "--grid", "1,2", "--tmax", "3"},
                {"dln", "--gamma", "1", "--d", "1000000", "--tmax", "10"},
                {"dln", "--gamma", "1", "--d", "10", "--parametrisation", "x"},
                {"dln", "--gamma", "1", "--d", "10", "--cells", "101"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "particles", "--half-width", "5"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "grid", "--cells", "100"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "grid", "--cells", "5"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "grid", "--half-width", "0"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "grid", "--seeds", "2"},
                {"dln", "--gamma", "1", "--d", "10", "--solver", "grid", "--cells", "100001", "--dt", "1e-6"}}) {
            var r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
    }

    /** The CSV of the command before the SDE and particle solvers were added (captured from the committed build). */
    @Test
    void theSgdSolverIsByteIdenticalToTheOneBeforeTheOtherSolvers() {
        var a = run("dln", "--gamma", "0.5", "--sigma", "0.3", "--d", "300", "--tmax", "1", "--points", "5", "--seeds",
                "3");
        assertThat(a.out()).isEqualTo("""
                t,risk_mean,risk_sd,curvature_mean,imbalance_mean,l1_mean
                0.0,0.14500000000000002,0.0,1.0,1.0,0.0
                0.25,0.12650620908190285,0.0018058767023588504,1.0274966496957574,0.9801811172699509,0.11226901309517474
                0.5,0.11330998772572609,0.001065149645055373,1.048780079215384,0.9668365416134742,0.14802141815297584
                0.75,0.1032719698439059,8.166053969353928E-4,1.0720111808071844,0.9531536588377798,0.17652336243973166
                1.0,0.09386977476111036,0.0014778883505330602,1.0926992184784212,0.9419113736184309,0.19806530030905622
                """);
        var b = run("dln", "--gamma", "4", "--d", "500", "--tmax", "1", "--points", "21");
        assertThat(b.code()).isEqualTo(1);
        assertThat(b.err()).contains("optdyn dln: seed 0 diverged at t = 0.084 (step 42): residual e = "
                + "-2.0535555742165038E14 at step 42 (e^2 above 1e12 times 2 R(0) = 0.2) (rows stop before it)");
        assertThat(b.out()).endsWith("0.05,0.6334019517173142,,1.3842444786181138,0.5921260282737657,"
                + "0.5232946080889357" + System.lineSeparator());
    }

    @Test
    void theParticleSolverPrintsItsDeterministicSolutionWithAnEmptySdColumn() {
        var args = new String[] {"dln", "--solver", "particles", "--gamma", "0.5", "--sigma", "0.3", "--d", "100",
            "--particles", "2e3", "--dt", "0.005", "--grid", "0.25,0.5", "--seed", "4"};
        var r = run(args);
        assertThat(r.code()).as(r.err()).isZero();
        var rows = rows(r.out());
        assertThat(rows).hasNumberOfRows(3);
        assertThat(rows[2][0]).isEqualTo("0.5");
        assertThat(rows[1][2]).isEmpty();
        assertThat(Double.parseDouble(rows[0][1])).isCloseTo(0.145, within(1e-15));
        // the same numbers as the library: 2000 particles = N1 at d = 100 replicated 20 times
        var problem = ParticleSolver.replicate(DlnProblem.n1(100, 0.5, 0.3, TimeGrid.of(0.25, 0.5)), 20);
        var expected = new ParticleSolver(0.005).solve(problem, 4).orElseThrow().trajectory();
        assertThat(Double.parseDouble(rows[2][1])).isEqualTo(expected.risk()[2]);
        assertThat(Double.parseDouble(rows[2][3])).isEqualTo(expected.curvature()[2]);
        assertThat(Double.parseDouble(rows[2][4])).isEqualTo(expected.imbalance()[2]);
        assertThat(Double.parseDouble(rows[2][5])).isEqualTo(expected.l1()[2]);
        assertThat(run(args).out()).isEqualTo(r.out());
        // the default particle count rounds 2e5 to a multiple of d: d = 3000 -> r = 67, M = 201000 (checked cheaply)
        assertThat(ParticleSolver.replicasFor(3000, 200_000) * 3000).isEqualTo(201_000);
    }

    @Test
    void theGridSolverPrintsTheLibrarysSolutionAndReportsMassAtTheEdgeAsDivergence() {
        var r = run("dln", "--solver", "grid", "--gamma", "0.5", "--sigma", "0.3", "--d", "100", "--cells", "401",
                "--half-width", "4", "--dt", "0.01", "--grid", "0.5,1");
        assertThat(r.code()).as(r.err()).isZero();
        var rows = rows(r.out());
        assertThat(rows).hasNumberOfRows(3);
        assertThat(rows[1][2]).isEmpty();
        var expected = new FokkerPlanckGrid(401, 4, 0.01).solve(DlnProblem.n1(100, 0.5, 0.3, TimeGrid.of(0.5, 1)))
                .orElseThrow().trajectory();
        assertThat(Double.parseDouble(rows[2][1])).isEqualTo(expected.risk()[2]);
        assertThat(Double.parseDouble(rows[2][5])).isEqualTo(expected.l1()[2]);
        var narrow = run("dln", "--solver", "grid", "--gamma", "2", "--d", "100", "--cells", "401", "--half-width",
                "4", "--grid", "0.1,0.3");
        assertThat(narrow.code()).isEqualTo(1);
        assertThat(narrow.err()).startsWith("optdyn dln: grid diverged at t = ").contains("domain edge")
                .doesNotContain("Exception");
    }

    @Test
    void theSdeSolverAveragesItsSeedsIndependentlyOfTheThreads() {
        var a = run("dln", "--solver", "sde", "--gamma", "0.5", "--sigma", "0.3", "--d", "200", "--seeds", "3",
                "--tmax", "0.5", "--points", "3", "--threads", "1");
        var b = run("dln", "--solver", "sde", "--gamma", "0.5", "--sigma", "0.3", "--d", "200", "--seeds", "3",
                "--tmax", "0.5", "--points", "3", "--threads", "2");
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        var rows = rows(a.out());
        assertThat(Double.parseDouble(rows[2][2])).isPositive();
        var problem = DlnProblem.n1(200, 0.5, 0.3, TimeGrid.linear(0.5, 3));
        var runs = new SdeSolver(0.002).runMany(problem, 1, 3, 1);
        double mean = runs.stream().mapToDouble(o -> o.orElseThrow().risk()[2]).sum() / 3;
        assertThat(Double.parseDouble(rows[2][1])).isCloseTo(mean, within(1e-15));
    }

    @Test
    void aParticleBlowUpNamesItsTimeAndExitsOne() {
        var r = run("dln", "--solver", "particles", "--gamma", "4", "--d", "1000", "--particles", "1e4", "--tmax",
                "1", "--points", "21");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("optdyn dln: particles (seed 1) diverged at t = ").doesNotContain("Exception");
        assertThat(rows(r.out()).length).isBetween(1, 20);
    }
}
