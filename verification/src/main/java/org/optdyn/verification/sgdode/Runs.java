package org.optdyn.verification.sgdode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.HomogenizedSgd;
import org.optdyn.engine.stream.RunTrajectory;
import org.optdyn.engine.stream.SimulationSpec;
import org.optdyn.engine.stream.StreamingSimulator;
import org.optdyn.engine.stream.Trajectory;
import org.optdyn.theory.ode.GlmModel;
import org.optdyn.theory.ode.HighLineOde;
import org.optdyn.theory.ode.OdeProblem;
import org.optdyn.theory.ode.OdeTrajectory;
import org.optdyn.verification.experiment.RunConfig;
import org.optdyn.verification.experiment.Series;
import org.optdyn.verification.experiment.Statistics;

/**
 * Shared plumbing of the SGD-versus-ODE experiments: parallel simulation with split streams, the reported risk of
 * each recorded overlap matrix B evaluated by the theory layer (so simulation and ODE are compared on the same
 * footing, sgd-ode.md §8 step 5), and series for the figures.
 */
final class Runs {

    private Runs() {
    }

    /** Progress over a whole experiment: {@code total} runs of work. */
    static final class Progress {
        private final RunConfig config;
        private final long total;
        private final AtomicLong done = new AtomicLong();

        Progress(RunConfig config, long total) {
            this.config = config;
            this.total = total;
        }

        void advance() {
            config.progress().advance(done.incrementAndGet(), total);
        }
    }

    /** Runs {@code runs} seeds of {@code spec}; the streams are the child {@code stream} of the master seed. */
    static List<Outcome<RunTrajectory>> simulate(SimulationSpec spec, RunConfig config, long stream, int runs,
                                                 Progress p) {
        return StreamingSimulator.runMany(spec, new RandomStreams(config.seed()).child(stream), runs,
                config.threads(), r -> p.advance());
    }

    /**
     * Runs {@code runs} seeds of homogenized SGD on {@code spec} (Euler–Maruyama, step 1/d); the streams are the
     * child {@code stream} of the master seed.
     */
    static List<Outcome<RunTrajectory>> simulateHomogenized(SimulationSpec spec, RunConfig config, long stream,
                                                            int runs, Progress p) {
        return HomogenizedSgd.runMany(spec, new RandomStreams(config.seed()).child(stream), runs, config.threads(),
                HomogenizedSgd.defaultStep(spec), r -> p.advance());
    }

    /** @return the completed trajectories, or throws naming the diverged run (used where divergence is a bug). */
    static List<Trajectory> completed(List<Outcome<RunTrajectory>> runs, String what) {
        var out = new ArrayList<Trajectory>();
        for (var r : runs) {
            if (r instanceof Outcome.Diverged<RunTrajectory> d) {
                throw new IllegalStateException(what + ": run " + d.partial().run() + " diverged at step " + d.step()
                        + ": " + d.reason());
            }
            out.add(r.value().trajectory());
        }
        return out;
    }

    /** @return the reported risk (§1.3) at every record of {@code t}, from B via the theory's model functions. */
    static double[] risk(Trajectory t, GlmModel model, double omega) {
        double[] r = new double[t.size()];
        for (int j = 0; j < r.length; j++) {
            r[j] = model.terms(t.b11()[j], t.b12()[j], t.b22()[j], omega * omega).risk();
        }
        return r;
    }

    /** @return {@code [run][grid]} reported risks. */
    static double[][] risks(List<Trajectory> runs, GlmModel model, double omega) {
        double[][] m = new double[runs.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = risk(runs.get(i), model, omega);
        }
        return m;
    }

    /** @return {@code [run][grid]} learning rates. */
    static double[][] learningRates(List<Trajectory> runs) {
        double[][] m = new double[runs.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = runs.get(i).learningRates();
        }
        return m;
    }

    /** Solves the ODE. */
    static Outcome<OdeTrajectory> ode(OdeProblem problem) {
        return HighLineOde.solve(problem);
    }

    /** @return the ODE trajectory, which must have completed. */
    static OdeTrajectory odeCompleted(OdeProblem problem) {
        return HighLineOde.solve(problem).orElseThrow();
    }

    /** @return the index of time {@code t} in {@code times} (exact match of k/d). */
    static int indexOf(double[] times, double t) {
        for (int j = 0; j < times.length; j++) {
            if (Math.abs(times[j] - t) < 1e-12) {
                return j;
            }
        }
        throw new IllegalArgumentException("time " + t + " is not on the grid");
    }

    /** Figure series: the ODE as a line and every run as markers. */
    static List<Series> series(String label, double[] times, double[] ode, double[][] runs) {
        var s = new ArrayList<Series>();
        s.add(new Series("ODE " + label, Series.Kind.THEORY_LINE, times, ode));
        for (int i = 0; i < runs.length; i++) {
            s.add(new Series("SGD " + label + " seed " + i, Series.Kind.SIMULATION_MARKERS, times, runs[i]));
        }
        return s;
    }
}
