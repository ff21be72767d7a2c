package org.optdyn.theory.pde;

import java.util.List;
import java.util.Objects;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.dln.DlnTrajectory;
import org.optdyn.engine.outcome.Outcome;
import org.optdyn.engine.random.RandomStreams;
import org.optdyn.engine.stream.RunPool;

/**
 * The finite-{@code d} SDE of diagonal-networks.md §2 (drift = gradient flow of the population risk, multiplicative
 * gradient noise), a second stochastic reference beside SGD:
 * <pre>
 *   du_i = -gamma k_i (theta_i - beta_i) v_i dt + gamma sqrt(2 R_t k_i) v_i dB_i
 *   dv_i = -gamma k_i (theta_i - beta_i) u_i dt + gamma sqrt(2 R_t k_i) u_i dB_i,    R_t = R(theta_t)
 * </pre>
 * with one Brownian motion per coordinate shared by {@code u_i} and {@code v_i}, integrated by Euler–Maruyama with
 * step {@code dt} on the problem's own {@code d} coordinates ({@code R_t} from the current state). This is the particle
 * scheme of {@link ParticleSolver} with one particle per coordinate: the two differ only in what the particles stand
 * for (a finite instance here, samples of the population law there) and in that the SDE is run over many seeds.
 *
 * <p>Streams as {@code DlnSimulator}: run {@code r} of master seed {@code s} draws its normals from
 * {@code RandomStreams(s).child(r).gaussian(0)}; results do not depend on the thread count. Records at the grid times
 * rounded to the nearest step {@code round(t/dt)}; divergence as {@link ParticleSolver}.
 *
 * @param dt the time step, finite and {@code > 0}
 */
public record SdeSolver(double dt) {

    public SdeSolver {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
    }

    /** @return the solver with {@link ParticleSolver#DEFAULT_DT} */
    public static SdeSolver defaults() {
        return new SdeSolver(ParticleSolver.DEFAULT_DT);
    }

    /**
     * @param run the run index, {@code >= 0}
     * @return run {@code run} of master seed {@code masterSeed}: its solution, or its divergence
     */
    public Outcome<ParticleSolution> solve(DlnProblem problem, long masterSeed, int run) {
        Objects.requireNonNull(problem, "problem");
        if (run < 0) {
            throw new IllegalArgumentException("run must be >= 0, got " + run);
        }
        return ParticleSolver.run(problem, dt, new RandomStreams(masterSeed).child(run), false);
    }

    /** @return the trajectory of run {@code run} ({@link #solve}) */
    public Outcome<DlnTrajectory> run(DlnProblem problem, long masterSeed, int run) {
        return solve(problem, masterSeed, run).map(ParticleSolution::trajectory);
    }

    /**
     * @param runs    number of runs, {@code >= 1}
     * @param threads worker threads, {@code >= 1}; the result does not depend on it
     * @return runs {@code 0..runs-1} of {@link #run}, in index order
     */
    public List<Outcome<DlnTrajectory>> runMany(DlnProblem problem, long masterSeed, int runs, int threads) {
        Objects.requireNonNull(problem, "problem");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        var root = new RandomStreams(masterSeed);
        return RunPool.runAll(runs, threads, r -> { },
                r -> ParticleSolver.run(problem, dt, root.child(r), false).map(ParticleSolution::trajectory));
    }
}
