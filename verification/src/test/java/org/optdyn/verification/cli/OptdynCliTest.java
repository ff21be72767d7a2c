package org.optdyn.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optdyn.verification.experiment.Experiment;
import org.optdyn.verification.report.FakeExperiment;

/** The command line through picocli's API: exit codes, help, error messages, and the reproduce run. */
class OptdynCliTest {

    @TempDir
    Path tmp;

    /** Exit code, standard output and standard error of one invocation. */
    record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        /** @return the rows of the CSV on standard output, after checking its header */
        double[][] csvRows(String header) {
            var lines = out.lines().toList();
            assertThat(lines.getFirst()).isEqualTo(header);
            return lines.stream().skip(1).map(l -> Arrays.stream(l.split(","))
                    .mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
        }
    }

    static Result run(List<Experiment> catalogue, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = OptdynCli.create(() -> catalogue);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return run(List.of(FakeExperiment.passing("fake-a"), FakeExperiment.passing("fake-b")), args);
    }

    /** A usage error is exactly one line naming the command, with no stack trace. */
    static void assertOneLineUsageError(Result r, String command, String... fragments) {
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith(command + ": ").contains(fragments)
                .doesNotContain("Exception", "\tat ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''        | list reproduce ode simulate
            list      | name claim source
            reproduce | --all --size --seed --threads --sabotage --out NAME
            ode       | --model --spectrum --lr --noise --start --d --grid --tmax --points --rtol --out t,risk,lr
            simulate  | --model --spectrum --lr --noise --d --grid --tmax --points --solver --seeds --seed --out risk_mean
            """)
    void everyCommandHasHelpThatNamesItsFlags(String command, String flags) {
        var args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        var r = run(args);
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: optdyn").contains(flags.split(" "));
    }

    @Test
    void noCommandIsAUsageError() {
        assertOneLineUsageError(run(), "optdyn", "missing command");
    }

    @Test
    void listPrintsOneLinePerExperimentWithNameClaimAndSource() {
        var r = run("list");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("decays like exp(-2t)", "[Test fixture (no paper)]"));
        assertThat(r.out()).contains("fake-a ", "fake-b ");
    }

    @Test
    void reproduceRunsTheNamedExperimentsWritesTheReportAndPrintsTheTable() {
        var out = tmp.resolve("rep");
        var r = run("reproduce", "fake-b", "--size", "test", "--seed", "11", "--threads", "1", "--out",
                out.toString(), "--progress", "lines");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("experiment", "metric", "measured", "tolerance", "result")
                .contains("fake-b", "max relative gap", "<= 0.05", "PASS", "1/1 experiments pass")
                .doesNotContain("fake-a");
        assertThat(r.err()).contains("[1/1] fake-b  started", "[1/1] fake-b  PASS");
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("fake-b/risk.svg")).isRegularFile();
        assertThat(out.resolve("fake-a")).doesNotExist();
    }

    @Test
    void reproduceWithoutNamesRunsAllAndAFailingClaimGivesExitCode1() throws Exception {
        var out = tmp.resolve("rep");
        var r = run(List.of(FakeExperiment.passing("good"), FakeExperiment.failing("bad"),
                FakeExperiment.throwing("boom")), "reproduce", "--size", "test", "--out", out.toString(),
                "--progress", "none");
        assertThat(r.code()).isEqualTo(ExitCodes.CLAIM_FAILED);
        assertThat(r.out()).containsPattern("good\\s+max relative gap.*PASS")
                .containsPattern("bad\\s+max relative gap.*FAIL")
                .containsPattern("boom\\s+error: IllegalStateException: integrator diverged at t = 1.5.*ERROR")
                .contains("1/3 experiments pass");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"passed\": false");
    }

    @Test
    void reproduceUnderSabotageFailsEveryExperimentExitsOneAndMarksTheReport() throws Exception {
        var out = tmp.resolve("rep");
        var r = run("reproduce", "--size", "test", "--sabotage", "--out", out.toString(), "--progress", "none");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLAIM_FAILED);
        assertThat(r.out()).contains("0/2 experiments pass", "every experiment failed, as it must");
        var json = Files.readString(out.resolve("summary.json"));
        assertThat(json).contains("\"sabotage\": true", "\"resolution\": \"a 10 % error in the predicted curve\"",
                "\"false_failure_probability\": 0.0", "\"false_failure_basis\": \"by construction\"");
        assertThat(Files.readString(out.resolve("index.html"))).contains("SABOTAGED RUN");
    }

    @Test
    void aSabotagedExperimentThatStillPassesIsNamedAsAnOracleThatCannotSayNo() {
        // tolerance 1.0 accepts a 10 % error: this oracle cannot say no at its stated resolution
        var r = run(List.of(new FakeExperiment("lenient", 1.0, false), FakeExperiment.passing("strict")),
                "reproduce", "--size", "test", "--sabotage", "--out", tmp.resolve("rep").toString(),
                "--progress", "none");
        assertThat(r.code()).isEqualTo(ExitCodes.CLAIM_FAILED);
        assertThat(r.out()).contains("1 experiment(s) did NOT fail (their oracle cannot say no): lenient");
    }

    @Test
    void reproduceAllAndNamesTogetherIsAUsageError() {
        assertOneLineUsageError(run("reproduce", "--all", "fake-a"), "optdyn reproduce", "not both");
    }

    @Test
    void unknownExperimentIsAUsageErrorListingTheKnownOnes() {
        assertOneLineUsageError(run("reproduce", "fake-c"), "optdyn reproduce", "unknown experiment 'fake-c'",
                "fake-a, fake-b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --bogus                | Unknown option: '--bogus'
            --size huge            | --size
            --seed abc             | --seed
            --threads 0            | --threads must be at least 1
            """)
    void badReproduceFlagsAreOneLineUsageErrors(String flags, String fragment) {
        var args = new java.util.ArrayList<>(List.of("reproduce"));
        args.addAll(List.of(flags.split(" ")));
        assertOneLineUsageError(run(args.toArray(String[]::new)), "optdyn reproduce", fragment);
    }

    @Test
    void anOutThatIsAFileOrAForeignFolderIsAUsageErrorBeforeAnythingRuns() throws Exception {
        var file = Files.writeString(tmp.resolve("f.txt"), "x");
        assertOneLineUsageError(run("reproduce", "--out", file.toString()), "optdyn reproduce", "not a directory");
        var dir = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(dir.resolve("keep.md"), "keep");
        var r = run("reproduce", "--out", dir.toString(), "--progress", "lines");
        assertOneLineUsageError(r, "optdyn reproduce", "not an optdyn report");
        assertThat(Files.readString(dir.resolve("keep.md"))).isEqualTo("keep");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ode      | --model svm                      | unknown model 'svm'
            ode      | --spectrum two-point:1            | two-point needs two eigenvalues
            ode      | --spectrum power-law:1.5          | power-law BETA must be finite and < 1
            ode      | --spectrum file:/no/such/eig.txt  | no such file: /no/such/eig.txt
            ode      | --lr adagrad-norm:1               | adagrad-norm needs ETA,B
            ode      | --lr const:-1                     | const GAMMA must be finite and > 0
            ode      | --grid 0,2,1                      | must increase strictly
            ode      | --grid 0,1 --tmax 5               | --grid or --tmax/--points, not both
            ode      | --model logistic --noise 0.5      | not modelled for logistic
            ode      | --spectrum two-point:1,2 --d 7    | even dimension
            ode      | --spectrum identity --d 0         | --d must be >= 1
            ode      | --d                               | Missing required parameter
            ode      | --start warm:1                    | --start warm:ALPHA,RHO
            ode      | --rtol 1e-20                      | --rtol must be in [1e-14, 1e-2]
            simulate | --seeds 0                         | --seeds must be >= 1
            simulate | --noise -1                        | --noise must be finite and >= 0
            simulate | --spectrum list:1,2,3 --d 10      | multiple of 3
            """)
    void badProblemFlagsAreOneLineUsageErrors(String command, String flags, String fragment) {
        var args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of(flags.split(" ")));
        assertOneLineUsageError(run(args.toArray(String[]::new)), "optdyn " + command, fragment);
    }

    @Test
    void aSpectrumFileWithGarbageIsAUsageErrorNamingTheLine() throws Exception {
        var f = Files.writeString(tmp.resolve("eig.txt"), "# eigenvalues\n1.0 2.0\n3,x\n");
        assertOneLineUsageError(run("ode", "--spectrum", "file:" + f), "optdyn ode", "line 3: not a number: 'x'");
    }
}
