package org.optdyn.verification.dmft;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.optdyn.engine.erm.ErmProblem;
import org.optdyn.engine.erm.ErmSimulator;
import org.optdyn.engine.erm.ErmTrajectory;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.theory.dmft.DmftSolution;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;

/**
 * Shared plumbing of the DMFT experiments: finite-d runs of {@link ErmSimulator} on split streams of the master seed,
 * the three observables of dmft.md §1 read the same way from a simulated trajectory and from the DMFT, and figure
 * series (theory as a line, every run as markers).
 */
final class ErmRuns {

    private ErmRuns() {
    }

    /** An observable of dmft.md §1, read from a simulation and from the theory at step {@code t}. */
    enum Observable {
        /** {@code m(t) = theta^t . Sigma theta* / d}. */
        M("m", (r, t) -> r.m()[t], (s, t) -> s.m()[t]),
        /** Training loss {@code (1/n) sum_mu l(x_mu . q^t; y_mu)} (at the look-ahead point for Nesterov). */
        TRAIN("train loss", (r, t) -> r.trainLoss()[t], (s, t) -> s.trainLoss()[t]),
        /** Population test loss (test error for classification). */
        TEST("test loss", (r, t) -> r.testLoss()[t], (s, t) -> s.testLoss()[t]);

        private final String label;
        private final BiFunction<ErmTrajectory, Integer, Double> simulated;
        private final BiFunction<DmftSolution, Integer, Double> theory;

        Observable(String label, BiFunction<ErmTrajectory, Integer, Double> simulated,
                   BiFunction<DmftSolution, Integer, Double> theory) {
            this.label = label;
            this.simulated = simulated;
            this.theory = theory;
        }

        String label() {
            return label;
        }

        /** @return {@code [run][t]}: the observable of every run at every step */
        double[][] of(List<ErmTrajectory> runs) {
            double[][] v = new double[runs.size()][];
            for (int i = 0; i < v.length; i++) {
                ErmTrajectory r = runs.get(i);
                v[i] = new double[r.size()];
                for (int t = 0; t < v[i].length; t++) {
                    v[i][t] = simulated.apply(r, t);
                }
            }
            return v;
        }

        /** @return the theory's curve at steps {@code 0..T} */
        double[] of(DmftSolution s) {
            double[] v = new double[s.size()];
            for (int t = 0; t < v.length; t++) {
                v[t] = theory.apply(s, t);
            }
            return v;
        }
    }

    /**
     * Runs {@code runs} independent instances of {@code problem} at dimension {@code d} on the child {@code stream} of
     * the master seed (run {@code r} of the same stream draws the same data, teacher and start whatever the batch,
     * method or learning rate: the selections come from a separate child stream).
     *
     * @throws IllegalStateException naming the run and step when a run diverges (the experiments keep every problem
     *                               inside the stability region of dmft.md §8 step 6, so a divergence is a bug)
     */
    static List<ErmTrajectory> simulate(ErmProblem problem, int d, RunConfig config, long stream, int runs,
                                        String what) {
        long seed = new RandomStreams(config.seed()).child(stream).masterSeed();
        var out = new ArrayList<ErmTrajectory>();
        int r = 0;
        for (Outcome<ErmTrajectory> o : ErmSimulator.runMany(problem, d, seed, runs, config.threads())) {
            if (o instanceof Outcome.Diverged<ErmTrajectory> div) {
                throw new IllegalStateException(what + ": run " + r + " at d = " + d + " diverged at step " + div.step()
                        + ": " + div.reason());
            }
            out.add(o.value());
            r++;
        }
        return out;
    }

    /** @return the steps {@code 0..n-1} as doubles (the x axis of a figure) */
    static double[] steps(int n) {
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = t;
        }
        return x;
    }

    /** Figure series of one observable: the theory as a line and every run as markers. */
    static List<Series> series(Observable o, double[] theory, double[][] runs) {
        var s = new ArrayList<Series>();
        double[] x = steps(theory.length);
        s.add(new Series("DMFT " + o.label(), Series.Kind.THEORY_LINE, x, theory));
        for (int i = 0; i < runs.length; i++) {
            s.add(new Series(o.label() + " seed " + i, Series.Kind.SIMULATION_MARKERS, x, runs[i]));
        }
        return s;
    }
}
