package org.optdyn.verification.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.optdyn.verification.adam.AdamRotationExperiments;
import org.optdyn.verification.averagecase.AverageCaseExperiments;
import org.optdyn.verification.dmft.DmftExperiments;
import org.optdyn.verification.dln.DlnExperiments;
import org.optdyn.verification.games.GamesExperiments;
import org.optdyn.verification.sam.SamExperiments;
import org.optdyn.verification.sgdode.SgdOdeExperiments;

/**
 * Every experiment optdyn knows, in report order. Each theory area contributes one suite (a static
 * {@code all()} method returning its experiments); add a line below for a new suite.
 */
public final class ExperimentCatalogue {

    private static final List<Supplier<List<Experiment>>> SUITES = suites();

    private static List<Supplier<List<Experiment>>> suites() {
        var s = new ArrayList<Supplier<List<Experiment>>>();
        // one line per suite, in report order:
        s.add(SgdOdeExperiments::all);
        s.add(AverageCaseExperiments::all);
        s.add(GamesExperiments::all);
        s.add(DmftExperiments::all);
        s.add(DlnExperiments::all);
        s.add(AdamRotationExperiments::all);
        s.add(SamExperiments::all);
        return List.copyOf(s);
    }

    private ExperimentCatalogue() {
    }

    /** @return all experiments, in report order; names are unique. */
    public static List<Experiment> all() {
        var list = new ArrayList<Experiment>();
        for (var suite : SUITES) {
            list.addAll(suite.get());
        }
        return List.copyOf(list);
    }

    /** @return the experiment with this name, if any. */
    public static Optional<Experiment> byName(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
