package org.optdyn.verification.cli;

import java.util.concurrent.Callable;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.HighLineOde;
import org.optdyn.theory.ode.InitialOverlaps;
import org.optdyn.theory.ode.OdeOptions;
import org.optdyn.theory.ode.OdeProblem;
import org.optdyn.theory.ode.OdeTrajectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code optdyn ode}: solves the high-line ODE (sgd-ode.md §2.4, {@link HighLineOde}) from X₀ = 0 and an isotropic
 * unit target (expected projections s_j = w_j, §1.6) and prints {@code t,risk,lr} as CSV. A divergence prints the
 * rows before it, one line on standard error, and exits with code 1.
 */
@Command(name = "ode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve the deterministic-equivalent ODE of streaming SGD (sgd-ode.md §2) for the given "
                + "problem and write CSV with header t,risk,lr (risk = population risk; KL for logistic).",
            "Defaults: X0 = 0, |X*| = 1 with isotropic direction (expected projections 1/d); --start warm:A,R "
                + "starts from the expected overlaps of X0 = A X* + R u, u orthogonal to X*.",
            "Exit code: 0 solved, 1 the ODE diverged (rows up to the divergence are printed), 2 bad flags."})
final class OdeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ProblemOptions problem;

    @Option(names = "--rtol", paramLabel = "R", defaultValue = "1e-10",
            description = "Relative tolerance of the adaptive Dormand-Prince 8(5,3) integrator, in [1e-14, 1e-2]. "
                    + "Default: ${DEFAULT-VALUE}.")
    double rtol;

    @Override
    public Integer call() throws Exception {
        var cl = spec.commandLine();
        if (!(rtol >= 1e-14 && rtol <= 1e-2)) {
            throw new CommandLine.ParameterException(cl, "--rtol must be in [1e-14, 1e-2], got " + rtol);
        }
        var p = problem.problem(cl);
        OdeProblem ode = ProblemOptions.orUsageError(cl, () -> {
            var spectrum = p.spectrum();
            return OdeProblem.of(GlmModel.of(p.model()), spectrum, p.lr(), p.times())
                    .withNoise(p.noise())
                    .withInitial(p.warm() == null ? InitialOverlaps.isotropic(spectrum)
                            : InitialOverlaps.isotropicWarmStart(spectrum, p.warm().alpha(), p.warm().rho()))
                    .withOptions(OdeOptions.defaults().withRelativeTolerance(rtol).withGroupOverlaps(false));
        });
        var outcome = HighLineOde.solve(ode);
        var tr = outcome.value();
        var t = tr.times();
        var risk = tr.risk();
        var lr = tr.learningRate();
        try (var out = problem.output(cl)) {
            out.println("t,risk,lr");
            for (int i = 0; i < t.length; i++) {
                out.println(t[i] + "," + risk[i] + "," + lr[i]);
            }
            out.flush();
        }
        if (outcome instanceof Outcome.Diverged<OdeTrajectory> d) {
            cl.getErr().println("optdyn ode: the ODE diverged at t = " + d.time() + ": " + d.reason()
                    + " (rows stop before it)");
            cl.getErr().flush();
            return ExitCodes.CLAIM_FAILED;
        }
        return ExitCodes.OK;
    }
}
