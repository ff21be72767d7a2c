package org.optdyn.verification.dln;

import java.util.ArrayList;
import java.util.List;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnSimulator;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.verification.experiment.RunConfig;

/** Shared plumbing of the DLN experiments: SGD runs on split streams of the master seed. */
final class DlnRuns {

    private DlnRuns() {
    }

    /**
     * Runs {@code runs} independent SGD runs of {@code problem} on the child {@code stream} of the master seed.
     *
     * @throws IllegalStateException naming the run when one diverges (the experiments that use this keep their steps
     *                               far below the blow-up of diagonal-networks.md N7, so a divergence is a bug)
     */
    static List<DlnTrajectory> simulate(DlnProblem problem, RunConfig config, long stream, int runs, String what) {
        long seed = new RandomStreams(config.seed()).child(stream).masterSeed();
        var out = new ArrayList<DlnTrajectory>();
        int r = 0;
        for (Outcome<DlnTrajectory> o : DlnSimulator.runMany(problem, seed, runs, config.threads())) {
            if (o instanceof Outcome.Diverged<DlnTrajectory> div) {
                throw new IllegalStateException(what + ": run " + r + " at d = " + problem.instance().dimension()
                        + " diverged at t = " + div.time() + ": " + div.reason());
            }
            out.add(o.value());
            r++;
        }
        return out;
    }

    /** @return index of the recorded time nearest {@code t} */
    static int indexOf(DlnTrajectory tr, double t) {
        double[] times = tr.times();
        int best = 0;
        for (int j = 1; j < times.length; j++) {
            if (Math.abs(times[j] - t) < Math.abs(times[best] - t)) {
                best = j;
            }
        }
        return best;
    }
}
