package org.optdyn.verification.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.optdyn.verification.experiment.Experiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code optdyn list}: the experiments, one line each — name, claim, source. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the experiments, one line each: name, the claim it checks, and its source "
                + "(paper, theorem, theory-doc section)."})
final class ListCommand implements Callable<Integer> {

    private final Supplier<List<Experiment>> catalogue;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    ListCommand(Supplier<List<Experiment>> catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var all = catalogue.get();
        int w = all.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (var e : all) {
            out.printf("%-" + Math.max(w, 1) + "s  %s  [%s]%n", e.name(), oneLine(e.claim()), oneLine(e.source()));
        }
        if (all.isEmpty()) {
            spec.commandLine().getErr().println("optdyn list: the experiment catalogue is empty");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
