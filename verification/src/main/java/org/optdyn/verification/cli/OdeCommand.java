package org.optdyn.verification.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code optdyn ode}: solves the high-line ODE (sgd-ode.md §2) and prints {@code t,risk,lr} as CSV. */
@Command(name = "ode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve the deterministic-equivalent ODE of streaming SGD (sgd-ode.md §2) for the given "
                + "problem and write CSV with header t,risk,lr (risk = population risk; KL for logistic).",
            "Defaults: X0 = 0, |X*| = 1 with isotropic direction (expected projections 1/d)."})
final class OdeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ProblemOptions problem;

    @Option(names = "--rtol", paramLabel = "R", defaultValue = "1e-8",
            description = "Relative tolerance of the adaptive integrator. Default: ${DEFAULT-VALUE}.")
    double rtol;

    @Override
    public Integer call() throws Exception {
        var cl = spec.commandLine();
        if (!(rtol > 0 && rtol < 1)) {
            throw new CommandLine.ParameterException(cl, "--rtol must be in (0, 1), got " + rtol);
        }
        var p = problem.problem(cl);
        throw new UsageException("the ODE solver is not part of this build yet (problem d = " + p.d() + ")");
    }
}
