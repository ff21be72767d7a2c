package org.optdyn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.optdyn.engine.dln.DlnProblem;
import org.optdyn.engine.stream.TimeGrid;
import org.optdyn.theory.pde.FokkerPlanckGrid;
import org.optdyn.theory.pde.ParticleSolver;

/**
 * The particle-free PDE solver of diagonal-networks.md §5 ({@link FokkerPlanckGrid}), in nanoseconds per cell-step:
 * an invocation solves {@value #STEPS} steps of N1 (four classes, sigma = 0.3, gamma = 0.5) on the default grid
 * (2001 cells, dt = 0.002), so with {@code @OperationsPerInvocation(STEPS * 4 * 2001)} the score is ns per
 * (cell x class x step). Baseline in the same run: one tridiagonal (Thomas) solve per cell, the least a
 * Crank–Nicolson step can cost (the solver does two, plus two operator assemblies with a square root and an
 * {@code expm1} per face). Second pair: the whole solve to t = 2 of the grid and of the particle solver at their
 * defaults (M = 2e5, dt = 0.002), whose error estimates there are about 1e-5 and 3e-4 in the risk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class FokkerPlanckGridBench {

    static final int STEPS = 100;
    static final int CELLS = 2001;
    static final int CLASSES = 4;

    private DlnProblem steps;
    private DlnProblem toTwo;
    private DlnProblem particlesToTwo;
    private FokkerPlanckGrid grid;
    private double[] lower;
    private double[] diag;
    private double[] upper;
    private double[] rhs;
    private double[] scratch;

    @Setup
    public void setup() {
        grid = FokkerPlanckGrid.defaults();
        if (grid.cells() != CELLS) {
            throw new IllegalStateException("default cells changed: " + grid.cells());
        }
        steps = DlnProblem.n1(4000, 0.5, 0.3, TimeGrid.of(STEPS * grid.dt()));
        toTwo = DlnProblem.n1(4000, 0.5, 0.3, TimeGrid.of(2));
        particlesToTwo = ParticleSolver.replicate(toTwo, 50);
        var check = grid.solve(steps).orElseThrow();
        if (check.trajectory().size() != 2 || !(check.trajectory().risk()[1] < 0.145)) {
            throw new IllegalStateException("unexpected grid run " + check);
        }
        lower = new double[CELLS];
        diag = new double[CELLS];
        upper = new double[CELLS];
        rhs = new double[CELLS];
        scratch = new double[CELLS];
        for (int j = 0; j < CELLS; j++) {
            lower[j] = 0.3 + 1e-4 * j;
            upper[j] = 0.2 + 1e-4 * j;
            diag[j] = 1 + lower[j] + upper[j];
            rhs[j] = 1.0 / CELLS;
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * CLASSES * CELLS)
    public Object gridCellStep() {
        return grid.solve(steps);
    }

    /** One Thomas solve of a diagonally dominant system of {@value #CELLS} unknowns per cell: the baseline. */
    @Benchmark
    @OperationsPerInvocation(CELLS)
    public double thomasBound() {
        double[] c = scratch;
        double[] b = rhs;
        double den = diag[0];
        c[0] = -upper[0] / den;
        double prev = b[0] / den;
        b[0] = prev;
        for (int j = 1; j < CELLS; j++) {
            den = diag[j] + lower[j] * c[j - 1];
            c[j] = -upper[j] / den;
            prev = (b[j] + lower[j] * prev) / den;
            b[j] = prev;
        }
        for (int j = CELLS - 2; j >= 0; j--) {
            b[j] -= c[j] * b[j + 1];
        }
        double s = b[0];
        for (int j = 0; j < CELLS; j++) {
            b[j] = 1.0 / CELLS;
        }
        return s;
    }

    /** The grid solve of N2's setting to t = 2 (milliseconds in the report: divide by 1e6). */
    @Benchmark
    public Object gridSolveToTwo() {
        return grid.solve(toTwo);
    }

    /** The particle solve of the same problem at the particle defaults (M = 2e5, dt = 0.002). */
    @Benchmark
    public Object particleSolveToTwo() {
        return ParticleSolver.defaults().solve(particlesToTwo, 1);
    }
}
